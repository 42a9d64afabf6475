"""schema.org data for an organisation page: the organisation, never its contact person."""

import html

from django.utils.html import strip_tags

from core.structured_data import absolute, image_url, organisation_data


def organisation_structured_data(page, request, context: dict) -> dict:
    """An `Organization` with what it offers and seeks, where it works and its themes."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.short_description,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.head_office.name,
            "addressCountry": "SE",
        },
        "memberOf": organisation_data(request),
    }
    if page.head_office.in_county:
        data["address"]["addressRegion"] = "Jämtlands län"
    if page.org_number:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "Organisationsnummer",
            "value": page.org_number,
        }
    if page.website:
        data["sameAs"] = [page.website]
    if page.logo_id and (logo := image_url(page.logo, request)):
        data["logo"] = logo
    if page.serves_whole_county:
        data["areaServed"] = {"@type": "AdministrativeArea", "name": "Jämtlands län"}
    else:
        places = [page.head_office, *context["served"]]
        names = list(dict.fromkeys(m.name for m in places if m.in_county))
        if names:
            data["areaServed"] = [{"@type": "AdministrativeArea", "name": name} for name in names]
    if context["offers"]:
        data["knowsAbout"] = [tag.name for tag in context["offers"]]
        data["makesOffer"] = [
            {"@type": "Offer", "itemOffered": {"@type": "Service", "name": tag.name}}
            for tag in context["offers"]
        ]
    if context["seeks"]:
        data["seeks"] = [{"@type": "Demand", "name": tag.name} for tag in context["seeks"]]
    if page.description:
        # Rich text is stored as HTML: entities become characters again (JSON is not HTML).
        text = " ".join(html.unescape(strip_tags(page.description)).split())
        if text:
            data["disambiguatingDescription"] = text[:500]
    data["mainEntityOfPage"] = absolute(page.get_url(request) or "", request)
    return data
