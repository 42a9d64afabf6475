"""CSV cells that a spreadsheet program would run as formulas are exported as text.

Excel, LibreOffice and Google Sheets take a cell that begins with `=`, `+`, `-` or `@` (or
a tab or carriage return, which some of them skip first) as a formula, so text anyone can
type (an organisation's name in an application, an opportunity) could compute, fetch
addresses or link elsewhere on the computer of whoever opens an export (CSV injection).
Every CSV the site writes passes its cells through `escape_cell`, which puts an
apostrophe in front; spreadsheet programs show such a cell as text. `unescape_cell`
removes exactly that apostrophe again, so an exported file imports unchanged (the rule
also escapes cells that already begin with apostrophes before such a character, so the
two are exact inverses). XLSX needs none of this: Wagtail's export stores every cell that
looks like a formula as a string.
"""

import re

FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def escape_cell(value):
    """`value` with an apostrophe in front when a spreadsheet would read a formula."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """A cell as it was before `escape_cell`."""
    if value.startswith("'") and FORMULA_START.match(value):
        return value[1:]
    return value


def escape_row(row) -> list:
    return [escape_cell(value) for value in row]


class SafeCsvExportMixin:
    """For Wagtail's SpreadsheetExportMixin views (the admin's listing exports): their CSV
    cells are escaped like every other CSV of the site."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return escape_cell(value) if export_format == self.FORMAT_CSV else value
