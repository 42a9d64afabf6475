"""Wagtail's Elasticsearch 9 backend, with failed index updates retried later."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.index_retry import RetryFailedIndexUpdates


class SearchBackend(RetryFailedIndexUpdates, Elasticsearch9SearchBackend):
    pass
