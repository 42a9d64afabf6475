from django.apps import AppConfig


class StaffAuthConfig(AppConfig):
    name = "staff_auth"
    verbose_name = "Tvåstegsverifiering"
