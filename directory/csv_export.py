"""The directory's CSV format and its export: the download, the export command, the admin.

One row per organisation, with exactly the import file's columns (directory/csvio.py reads
them back), several values in one cell joined by `|`, cells a spreadsheet would run as a
formula escaped (core.spreadsheet).
"""

import csv

from core.spreadsheet import escape_row

COLUMNS = [
    "name",
    "org_number",
    "org_type",
    "municipality",
    "website",
    "short_description",
    "description",
    "themes",
    "offers",
    "seeks",
    "partnership_types",
]
SEPARATOR = "|"


def organisation_row(org) -> list[str]:
    """One organisation as CSV cells (the queryset should come from with_api_data())."""
    return [
        org.title,
        org.org_number,
        org.get_org_type_display(),
        org.head_office.name,
        org.website,
        org.short_description,
        org.description,
        SEPARATOR.join(theme.name for theme in org.themes.all()),
        SEPARATOR.join(tag.name for tag in org.offers.all()),
        SEPARATOR.join(tag.name for tag in org.seeks.all()),
        SEPARATOR.join(kind.name for kind in org.partnership_types.all()),
    ]


def write_csv(organisations, out) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for org in organisations:
        writer.writerow(escape_row(organisation_row(org)))
        count += 1
    return count


class _Echo:
    def write(self, value):
        return value


def stream_csv(organisations):
    """Rows one by one, for a streaming HTTP response."""
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    for org in organisations:
        yield writer.writerow(escape_row(organisation_row(org)))
