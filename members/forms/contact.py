"""Kontakta: a message to an organisation's contact person, delivered by the site."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.forms.base import HoneypotMixin, LineField, MemberForm, TextAreaField

MESSAGE_MAX = 5000


class ContactForm(HoneypotMixin, MemberForm):
    sender_name = LineField(
        label=_("Ditt namn"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    sender_organisation = LineField(
        label=_("Din organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    sender_email = forms.EmailField(
        label=_("Din e-postadress"),
        max_length=254,
        help_text=_("Mottagaren svarar dig hit."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = TextAreaField(
        label=_("Meddelande"),
        error_messages={"required": _("Skriv ett meddelande.")},
        max_length=MESSAGE_MAX,
        rows=8,
        help_text=_("Högst %(max)s tecken.") % {"max": MESSAGE_MAX},
    )
    submit_label = _("Skicka meddelandet")

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(_("Skriv ett meddelande på minst tio tecken."))
        return message


class SecretariatContactForm(ContactForm):
    """The same message, to the secretariat about an organisation: no copy to the sender."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender_email"].help_text = _("Sekretariatet svarar dig hit.")
