"""The two-factor pages, under the admin's prefix (registered by wagtail_hooks)."""

from django.urls import include, path

from staff_auth import admin_views, views, webauthn
from staff_auth.policy import allow_unverified

app_name = "staff_auth"

urlpatterns = [
    # The second step, before it is passed.
    path("verifiera/", allow_unverified(views.VerifyView.as_view()), name="verify"),
    path("aktivera/", allow_unverified(views.SetupView.as_view()), name="setup"),
    path("lank/<str:token>/", allow_unverified(views.LinkView.as_view()), name="link"),
    # After it.
    path("reservkoder/", views.BackupCodesView.as_view(), name="backup_codes"),
    path("", admin_views.OwnDevicesView.as_view(), name="own_devices"),
    path("personal/", admin_views.StaffView.as_view(), name="staff"),
    path("personal/<int:user_id>/aterstall/", admin_views.ResetView.as_view(), name="reset"),
]

admin_urlpatterns = [
    path("tvastegsverifiering/", include((urlpatterns, app_name))),
    path("tvastegsverifiering/nyckel/", include((webauthn.urlpatterns, "otp_webauthn"))),
]
