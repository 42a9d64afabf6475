"""Theme pages show every page on their theme: what they add to a front-cache purge."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail import hooks

from core.frontcache import invalidate_urls, page_urls
from themes.models import ThemedPage, ThemePage


def theme_page_urls(theme_ids, cache_object=None) -> set[str]:
    urls = set()
    for theme_page in ThemePage.objects.live().filter(theme_id__in=list(theme_ids)):
        urls |= page_urls(theme_page, cache_object)
    return urls


@hooks.register("affected_urls")
def theme_pages_showing(page, cache_object):
    """The theme pages of the page's themes, as saved (a theme taken off: see below)."""
    theme_ids = ThemedPage.objects.filter(content_object_id=page.pk).values_list(
        "tag_id", flat=True
    )
    return theme_page_urls(theme_ids, cache_object)


@receiver(post_save, sender=ThemedPage, dispatch_uid="frontcache-theme")
@receiver(post_delete, sender=ThemedPage, dispatch_uid="frontcache-untheme")
def themes_changed(sender, instance, **kwargs):
    """A page gained or lost a theme (written when it is published): that theme's page."""
    page = getattr(instance, "content_object", None)
    if page is not None and page.live:
        invalidate_urls(theme_page_urls([instance.tag_id]))
