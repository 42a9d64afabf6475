"""OutgoingEmail comes over from the membership app with its table (members_outgoingemail),
its rows and its permissions (the content type is renamed, so the Sekretariat group keeps
what it had). Rows get the template's folder in their name, as queue_email now takes it,
and `recipient_only` for the messages staff never read (relayed contact messages and
sign-in links)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models.functions import Concat

# The messages that were hidden from staff by name before recipient_only existed.
RECIPIENT_ONLY = [
    "contact_message",
    "contact_secretariat",
    "password_reset",
    "welcome",
    "invitation",
]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    OutgoingEmail = apps.get_model("mail", "OutgoingEmail")
    old = ContentType.objects.filter(app_label="members", model="outgoingemail")
    if old.exists():
        # One made by an earlier partial migrate holds nothing yet: the old one, with the
        # groups' permissions, takes its place.
        ContentType.objects.filter(app_label="mail", model="outgoingemail").delete()
        old.update(app_label="mail")
    OutgoingEmail.objects.filter(template__in=RECIPIENT_ONLY).update(recipient_only=True)
    OutgoingEmail.objects.filter(template="staff_2fa_reset").update(
        template="staff_auth/email/staff_2fa_reset"
    )
    OutgoingEmail.objects.exclude(template__contains="/").update(
        template=Concat(models.Value("members/email/"), "template")
    )


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    OutgoingEmail = apps.get_model("mail", "OutgoingEmail")
    ContentType.objects.filter(app_label="mail", model="outgoingemail").update(app_label="members")
    for email in OutgoingEmail.objects.filter(template__contains="/"):
        email.template = email.template.rsplit("/", 1)[1]
        email.save(update_fields=["template"])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("directory", "0001_initial"),
        ("members", "0006_contact_message_to_secretariat"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutgoingEmail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("template", models.CharField(max_length=80, verbose_name="mall")),
                        ("to", models.EmailField(max_length=254, verbose_name="mottagare")),
                        (
                            "reply_to",
                            models.CharField(blank=True, max_length=320, verbose_name="svara till"),
                        ),
                        ("subject", models.CharField(max_length=255, verbose_name="ämne")),
                        ("body_text", models.TextField(verbose_name="text")),
                        ("body_html", models.TextField(blank=True, verbose_name="html")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("vantar", "Väntar"),
                                    ("skickas", "Skickas"),
                                    ("skickad", "Skickad"),
                                    ("misslyckad", "Misslyckades"),
                                ],
                                db_index=True,
                                default="vantar",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(default=0, verbose_name="försök"),
                        ),
                        (
                            "next_attempt_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="nästa försök"
                            ),
                        ),
                        ("claimed_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        ("last_error", models.TextField(blank=True, verbose_name="senaste fel")),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="skapad"
                            ),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="skickad"),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="outgoing_emails",
                                to="directory.organisationpage",
                                verbose_name="organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "utgående e-post",
                        "verbose_name_plural": "utgående e-post",
                        "ordering": ["-created_at"],
                        "default_permissions": ("view",),
                        "permissions": [
                            ("view_body_outgoingemail", "Can read the text of outgoing email"),
                            ("resend_outgoingemail", "Can send outgoing email again"),
                        ],
                        "db_table": "members_outgoingemail",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="outgoingemail",
            name="recipient_only",
            field=models.BooleanField(default=False, verbose_name="bara för mottagaren"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
