"""Organisations in from CSV: the import command and the demo data (the format and the export
are directory/csv_export.py).

The file format (UTF-8, a header row, exactly these columns, `|` between several values
in one cell, an apostrophe before a cell a spreadsheet would run as a formula:
core.spreadsheet) is the same both ways, so an export can be edited and imported again:

    name, org_number, org_type, municipality, website, short_description, description,
    themes, offers, seeks, partnership_types

The import checks every row before it writes anything. A file with any bad row changes
nothing and reports every bad row with its number (the header is row 1, as in a
spreadsheet). A clean file is written in one transaction.

Imported organisations are published at once: the import is a tool for the secretariat,
who are the reviewers, and every change becomes a revision in the page history (so it can
be compared and reverted) logged as the import. `--draft` saves new revisions as drafts
for review instead. An organisation that has been delisted is updated but stays delisted.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from core.blocks import SIMPLE_RICH_TEXT_FEATURES
from core.richtext import text_to_rich_text
from core.spreadsheet import unescape_cell
from directory.csv_export import COLUMNS, SEPARATOR
from directory.models.organisation import RESERVED_SLUGS, OrganisationPage
from directory.models.pages import DirectoryIndexPage
from directory.models.taxonomy import (
    CompetenceTag,
    Municipality,
    OrganisationType,
    PartnershipType,
)
from directory.slugs import ascii_slug
from directory.validators import normalise_org_number
from themes.models import Theme

_HTML = re.compile(r"^\s*<(p|ul|ol|h[2-6]|div|b|i|strong|em|a|br)[\s/>]", re.IGNORECASE)


# Import -------------------------------------------------------------------------------


@dataclass
class RowPlan:
    """What one valid row will do."""

    number: int
    fields: dict
    themes: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    seeks: list = field(default_factory=list)
    partnership_types: list = field(default_factory=list)
    existing: OrganisationPage | None = None
    action: str = ""  # "create", "update", "unchanged"


@dataclass
class ImportResult:
    plans: list[RowPlan] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    new_tags: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for plan in self.plans if plan.action == action)


class _Lookup:
    """A vocabulary matched by name (any case) or slug."""

    def __init__(self, objects, *, extra_keys=()):
        self.by_key = {}
        for obj in objects:
            for key in (obj.name, obj.slug, *[getattr(obj, k) for k in extra_keys]):
                if key:
                    self.by_key[str(key).strip().casefold()] = obj

    def get(self, value: str):
        return self.by_key.get(value.strip().casefold())


def split_cell(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(SEPARATOR) if part.strip()]


def description_html(value: str) -> str:
    """Rich text from a cell: HTML is cleaned to the allowed features, plain text becomes
    paragraphs (a blank line between paragraphs)."""
    value = (value or "").strip()
    if not value:
        return ""
    if _HTML.match(value):
        return EditorHTMLConverter(features=SIMPLE_RICH_TEXT_FEATURES).to_database_format(value)
    return text_to_rich_text(value)


def read_rows(text: str):
    """(header, rows) from the file's text; `;` works as separator too (Swedish Excel)."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    # Cells our own exports protected from spreadsheets (core.spreadsheet) come back as
    # they were.
    rows = [[unescape_cell(cell) for cell in row] for row in reader]
    if not rows:
        return [], []
    return [cell.strip() for cell in rows[0]], rows[1:]


def plan_import(text: str, *, create_tags: bool = False) -> ImportResult:
    """Check every row and decide what each will do; writes nothing."""
    result = ImportResult()
    header, rows = read_rows(text)
    if not header:
        result.errors.append((1, _("Filen är tom.")))
        return result
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    duplicated = sorted({column for column in header if header.count(column) > 1})
    if missing or unknown or duplicated:
        if missing:
            result.errors.append((1, _("Kolumner saknas: %(c)s.") % {"c": ", ".join(missing)}))
        if unknown:
            result.errors.append((1, _("Okända kolumner: %(c)s.") % {"c": ", ".join(unknown)}))
        if duplicated:
            result.errors.append(
                (1, _("Kolumner finns två gånger: %(c)s.") % {"c": ", ".join(duplicated)})
            )
        result.errors.append(
            (1, _("Rubrikraden ska ha exakt kolumnerna %(c)s.") % {"c": ", ".join(COLUMNS)})
        )
        return result

    org_types = {}
    for value, label in OrganisationType.choices:
        org_types[value.casefold()] = value
        org_types[str(label).casefold()] = value
    municipalities = _Lookup(Municipality.objects.all(), extra_keys=("code",))
    themes = _Lookup(Theme.objects.all())
    competences = _Lookup(CompetenceTag.objects.all())
    partnership_types = _Lookup(PartnershipType.objects.all())
    by_number = {
        org.org_number: org
        for org in OrganisationPage.objects.exclude(org_number="").only("pk", "org_number")
    }
    by_name = {}
    for org in OrganisationPage.objects.only("pk", "title", "org_number"):
        by_name.setdefault(org.title.strip().casefold(), []).append(org)
    url_validator = URLValidator(schemes=["http", "https"])
    seen_numbers, seen_names = {}, {}
    new_tags = {}

    for index, raw in enumerate(rows, start=2):
        if not any(cell.strip() for cell in raw):
            continue  # blank lines at the end of a file
        cells = dict(zip(header, [cell.strip() for cell in raw], strict=False))
        errors = []

        if len(raw) != len(header):
            errors.append(
                _("raden har %(n)s fält men rubrikraden %(h)s.") % {"n": len(raw), "h": len(header)}
            )
        name = cells.get("name", "")
        if not name:
            errors.append(_("namn saknas."))
        elif len(name) > 255:
            errors.append(_("namnet är längre än 255 tecken."))

        org_number = cells.get("org_number", "")
        if org_number:
            try:
                org_number = normalise_org_number(org_number)
            except ValidationError as error:
                errors.append(
                    _("organisationsnumret %(value)s: %(reason)s")
                    % {"value": cells["org_number"], "reason": " ".join(error.messages)}
                )
                org_number = ""

        org_type = org_types.get(cells.get("org_type", "").casefold())
        if not cells.get("org_type"):
            errors.append(_("typ av organisation saknas."))
        elif org_type is None:
            errors.append(
                _("okänd typ av organisation: %(value)s. Använd en av: %(choices)s.")
                % {
                    "value": cells["org_type"],
                    "choices": ", ".join(str(label) for _v, label in OrganisationType.choices),
                }
            )

        municipality = None
        if not cells.get("municipality"):
            errors.append(_("kommun saknas."))
        else:
            municipality = municipalities.get(cells["municipality"])
            if municipality is None:
                errors.append(
                    _(
                        "okänd kommun: %(value)s. Ange länets kommuner med namn eller kommunkod, "
                        "eller Utanför länet."
                    )
                    % {"value": cells["municipality"]}
                )

        website = cells.get("website", "")
        if website:
            if "://" not in website:
                website = "https://" + website
            try:
                url_validator(website)
            except ValidationError:
                errors.append(_("ogiltig webbadress: %(value)s.") % {"value": cells["website"]})

        short_description = cells.get("short_description", "")
        if not short_description:
            errors.append(_("kort beskrivning saknas."))
        elif len(short_description) > 160:
            errors.append(
                _("den korta beskrivningen har %(n)s tecken, högst 160 får plats.")
                % {"n": len(short_description)}
            )

        plan_themes = _resolve(cells, "themes", themes, _("tema"), errors)
        new = new_tags if create_tags else None
        plan_offers = _resolve(cells, "offers", competences, _("kompetens"), errors, new)
        plan_seeks = _resolve(cells, "seeks", competences, _("kompetens"), errors, new)
        plan_types = _resolve(
            cells, "partnership_types", partnership_types, _("samarbetsform"), errors
        )

        existing = None
        if org_number:
            if org_number in seen_numbers:
                errors.append(
                    _("organisationsnumret %(value)s finns redan på rad %(row)s.")
                    % {"value": org_number, "row": seen_numbers[org_number]}
                )
            seen_numbers[org_number] = index
            existing = by_number.get(org_number)
        if name and existing is None:
            key = name.casefold()
            if not org_number:
                if key in seen_names:
                    errors.append(
                        _("organisationen %(name)s finns redan på rad %(row)s.")
                        % {"name": name, "row": seen_names[key]}
                    )
                seen_names[key] = index
            candidates = [org for org in by_name.get(key, []) if not org.org_number]
            if len(candidates) > 1:
                errors.append(
                    _("flera organisationer i katalogen heter %(name)s; ange organisationsnummer.")
                    % {"name": name}
                )
            elif candidates:
                existing = candidates[0]

        if errors:
            result.errors.extend((index, error) for error in errors)
            continue
        result.plans.append(
            RowPlan(
                number=index,
                fields={
                    "title": name,
                    "org_number": org_number,
                    "org_type": org_type,
                    "head_office": municipality,
                    "website": website,
                    "short_description": short_description,
                    "description": description_html(cells.get("description", "")),
                },
                themes=plan_themes,
                offers=plan_offers,
                seeks=plan_seeks,
                partnership_types=plan_types,
                existing=existing,
            )
        )
    result.new_tags = list(new_tags.values())
    if not result.errors:
        for plan in result.plans:
            plan.action = _decide(plan)
    return result


def _resolve(cells, column, lookup, label, errors, new_tags=None) -> list:
    """The objects a multi-valued cell names; unknown names are errors, or new competence
    tags when `new_tags` (a dict by slug, shared by the whole file) is given."""
    found = []
    for value in split_cell(cells.get(column, "")):
        obj = lookup.get(value)
        if obj is None and new_tags is not None:
            key = ascii_slug(value)
            obj = new_tags.setdefault(key, CompetenceTag(name=value.lower(), slug=key))
        if obj is None:
            hint = (
                _(" (använd --create-tags för att lägga till nya)")
                if column in ("offers", "seeks")
                else ""
            )
            errors.append(
                _("okänd %(label)s: %(value)s%(hint)s.")
                % {"label": label, "value": value, "hint": hint}
            )
        elif obj not in found:
            found.append(obj)
    return found


def _decide(plan: RowPlan) -> str:
    if plan.existing is None:
        return "create"
    current = plan.existing.get_latest_revision_as_object()
    same = (
        all(
            getattr(current, name) == value
            for name, value in plan.fields.items()
            if name != "head_office"
        )
        and current.head_office_id == plan.fields["head_office"].pk
        and _ids(current.themes.all()) == _ids(plan.themes)
        and _ids(current.offers.all()) == _ids(plan.offers)
        and _ids(current.seeks.all()) == _ids(plan.seeks)
        and _ids(current.partnership_types.all()) == _ids(plan.partnership_types)
    )
    return "unchanged" if same else "update"


def _ids(objects) -> set:
    return {obj.pk for obj in objects}


def unique_slug(parent: DirectoryIndexPage, title: str, taken: set) -> str:
    base = slugify(ascii_slug(title))[:70] or "organisation"
    slug, n = base, 1
    while slug in taken or slug in RESERVED_SLUGS:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


@transaction.atomic
def apply_import(result: ImportResult, *, user=None, draft: bool = False) -> None:
    """Write a checked import: all of it or, on any database error, nothing."""
    if not result.ok:
        raise ValueError("An import with errors must not be applied.")
    index_page = DirectoryIndexPage.objects.first()
    if index_page is None and any(plan.action == "create" for plan in result.plans):
        raise ValueError(_("Det finns ingen katalogsida att lägga organisationerna under."))
    for tag in result.new_tags:
        tag.save()
    taken = set(index_page.get_children().values_list("slug", flat=True)) if index_page else set()
    for plan in result.plans:
        if plan.action == "unchanged":
            continue
        if plan.action == "create":
            page = OrganisationPage(
                slug=unique_slug(index_page, plan.fields["title"], taken),
                live=False,
                **plan.fields,
            )
            index_page.add_child(instance=page)
            was_live = True
        else:
            was_live = plan.existing.live
            page = plan.existing.get_latest_revision_as_object()
            for name, value in plan.fields.items():
                setattr(page, name, value)
        page.themes.set(plan.themes)
        page.offers.set(plan.offers)
        page.seeks.set(plan.seeks)
        page.partnership_types.set(plan.partnership_types)
        revision = page.save_revision(user=user, log_action=True)
        if was_live and not draft:
            revision.publish(user=user)
