"""How tag relations appear in the admin: checkboxes for a fixed list, a tag box for free words.

Wagtail gives every tag relation the same autocompleting tag box. For a controlled
vocabulary (a tag model with `free_tagging = False`: themes, competences) that box silently
drops any word it does not know, and it hides the short list an editor chooses from, so
those relations get one checkbox per entry instead. Free tags (news ämnesord, image tags)
keep the box, but names are comma separated everywhere: a multi-word name is shown as
typed, never wrapped in the double quotes that taggit and Wagtail's script add, and
the field's own Swedish help text is the only one shown.

The override is registered for every TaggableManager (ClusterTaggableManager included)
through Wagtail's form field registry, and the two TAGGIT_* settings point at the string
functions below, so forms, revisions and `tags.set()` agree on one format.
"""

import json

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField
from wagtail.admin.widgets import AdminTagWidget

FREE_TAG_HELP = _(
    "Skriv ett ord och tryck Enter eller kommatecken för nästa. Ett ord kan innehålla "
    "mellanslag, till exempel grön finansiering."
)


def parse_tags(text: str) -> list[str]:
    """Tag names from a comma-separated string (TAGGIT_TAGS_FROM_STRING).

    Only commas separate: "grön finansiering" is one name. Double quotes around a name
    (what the admin used to send) are dropped.
    """
    names = {part.strip().strip('"').strip() for part in (text or "").split(",")}
    return sorted(name for name in names if name)


def join_tags(tags) -> str:
    """The editable string for a list of tags (TAGGIT_STRING_FROM_TAGS): names, no quotes."""
    return ", ".join(sorted(tag.name for tag in tags))


class TagWidget(AdminTagWidget):
    """Wagtail's tag box without its English-rooted help line and without quoting.

    Wagtail's script wraps a name containing a space in double quotes before it shows
    it; `preprocessTag: null` in the options switches that off (the options are spread
    over the script's defaults), and parse_tags() needs no quotes.
    """

    template_name = "core/widgets/tag_widget.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        options = json.loads(attrs["data-w-tag-options-value"])
        options["preprocessTag"] = None
        attrs["data-w-tag-options-value"] = json.dumps(options)
        return context


class VocabularyField(forms.ModelMultipleChoiceField):
    """One checkbox per entry of a controlled vocabulary, saved through the tag manager."""

    widget = forms.CheckboxSelectMultiple(attrs={"class": "vocabulary-choice"})

    def __init__(self, *, tag_model, **kwargs):
        super().__init__(queryset=tag_model.objects.all(), **kwargs)


def tag_field_override(db_field) -> dict:
    tag_model = db_field.related_model
    if not getattr(tag_model, "free_tagging", True):
        return {"form_class": VocabularyField, "tag_model": tag_model}
    return {
        "form_class": TagField,
        "tag_model": tag_model,
        "widget": TagWidget,
        "help_text": db_field.help_text or FREE_TAG_HELP,
    }


def register_tag_field_override():
    """Replace Wagtail's own override for tag relations (called from CoreConfig.ready)."""
    register_form_field_override(TaggableManager, override=tag_field_override)
