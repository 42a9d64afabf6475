"""The one StreamField block library every page type uses.

Each block renders through its own template in core/templates/core/blocks/.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

# Editors get the same small, accessible set everywhere: no h1 (the page title is the
# only h1), no raw HTML, no colours.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
SIMPLE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Rubrik 2")), ("h3", _("Rubrik 3")), ("h4", _("Rubrik 4"))],
        default="h2",
        help_text=_("Använd nivåerna i ordning: rubrik 3 under en rubrik 2."),
    )

    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "core/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Bild"),
        help_text=_(
            "Skriv en alternativtext som beskriver bilden för den som inte ser den, "
            "eller markera bilden som dekorativ."
        ),
    )
    caption = blocks.CharBlock(label=_("Bildtext"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Fotograf"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "core/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Vem sa det"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "core/blocks/quote.html"


class LinkStructValue(blocks.StructValue):
    def url(self, request=None):
        """With the request, Wagtail looks the sites up once per request, not per link."""
        if page := self.get("page"):
            return page.get_url(request)
        return self.get("external_url") or ""

    def label(self):
        if text := self.get("link_text"):
            return text
        if page := self.get("page"):
            return page.title
        return self.get("external_url") or ""


class LinkBlock(blocks.StructBlock):
    """A link to a page on the site or to another website."""

    page = blocks.PageChooserBlock(label=_("Sida"), required=False)
    external_url = blocks.URLBlock(label=_("Extern adress"), required=False)
    link_text = blocks.CharBlock(
        label=_("Länktext"),
        required=False,
        max_length=80,
        help_text=_("Lämna tomt för att använda sidans rubrik."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            from django.core.exceptions import ValidationError
            from wagtail.blocks import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Välj antingen en sida eller en extern adress."))
                }
            )
        if value.get("external_url") and not value.get("link_text"):
            from django.core.exceptions import ValidationError
            from wagtail.blocks import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={
                    "link_text": ValidationError(_("En extern länk behöver en länktext."))
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Länk")
        value_class = LinkStructValue


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock(label=_("Knapp"))

    class Meta:
        icon = "pick"
        label = _("Uppmaning")
        template = "core/blocks/call_to_action.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Länktext"),
        required=False,
        max_length=160,
        help_text=_("Lämna tomt för att använda dokumentets titel."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "core/blocks/document_link.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"), max_length=160)
    body = blocks.RichTextBlock(label=_("Innehåll"), features=SIMPLE_RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik över listan"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Frågor eller avsnitt"))

    class Meta:
        icon = "list-ul"
        label = _("Dragspel")
        template = "core/blocks/accordion.html"


class CaptionedTableBlock(TableBlock):
    """Wagtail's table, with its caption required: it names the table for screen readers."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "table_options",
            {
                "contextMenu": [
                    "row_above",
                    "row_below",
                    "col_left",
                    "col_right",
                    "remove_row",
                    "remove_col",
                    "undo",
                    "redo",
                ]
            },
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not (value.get("table_caption") or "").strip():
            from django.core.exceptions import ValidationError

            raise ValidationError(_("Skriv en tabellrubrik som beskriver vad tabellen visar."))
        return value

    class Meta:
        icon = "table"
        label = _("Tabell")
        template = "core/blocks/table.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = CaptionedTableBlock()
    accordion = AccordionBlock()

    class Meta:
        block_counts = {}
