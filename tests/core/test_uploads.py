"""Uploads in the admin: only the allowed document and image types, within the size
limits, never HTML or SVG; documents are served so that no browser runs them."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

Document = get_document_model()
Image = get_image_model()

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(2)</script></svg>"
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(padding=0):
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 10), "green").save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding


def upload_document(admin_client, name, content):
    return admin_client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_documents_at_once(admin_client, name, content):
    return admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content)},
    ).json()


def upload_image(admin_client, name, content):
    return admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content)},
    ).json()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sida.html", HTML),
        ("sida.htm", HTML),
        ("sida.xhtml", HTML),
        ("logga.svg", SVG),
        ("skript.js", b"alert(1)"),
        ("rapport.pdf", HTML),  # named as a PDF, but a web page
        ("anteckningar.txt", b"\xef\xbb\xbf  " + HTML),
        ("tabell.csv", SVG),
    ],
)
def test_html_svg_and_script_documents_are_refused(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    result = upload_documents_at_once(admin_client, name, content)
    assert result["success"] is False
    assert result["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()


def test_documents_over_the_size_limit_are_refused(admin_client):
    too_large = b"a" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1)
    response = upload_document(admin_client, "stor.txt", too_large)
    assert "Filen är för stor" in str(response.context["form"].errors["file"])
    result = upload_documents_at_once(admin_client, "stor.txt", too_large)
    assert "Filen är för stor" in result["error_message"]
    assert not Document.objects.exists()


def test_allowed_documents_are_accepted(admin_client):
    response = upload_document(admin_client, "rapport.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response.status_code == 302
    assert upload_documents_at_once(admin_client, "tabell.csv", b"namn;ort\nA;Krokom\n")["success"]
    assert Document.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [("logga.svg", SVG), ("logga.png", SVG), ("bild.png", HTML), ("sida.html", HTML)],
)
def test_svg_html_and_fake_images_are_refused(admin_client, name, content):
    result = upload_image(admin_client, name, content)
    assert result["success"] is False
    assert not Image.objects.exists()
    assert not UploadedFile.objects.exists()


def test_images_over_the_size_limit_are_refused(admin_client):
    assert upload_image(admin_client, "liten.png", png())["success"]
    too_large = png(padding=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    result = upload_image(admin_client, "stor.png", too_large)
    assert result["success"] is False
    assert Image.objects.count() == 1


def test_a_text_document_with_html_in_it_is_served_inert(admin_client, client):
    content = b"Anteckningar fr\xc3\xa5n m\xc3\xb6tet\n<script>alert(1)</script><img src=x onerror=alert(2)>"
    assert upload_document(admin_client, "anteckningar.txt", content).status_code == 302
    document = Document.objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == content
    # Not around the serve view either.
    assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404


def test_pdfs_open_in_the_browser_but_cannot_run_anything(admin_client, client):
    upload_document(admin_client, "rapport.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.get(Document.objects.get().url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
