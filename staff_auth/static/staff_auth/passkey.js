// Two-factor sign-in (staff_auth): once django-otp-webauthn's script has registered a
// passkey, go on to the page the server named (the new backup codes, then `next`).
document.addEventListener("otp_webauthn.register_complete", () => {
  const holder = document.querySelector("[data-after-passkey]");
  if (holder) {
    window.location.assign(holder.dataset.afterPasskey);
  }
});
