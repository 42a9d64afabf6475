"""Search index updates that fail are retried later, so the cluster catches up.

Wagtail updates the index from a background task after every save and delete, and
swallows errors from a search cluster (publishing must not fail because the cluster is
down) — so without this, what was published while the cluster was away would never be
found. The cluster backends (search.backends.elasticsearch, .opensearch) mix in
RetryFailedIndexUpdates: a failed add or delete is remembered as a PendingIndexUpdate,
and `manage.py retry_search_index` (in PERIODIC_COMMANDS) replays the remembered ones.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance

logger = logging.getLogger("search.index_retry")


class RetryFailedIndexUpdates:
    """Mixin for a search backend: remember objects whose index update failed."""

    def add(self, obj):
        try:
            super().add(obj)
        except Exception as error:
            remember_failure(obj, error)
            raise  # Wagtail logs it and carries on

    def delete(self, obj):
        try:
            super().delete(obj)
        except Exception as error:
            remember_failure(obj, error)
            raise


def remember_failure(obj, error: Exception) -> None:
    from search.models import PendingIndexUpdate

    message = f"{type(error).__name__}: {error}"[:2000]
    try:
        with transaction.atomic():
            content_type = ContentType.objects.get_for_model(type(obj))
            key = {"content_type": content_type, "object_id": str(obj.pk)}
            now = timezone.now()
            updated = PendingIndexUpdate.objects.filter(**key).update(
                attempts=F("attempts") + 1, last_error=message, failed_at=now
            )
            if not updated:
                PendingIndexUpdate.objects.get_or_create(
                    **key, defaults={"last_error": message, "failed_at": now}
                )
    except DatabaseError:
        logger.exception("Could not remember the failed index update of %r", obj)


def retry_pending(limit: int = 1000) -> tuple[int, int]:
    """Bring the index up to date for remembered objects: (done, still failing)."""
    from search.models import PendingIndexUpdate

    backends = [backend for _name, backend in get_search_backends_with_name(with_auto_update=True)]
    done = failing = 0
    pending_updates = PendingIndexUpdate.objects.select_related("content_type").order_by(
        "failed_at"
    )
    for pending in pending_updates[:limit]:
        model = pending.content_type.model_class()
        if model is None:  # the model is gone
            pending.delete()
            continue
        obj = model._default_manager.filter(pk=pending.object_id).first()
        # The object as Wagtail indexes it, or None when it is gone or no longer indexed.
        indexed = get_indexed_instance(obj) if obj is not None else None
        try:
            for backend in backends:
                if indexed is not None:
                    backend.add(indexed)
                else:
                    backend.delete(obj if obj is not None else model(pk=pending.object_id))
        except Exception as error:
            failing += 1
            logger.warning("Index update of %s still fails: %s", pending, error)
            continue
        PendingIndexUpdate.objects.filter(pk=pending.pk, failed_at=pending.failed_at).delete()
        done += 1
    return done, failing
