import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.blocks import BodyBlock, CaptionedTableBlock, FigureBlock, LinkBlock


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="Fjäll", file=get_test_image_file(size=(1600, 900))
    )


def render(block_type, value):
    stream_block = BodyBlock()
    child = stream_block.child_blocks[block_type]
    return child.render(child.to_python(value))


def test_heading_renders_at_the_chosen_level():
    assert render("heading", {"text": "Mål", "level": "h3"}).strip() == (
        '<h3 class="block-heading">Mål</h3>'
    )


def test_figure_uses_its_alt_text_and_modern_formats(image):
    html = render(
        "image",
        {
            "image": {"image": image.pk, "alt_text": "Fjäll i kvällsljus", "decorative": False},
            "caption": "Oviksfjällen",
            "credit": "Anna Berg",
        },
    )
    assert 'alt="Fjäll i kvällsljus"' in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'loading="lazy"' in html
    assert "<figcaption>Oviksfjällen" in html and "Foto: Anna Berg" in html


def test_decorative_figure_has_empty_alt(image):
    html = render(
        "image",
        {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""},
    )
    assert 'alt=""' in html


def test_figure_without_alt_text_or_decorative_flag_is_refused(image):
    block = FigureBlock()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_link_needs_exactly_one_target_and_text_for_external_links():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "external_url": "", "link_text": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"page": None, "external_url": "https://www.digg.se/", "link_text": ""})
        )
    value = block.clean(
        block.to_python({"page": None, "external_url": "https://www.digg.se/", "link_text": "Digg"})
    )
    assert value.url() == "https://www.digg.se/" and value.label() == "Digg"


def test_table_needs_a_caption_and_renders_it():
    block = CaptionedTableBlock()
    data = {
        "data": [["År", "Utsläpp"], ["2023", "100"]],
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
    }
    with pytest.raises(ValidationError):
        block.clean({**data, "table_caption": ""})
    html = block.render(block.clean({**data, "table_caption": "Utsläpp per år"}))
    assert "<caption>Utsläpp per år</caption>" in html
    assert '<th scope="col"' in html


def test_accordion_uses_native_details_elements():
    html = render(
        "accordion",
        {"heading": "Frågor", "items": [{"title": "Kostar det?", "body": "<p>Nej.</p>"}]},
    )
    assert "<details" in html and "<summary>Kostar det?</summary>" in html


def test_quote_and_call_to_action_render_their_text(db):
    assert "– " not in render("quote", {"quote": "Vi ska.", "attribution": "Rådet"})
    assert "<figcaption>Rådet</figcaption>" in render(
        "quote", {"quote": "Vi ska.", "attribution": "Rådet"}
    )
    html = render(
        "call_to_action",
        {
            "title": "Gå med",
            "text": "Det kostar inget.",
            "link": {"page": None, "external_url": "https://example.se/", "link_text": "Ansök"},
        },
    )
    assert '<a class="button" href="https://example.se/">Ansök</a>' in html
