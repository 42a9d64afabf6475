"""The demo app: seed_demo and the data it loads."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demoinnehåll"
