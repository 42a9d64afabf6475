"""The limits of Min organisation, Gå med and Kontakta (counted by core.ratelimit).

Password reset mails share their limits with the admin's reset (core.ratelimit).
"""

from core.ratelimit import DAY, HOUR, Limit

JOIN_PER_IP = Limit("join-ip", 5, HOUR)
JOIN_PER_EMAIL = Limit("join-email", 3, DAY)
CONTACT_PER_IP = Limit("contact-ip", 10, HOUR)
CONTACT_PER_EMAIL = Limit("contact-email", 5, HOUR)
LOGIN_FAILURES_PER_IP = Limit("login-ip", 30, 15 * 60)
LOGIN_FAILURES_PER_EMAIL = Limit("login-email", 8, 15 * 60)
INVITATIONS_PER_USER = Limit("invite-user", 20, DAY)
