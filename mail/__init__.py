"""Outgoing e-mail for the whole site: stored, sent by a background task, retried.

A low layer beside `core`: it imports no project app, and every app that mails someone
(members, staff sign-in; later events, alerts, initiatives) goes through `mail.outbox`,
whose docstring is the API. The admin's "Utgående e-post" and the development `.eml`
folder (`mail.backends`, `manage.py read_mail`) live here too.
"""
