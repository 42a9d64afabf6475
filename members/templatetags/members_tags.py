"""Template helpers of the membership forms and the ways to contact an organisation."""

from django import template
from django.urls import reverse

from members.contact import is_contactable

register = template.Library()


@register.filter
def chosen_count(bound_field) -> int:
    """How many options of a multiple-choice field are selected."""
    value = bound_field.value() or []
    return len(value) if isinstance(value, list | tuple) else 0


@register.simple_tag
def contact_url(organisation, opportunity=None) -> str:
    """The organisation's (or opportunity's) contact form, or "" when it cannot be reached.

    Free of queries on the organisation page, which has already loaded the contact person.
    """
    if organisation is None or not is_contactable(organisation):
        return ""
    if opportunity is not None:
        return reverse("members:contact_opportunity", args=[organisation.pk, opportunity.pk])
    return reverse("members:contact", args=[organisation.pk])


@register.simple_tag
def secretariat_contact_url(organisation) -> str:
    """The form that reaches the secretariat about a listed organisation, or ""."""
    if organisation is None or not organisation.is_listed:
        return ""
    return reverse("members:contact_secretariat", args=[organisation.pk])
