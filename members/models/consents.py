"""Consent records: what a person agreed to, in which wording, when, and when they took it back.

Records are append-only: giving and withdrawing each add a row, so the history is the proof.
The wording lives in ConsentText, one row per distinct text, found again by its hash; a
record points at the exact text the person saw.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The wording without an application page (and the page's defaults).
DEFAULT_LETTER_OF_INTENT = (
    "<p>Vår organisation vill vara med i Miljö- och klimatrådet i Jämtlands län. Vi vill:</p>"
    "<ol>"
    "<li>bidra till att länet blir fossilbränslefritt 2030 och att utsläppen minskar med minst "
    "10 procent per år,</li>"
    "<li>arbeta med de miljökvalitetsmål som berör vår verksamhet,</li>"
    "<li>dela med oss av kunskap och erfarenheter till andra medlemmar,</li>"
    "<li>delta i rådets möten och arbetsgrupper när det passar vår verksamhet.</li>"
    "</ol>"
    "<p>Avsiktsförklaringen är inte ett juridiskt bindande avtal och medlemskapet kostar "
    "ingenting.</p>"
)
DEFAULT_LISTING_CONSENT = (
    "Organisationens uppgifter får visas i katalogen över samarbetspartner på webbplatsen och "
    "lämnas ut som öppna data."
)
DEFAULT_NAME_CONSENT = (
    "Kontaktpersonens namn och roll får visas på organisationens sida i katalogen. "
    "E-postadress och telefonnummer visas aldrig."
)


class ConsentKind(models.TextChoices):
    LETTER_OF_INTENT = "avsiktsforklaring", _("Avsiktsförklaringen")
    PUBLISH_LISTING = "publicera-organisation", _("Organisationen visas i katalogen")
    PUBLISH_NAME = "publicera-namn", _("Kontaktpersonens namn och roll visas")


class ConsentSource(models.TextChoices):
    APPLICATION = "ansokan", _("Ansökan om medlemskap")
    MEMBER_PAGES = "min-organisation", _("Min organisation")
    EMAIL_LINK = "e-postlank", _("Länk i e-post")
    SECRETARIAT = "sekretariatet", _("Sekretariatet")


class ConsentText(models.Model):
    """One version of the text a person agrees to; never changed once stored."""

    kind = models.CharField(_("gäller"), max_length=32, choices=ConsentKind.choices)
    version = models.CharField(
        _("version"),
        max_length=16,
        help_text=_("Kontrollsumma av texten: samma text ger alltid samma version."),
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("första gången använd"), auto_now_add=True)

    class Meta:
        verbose_name = _("samtyckestext")
        verbose_name_plural = _("samtyckestexter")
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="unique_consent_text_version")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.version})"

    @staticmethod
    def version_of(text: str) -> str:
        normalised = " ".join(text.split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]

    @classmethod
    def for_text(cls, kind: str, text: str) -> "ConsentText":
        version = cls.version_of(text)
        obj, _created = cls.objects.get_or_create(
            kind=kind, version=version, defaults={"text": text.strip()}
        )
        return obj


class ConsentRecordQuerySet(models.QuerySet):
    def latest_per_kind(self) -> dict:
        """{kind: the newest record} of this queryset."""
        latest = {}
        for record in self.order_by("created_at", "pk").select_related("text"):
            latest[record.kind] = record
        return latest


class ConsentRecord(models.Model):
    """One act of giving or withdrawing consent."""

    kind = models.CharField(_("gäller"), max_length=32, choices=ConsentKind.choices)
    given = models.BooleanField(
        _("givet"), help_text=_("Ja: samtycket gavs. Nej: samtycket togs tillbaka.")
    )
    text = models.ForeignKey(
        ConsentText,
        verbose_name=_("text"),
        on_delete=models.PROTECT,
        related_name="records",
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_records",
    )
    application = models.ForeignKey(
        "members.MembershipApplication",
        verbose_name=_("ansökan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_records",
    )
    person_name = models.CharField(
        _("person"), max_length=120, blank=True, help_text=_("Vems samtycke det gäller.")
    )
    person_email = models.EmailField(_("personens e-postadress"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrerat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("hur"), max_length=32, choices=ConsentSource.choices)
    created_at = models.DateTimeField(_("när"), auto_now_add=True, db_index=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("samtycke")
        verbose_name_plural = _("samtycken")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        state = _("givet") if self.given else _("återtaget")
        return f"{self.get_kind_display()}: {state}"
