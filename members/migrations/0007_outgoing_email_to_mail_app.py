"""OutgoingEmail moved to the mail app (mail/migrations/0001): here it leaves the state
only; its table and rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_contact_message_to_secretariat"),
        ("mail", "0001_outgoing_email_from_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutgoingEmail")],
            database_operations=[],
        ),
    ]
