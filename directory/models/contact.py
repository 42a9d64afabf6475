"""The contact person behind an organisation (personal data, kept out of page revisions)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from directory.models.organisation import OrganisationPage


class ContactPerson(models.Model):
    """The person an organisation names as its contact with the council.

    Personal data, so it lives here and not on the page: page revisions keep every old
    version of a page's fields, and a person's details must be erasable in one place. The
    e-mail address and phone number are never shown on the site, in the API or in exports;
    the name and role are shown only when the person has agreed to it.
    """

    organisation = models.OneToOneField(
        OrganisationPage,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contact_person",
        help_text=_("Organisationen personen är kontaktperson för."),
    )
    name = models.CharField(_("namn"), max_length=120, help_text=_("För- och efternamn."))
    role = models.CharField(
        _("roll"),
        max_length=120,
        blank=True,
        help_text=_("Personens roll i organisationen, till exempel hållbarhetschef."),
    )
    email = models.EmailField(
        _("e-postadress"),
        help_text=_(
            "Dit rådet och kontaktformuläret skickar meddelanden. Visas aldrig på webbplatsen."
        ),
    )
    phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        help_text=_("För sekretariatet. Visas aldrig på webbplatsen."),
    )
    publish_name = models.BooleanField(
        _("namn och roll får visas"),
        default=False,
        help_text=_(
            "Markera bara om personen har samtyckt till att namn och roll visas på "
            "organisationens sida. E-postadress och telefon visas aldrig."
        ),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("publish_name"),
    ]

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["organisation__title"]

    def __str__(self):
        return f"{self.name} ({self.organisation.title})"

    def anonymise(self):
        """Erase the person, keeping the row so the organisation still has a contact slot."""
        self.name = "Borttagen kontaktperson"
        self.role = ""
        self.email = f"borttagen-{self.pk}@invalid.invalid"
        self.phone = ""
        self.publish_name = False
        self.save()
