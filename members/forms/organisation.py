"""The organisation's details, as applicants and members fill them in.

The same fields and rules as the directory's admin form (the organisation number through
directory.validators), shared by the application form and the member's edit form.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.richtext import rich_text_to_text, text_to_rich_text
from directory.models import (
    CompetenceTag,
    Municipality,
    OrganisationPage,
    OrganisationType,
    PartnershipType,
    SizeClass,
)
from directory.validators import ORG_NUMBER_FORMAT, normalise_org_number
from members.applications import org_number_owner
from members.forms.base import HoneypotMixin, LineField, MemberForm, TextAreaField
from members.models.consents import DEFAULT_LISTING_CONSENT, DEFAULT_NAME_CONSENT
from themes.models import EnvironmentalObjective, Theme

DESCRIPTION_MAX = 5000


class CheckboxList(forms.CheckboxSelectMultiple):
    """Rendered option by option in members/forms/field.html."""


class OrganisationDetailsForm(MemberForm):
    name = LineField(
        label=_("Organisationens namn"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    org_type = forms.ChoiceField(
        label=_("Typ av organisation"),
        choices=[("", _("Välj typ av organisation")), *OrganisationType.choices],
    )
    is_sole_trader = forms.BooleanField(
        label=_("Organisationen är en enskild firma"),
        required=False,
        help_text=_(
            "En enskild firmas organisationsnummer är ägarens personnummer. Det samlar vi inte "
            "in, så lämna då fältet för organisationsnummer tomt."
        ),
    )
    org_number = LineField(
        label=_("Organisationsnummer"),
        required=False,
        max_length=20,
        help_text=_("Tio siffror, %(format)s, till exempel 232100-0214. Frivilligt.")
        % {"format": ORG_NUMBER_FORMAT},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    size_class = forms.ChoiceField(
        label=_("Storlek"),
        required=False,
        choices=[("", _("Vill inte ange")), *SizeClass.choices],
        help_text=_("Antal anställda. Frivilligt."),
    )
    short_description = LineField(
        label=_("Kort beskrivning"),
        max_length=160,
        help_text=_(
            "En mening om vad organisationen gör, högst 160 tecken. Visas i katalogen och i "
            "sökmotorer."
        ),
    )
    description = TextAreaField(
        label=_("Beskrivning"),
        required=False,
        max_length=DESCRIPTION_MAX,
        rows=8,
        help_text=_(
            "Verksamheten, vad ni vill åstadkomma i omställningen och vilka samarbeten ni "
            "söker. Skriv enkelt och konkret; en tom rad börjar ett nytt stycke."
        ),
    )
    website = forms.URLField(
        label=_("Webbplats"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Till exempel https://www.exempel.se/"),
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    head_office = forms.ModelChoiceField(
        label=_("Huvudkontor"),
        error_messages={"required": _("Välj kommunen där huvudkontoret finns.")},
        queryset=Municipality.objects.all(),
        empty_label=_("Välj kommun"),
        help_text=_("Kommunen där organisationen har sitt huvudkontor, eller Utanför länet."),
    )
    serves_whole_county = forms.BooleanField(
        label=_("Organisationen verkar i hela länet"), required=False
    )
    served_municipalities = forms.ModelMultipleChoiceField(
        label=_("Kommuner där organisationen också verkar"),
        queryset=Municipality.objects.filter(in_county=True),
        required=False,
        widget=CheckboxList,
        help_text=_("Behövs inte om organisationen verkar i hela länet."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Teman"),
        queryset=Theme.objects.all(),
        required=False,
        widget=CheckboxList,
    )
    environmental_objectives = forms.ModelMultipleChoiceField(
        label=_("Miljökvalitetsmål som arbetet bidrar till"),
        queryset=EnvironmentalObjective.objects.filter(applies_to_county=True),
        required=False,
        widget=CheckboxList,
    )
    offers = forms.ModelMultipleChoiceField(
        label=_("Vad organisationen erbjuder"),
        queryset=CompetenceTag.objects.all(),
        required=False,
        widget=CheckboxList,
        help_text=_("Kompetenser, tjänster eller resurser ni kan erbjuda andra."),
    )
    seeks = forms.ModelMultipleChoiceField(
        label=_("Vad organisationen söker"),
        queryset=CompetenceTag.objects.all(),
        required=False,
        widget=CheckboxList,
        help_text=_("Kompetenser, tjänster eller resurser ni söker hos andra."),
    )
    partnership_types = forms.ModelMultipleChoiceField(
        label=_("Samarbeten ni är intresserade av"),
        queryset=PartnershipType.objects.all(),
        required=False,
        widget=CheckboxList,
    )

    # Long lists are shown folded (details/summary) unless something in them is chosen.
    foldable = {"environmental_objectives", "offers", "seeks"}

    ORGANISATION_SECTIONS = [
        (
            _("Organisationen"),
            None,
            [
                "name",
                "org_type",
                "is_sole_trader",
                "org_number",
                "size_class",
                "short_description",
                "description",
                "website",
            ],
        ),
        (
            _("Var ni finns och verkar"),
            None,
            ["head_office", "serves_whole_county", "served_municipalities"],
        ),
        (
            _("Erbjuder och söker"),
            _("Välj ur rådets gemensamma lista; saknas något, skriv det i beskrivningen."),
            ["offers", "seeks", "partnership_types", "themes", "environmental_objectives"],
        ),
    ]
    sections = ORGANISATION_SECTIONS

    def __init__(self, *args, page=None, **kwargs):
        self.page = page  # the existing organisation when a member edits it
        super().__init__(*args, **kwargs)

    def clean_org_number(self):
        """The number's form, and for a member's edit that no other organisation has it.

        An application is not told whether the number is taken: that would tell anyone which
        organisations are members, listed or not. applications.confirm checks it once the
        e-mail address is confirmed, and refers the application to the secretariat.
        """
        value = self.cleaned_data.get("org_number", "")
        if not value:
            return ""
        number = normalise_org_number(value)  # raises a Swedish ValidationError
        if self.page is not None and org_number_owner(number, exclude_pk=self.page.pk):
            raise ValidationError(
                _(
                    "Organisationsnumret används redan av en annan organisation. Stämmer "
                    "numret? Kontakta sekretariatet, så hjälper vi er."
                )
            )
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_sole_trader") and cleaned.get("org_number"):
            self.add_error(
                "org_number",
                _(
                    "Lämna organisationsnumret tomt för en enskild firma: numret är ägarens "
                    "personnummer."
                ),
            )
        if cleaned.get("serves_whole_county"):
            cleaned["served_municipalities"] = Municipality.objects.none()
        return cleaned

    # Between the form and the page ------------------------------------------------------

    @staticmethod
    def initial_from_page(page: OrganisationPage) -> dict:
        return {
            "name": page.title,
            "org_type": page.org_type,
            "is_sole_trader": page.is_sole_trader,
            "org_number": page.org_number,
            "size_class": page.size_class,
            "short_description": page.short_description,
            "description": rich_text_to_text(page.description),
            "website": page.website,
            "head_office": page.head_office_id,
            "serves_whole_county": page.serves_whole_county,
            "served_municipalities": [m.pk for m in page.served_municipalities.all()],
            "themes": [t.pk for t in page.themes.all()],
            "environmental_objectives": [o.pk for o in page.environmental_objectives.all()],
            "offers": [t.pk for t in page.offers.all()],
            "seeks": [t.pk for t in page.seeks.all()],
            "partnership_types": [p.pk for p in page.partnership_types.all()],
        }

    def apply_to_page(self, page: OrganisationPage) -> OrganisationPage:
        """Copy the cleaned values onto a page (in memory: relations are deferred)."""
        data = self.cleaned_data
        page.title = data["name"]
        page.org_type = data["org_type"]
        page.is_sole_trader = data["is_sole_trader"]
        page.org_number = "" if data["is_sole_trader"] else data["org_number"]
        page.size_class = data["size_class"]
        page.short_description = data["short_description"]
        if "description" in self.changed_data or not page.pk:
            page.description = text_to_rich_text(data["description"])
        page.website = data["website"]
        page.head_office = data["head_office"]
        page.serves_whole_county = data["serves_whole_county"]
        page.served_municipalities.set(list(data["served_municipalities"]))
        page.themes.set(list(data["themes"]))
        page.environmental_objectives.set(list(data["environmental_objectives"]))
        page.offers.set(list(data["offers"]))
        page.seeks.set(list(data["seeks"]))
        page.partnership_types.set(list(data["partnership_types"]))
        return page

    def organisation_data(self) -> dict:
        """JSON-safe values for an application stored before the page exists."""
        data = self.cleaned_data

        def pks(name):
            return sorted(obj.pk for obj in data[name])

        return {
            "org_type": data["org_type"],
            "is_sole_trader": data["is_sole_trader"],
            "size_class": data["size_class"],
            "short_description": data["short_description"],
            "description": data["description"],
            "website": data["website"],
            "head_office": data["head_office"].pk,
            "serves_whole_county": data["serves_whole_county"],
            "served_municipalities": pks("served_municipalities"),
            "themes": pks("themes"),
            "environmental_objectives": pks("environmental_objectives"),
            "offers": pks("offers"),
            "seeks": pks("seeks"),
            "partnership_types": pks("partnership_types"),
        }


class ApplicationForm(HoneypotMixin, OrganisationDetailsForm):
    """Ansök om medlemskap: the organisation, the contact person, the letter and consents."""

    contact_name = LineField(
        label=_("Namn"),
        max_length=120,
        error_messages={"required": _("Fyll i kontaktpersonens namn.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Kontaktpersonen ska ha mandat att företräda organisationen i rådet."),
    )
    contact_role = LineField(
        label=_("Roll i organisationen"),
        max_length=120,
        required=False,
        help_text=_("Till exempel hållbarhetschef eller vd."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    contact_email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        error_messages={"required": _("Fyll i kontaktpersonens e-postadress.")},
        help_text=_(
            "Vi skickar en länk hit som du behöver klicka på för att ansökan ska gå vidare."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = LineField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        help_text=_("Frivilligt. Bara för sekretariatet; visas aldrig på webbplatsen."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    accept_letter = forms.BooleanField(
        label=_(
            "Vi skriver under avsiktsförklaringen ovan, och jag har mandat att företräda "
            "organisationen."
        ),
        error_messages={
            "required": _("Kryssa i att ni skriver under avsiktsförklaringen för att ansöka.")
        },
    )
    consent_listing = forms.BooleanField(required=False)
    consent_name = forms.BooleanField(required=False)

    sections = [
        *OrganisationDetailsForm.ORGANISATION_SECTIONS,
        (
            _("Kontaktperson"),
            _(
                "Kontaktpersonen får kallelser från sekretariatet och meddelanden från andra "
                "medlemmar via webbplatsen. E-postadress och telefon visas aldrig."
            ),
            ["contact_name", "contact_role", "contact_email", "contact_phone"],
        ),
    ]
    consent_fields = ["accept_letter", "consent_listing", "consent_name"]

    def __init__(self, *args, join_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent_listing"].label = (
            join_page.listing_consent_text if join_page else DEFAULT_LISTING_CONSENT
        )
        self.fields["consent_name"].label = (
            join_page.name_consent_text if join_page else DEFAULT_NAME_CONSENT
        )
        self.fields["consent_listing"].help_text = _(
            "Frivilligt. Utan samtycke blir ni medlemmar utan att synas i katalogen. Ni kan "
            "ändra det när som helst under Min organisation."
        )
        self.fields["consent_name"].help_text = _(
            "Frivilligt. Du kan ta tillbaka samtycket när som helst, lika enkelt som du gav det."
        )

    def clean_contact_email(self):
        return self.cleaned_data["contact_email"].strip()
