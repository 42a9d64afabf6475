"""Forms of the members' own pages: login, passwords, the contact person, opportunities,
colleagues and removal requests."""

import datetime

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import SetPasswordForm as DjangoSetPasswordForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import CompetenceTag, OpportunityKind, PartnershipType
from members.forms.base import LineField, MemberForm, TextAreaField
from members.forms.organisation import CheckboxList
from members.models import RemovalScope

OPPORTUNITY_MAX_VALIDITY = datetime.timedelta(days=366)


class LoginForm(MemberForm):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    submit_label = _("Logga in")

    def __init__(self, request=None, *args, refused=None, **kwargs):
        self.request = request
        self.user = None
        self.refused = refused  # a message: refuse without checking the password
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        email, password = cleaned.get("email"), cleaned.get("password")
        if self.refused:
            raise forms.ValidationError(self.refused, code="rate_limited")
        if email and password:
            self.user = authenticate(self.request, member_email=email, password=password)
            if self.user is None:
                raise forms.ValidationError(
                    _(
                        "E-postadressen eller lösenordet stämmer inte. Tänk på att lösenordet "
                        "skiljer på stora och små bokstäver."
                    ),
                    code="invalid_login",
                )
        return cleaned


class PasswordResetRequestForm(MemberForm):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Adressen du loggar in med."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    submit_label = _("Skicka länk")


class SetPasswordForm(MemberForm, DjangoSetPasswordForm):
    """Django's form (validators, hashing) with the app's rendering and Swedish labels."""

    submit_label = _("Spara lösenordet")

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].label = _("Nytt lösenord")
        self.fields["new_password1"].help_text = _(
            "Minst 10 tecken. Inte bara siffror, och inte ett vanligt lösenord."
        )
        self.fields["new_password2"].label = _("Upprepa lösenordet")
        self.fields["new_password2"].help_text = ""
        self.fields["new_password1"].error_messages["required"] = _("Fyll i ett nytt lösenord.")
        self.fields["new_password2"].error_messages["required"] = _(
            "Skriv lösenordet en gång till."
        )
        for name in ("new_password1", "new_password2"):
            self.fields[name].widget.attrs["autocomplete"] = "new-password"
            self.fields[name].widget.attrs.pop("autofocus", None)


class AcceptInvitationForm(MemberForm):
    first_name = LineField(
        label=_("Förnamn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = LineField(
        label=_("Efternamn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        help_text=_("Minst 10 tecken. Inte bara siffror, och inte ett vanligt lösenord."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Upprepa lösenordet"),
        strip=False,
        error_messages={"required": _("Skriv lösenordet en gång till.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    submit_label = _("Skapa kontot")

    def __init__(self, *args, email="", **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("Lösenorden är inte lika."))
        elif one:
            from django.contrib.auth import get_user_model

            probe = get_user_model()(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(one, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ContactPersonForm(MemberForm):
    name = LineField(
        label=_("Namn"),
        max_length=120,
        error_messages={"required": _("Fyll i kontaktpersonens namn.")},
    )
    role = LineField(
        label=_("Roll i organisationen"),
        max_length=120,
        required=False,
        help_text=_("Till exempel hållbarhetschef."),
    )
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Dit meddelanden från rådet och andra medlemmar skickas. Visas aldrig."),
    )
    phone = LineField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        help_text=_("Frivilligt. Bara för sekretariatet; visas aldrig."),
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    publish_name = forms.BooleanField(required=False)
    submit_label = _("Spara kontaktpersonen")

    def __init__(self, *args, consent_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_name"].label = consent_text
        self.fields["publish_name"].help_text = _(
            "Kryssa bara i om kontaktpersonen själv har samtyckt. Samtycket kan tas tillbaka "
            "när som helst."
        )


class OpportunityForm(MemberForm):
    kind = forms.ChoiceField(
        label=_("Typ"),
        error_messages={"required": _("Välj om det är ett behov eller ett erbjudande.")},
        choices=OpportunityKind.choices,
        widget=forms.RadioSelect,
        help_text=_("Behov: något ni söker en partner för. Erbjudande: något ni kan ge andra."),
    )
    title = LineField(
        label=_("Rubrik"),
        max_length=120,
        help_text=_("Kort och konkret, till exempel Vi söker leverantör av biogas till bussar."),
    )
    text = TextAreaField(
        label=_("Text"),
        max_length=2000,
        error_messages={"required": _("Beskriv behovet eller erbjudandet.")},
        help_text=_(
            "Vad behövs eller erbjuds, när och i vilken omfattning. Högst 2000 tecken. Skriv "
            "inga personuppgifter här."
        ),
    )
    competences = forms.ModelMultipleChoiceField(
        label=_("Kompetenser"),
        queryset=CompetenceTag.objects.all(),
        required=False,
        widget=CheckboxList,
    )
    partnership_type = forms.ModelChoiceField(
        label=_("Samarbetsform"),
        queryset=PartnershipType.objects.all(),
        required=False,
        empty_label=_("Ingen särskild"),
    )
    valid_until = forms.DateField(
        label=_("Gäller till och med"),
        error_messages={
            "required": _("Fyll i sista dagen inlägget ska visas."),
            "invalid": _("Skriv datumet som åååå-mm-dd."),
        },
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Sista dagen inlägget visas, högst ett år fram."),
    )
    submit_label = _("Publicera")
    foldable = {"competences"}

    def clean_valid_until(self):
        value = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if value < today:
            raise forms.ValidationError(_("Datumet har redan varit."))
        if value > today + OPPORTUNITY_MAX_VALIDITY:
            raise forms.ValidationError(_("Välj ett datum högst ett år fram."))
        return value


class InvitationForm(MemberForm):
    email = forms.EmailField(
        label=_("Kollegans e-postadress"),
        max_length=254,
        help_text=_("Vi skickar en inbjudan med en länk som gäller i sju dagar."),
    )
    submit_label = _("Skicka inbjudan")


class RemovalRequestForm(MemberForm):
    scope = forms.ChoiceField(
        label=_("Vad vill ni att vi tar bort?"),
        error_messages={"required": _("Välj vad vi ska ta bort.")},
        choices=RemovalScope.choices,
        widget=forms.RadioSelect,
    )
    message = TextAreaField(
        label=_("Meddelande till sekretariatet"),
        required=False,
        max_length=2000,
        rows=4,
        help_text=_("Frivilligt. Till exempel varför, eller vem vi kan kontakta."),
    )
    submit_label = _("Skicka begäran")
