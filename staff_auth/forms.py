"""The one field of the second step: a code, from the app or from the backup list."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kod"),
        max_length=32,
        strip=True,
        help_text=_("Sex siffror från appen i telefonen, eller en av dina reservkoder."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
        error_messages={"required": _("Skriv koden.")},
    )


class AppCodeForm(CodeForm):
    """Confirming a new app: only its six digits will do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = _("Sexsiffrig kod från appen")
        field.help_text = _("Skriv koden som appen visar nu, utan mellanslag.")
        field.widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})
