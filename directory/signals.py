"""Keep delisting state and the search index in step with what editors do."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from core.frontcache import invalidate_urls, urls_affected_by
from directory.listing_state import clear_delisting, record_delisting
from directory.models.opportunity import Opportunity
from directory.models.organisation import OrganisationPage, reindex_organisation


@receiver(page_unpublished, sender=OrganisationPage)
def organisation_unpublished(sender, instance, **kwargs):
    """Any unpublish takes the organisation out of the directory: record when."""
    record_delisting(instance)


@receiver(page_published, sender=OrganisationPage)
def organisation_published(sender, instance, **kwargs):
    """Publishing is listing: whatever was recorded about a delisting no longer applies."""
    if instance.delisted_at is not None or instance.delisted_reason:
        clear_delisting(instance)


@receiver(post_delete, sender=Opportunity)
def opportunity_deleted(sender, instance, **kwargs):
    reindex_organisation(instance.organisation_id)


# The front cache (core.frontcache): an opportunity shows on its own page, its organisation's
# page, the directory's opportunity list and feed, and the theme pages of the organisation.


@receiver(pre_save, sender=Opportunity)
def opportunity_before_save(sender, instance, **kwargs):
    """Its address has its title in it: remember the old one, which now redirects."""
    old = Opportunity.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._previous_urls = _opportunity_urls(old) if old is not None else set()


@receiver(post_save, sender=Opportunity)
@receiver(post_delete, sender=Opportunity)
def opportunity_changed(sender, instance, **kwargs):
    invalidate_urls(_opportunity_urls(instance) | getattr(instance, "_previous_urls", set()))


def _opportunity_urls(opportunity) -> set[str]:
    organisation = OrganisationPage.objects.filter(pk=opportunity.organisation_id).first()
    if organisation is None or not organisation.live:
        return set()
    urls = urls_affected_by(organisation)
    url = organisation.get_parent().specific.opportunity_full_url(opportunity, organisation)
    return urls | ({url} if url else set())
