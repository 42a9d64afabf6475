"""`manage.py runserver` (what `make run` serves with) without persistent database connections.

The development server runs every browser connection in a thread of its own, and a thread's
database connection lives as long as the thread: with persistent connections
(DATABASE_CONN_MAX_AGE) each kept-alive browser connection held an idle PostgreSQL
connection of its own (32 were seen). Persistence pays off in gunicorn's fixed pool of
threads, where each connection loads the Swedish hunspell dictionary once (about 0.25 s);
here every request closes its connection when it is done. Static files are served as
django.contrib.staticfiles' runserver serves them, which this extends.
"""

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticfilesRunserverCommand,
)


class Command(StaticfilesRunserverCommand):
    def handle(self, *args, **options):
        # Connections read this dict when they connect (django.db.utils.ConnectionHandler
        # keeps the same dict), so no connection the server opens outlives its request.
        for database in settings.DATABASES.values():
            database["CONN_MAX_AGE"] = 0
        super().handle(*args, **options)
