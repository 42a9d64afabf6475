"""Running the CSV import the way the secretariat does, for the CSV tests."""

import io

from django.core.management import call_command


def run_import(tmp_path, text, *args):
    path = tmp_path / "organisationer.csv"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_organisations", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()
