"""schema.org data (JSON-LD) shared by page types: the council as an Organization, image URLs.

Templates print it with `{% json_ld data %}` from core_tags.
"""

from django.conf import settings
from django.templatetags.static import static
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

# The same rendition the OpenGraph tags use, so sharing and search engines cost one image.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def absolute(url: str, request=None) -> str:
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_URL + url


def image_url(image, request=None) -> str:
    """The share rendition's absolute URL; "" when the original file is missing (the image
    tags show a placeholder then, and structured data leaves the image out)."""
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        return ""
    return absolute(rendition.url, request)


def organisation_data(request=None, full: bool = False) -> dict:
    """The council as a schema.org Organization; `full` adds contact details for the home page."""
    from core.models import SiteSettings

    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        site_settings = SiteSettings.for_request(request)  # kept on the request
    else:
        site = Site.objects.filter(is_default_site=True).first()
        site_settings = SiteSettings.for_site(site) if site else SiteSettings()
    root_url = site.root_url if site else settings.SITE_URL
    data = {
        "@type": "Organization",
        "name": site_settings.organisation_name,
        "url": root_url + "/",
        "logo": absolute(static("img/logo.svg"), request),
    }
    if full:
        data["@context"] = "https://schema.org"
        if site_settings.site_description:
            data["description"] = site_settings.site_description
        if site_settings.email:
            data["email"] = site_settings.email
        if site_settings.phone:
            data["telephone"] = site_settings.phone
        if site_settings.address_lines:
            data["address"] = ", ".join(site_settings.address_lines)
        data["areaServed"] = "Jämtlands län"
        data["parentOrganization"] = [
            {"@type": "GovernmentOrganization", "name": "Region Jämtland Härjedalen"},
            {"@type": "GovernmentOrganization", "name": "Länsstyrelsen Jämtlands län"},
        ]
        same_as = [block.value.url() for block in site_settings.social_links]
        if same_as := [url for url in same_as if url.startswith("http")]:
            data["sameAs"] = same_as
    return data
