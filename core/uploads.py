"""Checks on documents uploaded in the admin (WAGTAILDOCS_DOCUMENT_FORM_BASE).

Wagtail itself checks the extension against WAGTAILDOCS_EXTENSIONS (which leaves out
HTML, SVG and other types a browser would run), but has no size limit for documents and
trusts the extension. This form adds WAGTAILDOCS_MAX_UPLOAD_SIZE and refuses a file
whose content is an HTML, SVG or XML document whatever its name says. Documents are
then served by Wagtail's serve view as attachments (PDF inline) with nosniff and
`Content-Security-Policy: default-src 'none'`.
"""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# How a markup document starts, after white space and a byte order mark.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml")


def looks_like_markup(upload) -> bool:
    position = upload.tell()
    upload.seek(0)
    start = upload.read(1024)
    upload.seek(position)
    start = start.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return start.startswith(MARKUP_STARTS)


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.files:  # a new upload, not the stored file
            limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
            if upload.size > limit:
                raise forms.ValidationError(
                    _("Filen är för stor (%(size)s). Största tillåtna storlek är %(limit)s.")
                    % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                    code="file_too_large",
                )
            if looks_like_markup(upload):
                raise forms.ValidationError(
                    _(
                        "Filen innehåller HTML, SVG eller XML, som inte får laddas upp som "
                        "dokument. Spara den som PDF i stället."
                    ),
                    code="markup",
                )
        return upload
