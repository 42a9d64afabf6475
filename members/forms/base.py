"""What every form of the membership app shares: Swedish messages, an error summary that
links to the fields, a honeypot, and refusal of control characters in one-line fields."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def no_control_characters(value: str) -> None:
    """One-line values end up in e-mail headers and CSV cells: no line breaks, no NUL."""
    if value and _CONTROL.search(value):
        raise ValidationError(_("Fältet får inte innehålla radbrytningar eller styrtecken."))


def no_control_characters_multiline(value: str) -> None:
    if value and _CONTROL_MULTILINE.search(value):
        raise ValidationError(_("Texten innehåller otillåtna tecken."))


class LineField(forms.CharField):
    """A one-line text field that refuses line breaks and control characters."""

    default_validators = [no_control_characters]


class TextAreaField(forms.CharField):
    widget = forms.Textarea
    default_validators = [no_control_characters_multiline]

    def __init__(self, *args, rows=6, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(*args, **kwargs)


class MemberForm(forms.Form):
    """Base of the app's forms: rendered by members/forms/form.html.

    Every message says which field it is about (the error summary lists messages alone):
    a required field left empty gets "Fyll i <label>." or "Välj <label>." unless the field
    has its own message.
    """

    template_name = "members/forms/form.html"
    required_css_class = "field--required"
    # Sections of the form: (heading, [field names]); None renders every field in order.
    sections = None
    submit_label = _("Skicka")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if (
                field.error_messages.get("required")
                != forms.Field.default_error_messages["required"]
                or not field.label
            ):
                continue
            label = str(field.label)
            label = label[0].lower() + label[1:]
            choose = isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
            template = _("Välj %(label)s.") if choose else _("Fyll i %(label)s.")
            field.error_messages["required"] = template % {"label": label}

    def error_summary(self) -> list[dict]:
        """Every error with the id of the field it belongs to, for the linked summary."""
        items = [{"id": None, "message": message} for message in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS or name not in self.fields:
                continue
            field = self[name]
            target = field.id_for_label or field.auto_id
            widget = self.fields[name].widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                target = f"{field.auto_id}_0"
            for message in errors:
                items.append({"id": target, "message": message})
        return items

    def field_sections(self) -> list[dict]:
        if not self.sections:
            return [{"heading": None, "fields": self.visible_fields()}]
        return [
            {"heading": heading, "help": help_text, "fields": [self[name] for name in names]}
            for heading, help_text, names in self.sections
        ]


class HoneypotMixin(forms.Form):
    """A field people never see (hidden) and bots fill in.

    Hidden with the `hidden` attribute rather than off-screen CSS, so neither keyboards,
    screen readers nor browsers' autofill ever reach it.
    """

    honeypot_field = "fax"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            required=False,
            label=_("Lämna det här fältet tomt"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self) -> bool:
        return bool((self.data.get(self.add_prefix(self.honeypot_field)) or "").strip())

    def honeypot(self):
        return self[self.honeypot_field]

    def visible_fields(self):
        return [f for f in super().visible_fields() if f.name != self.honeypot_field]
