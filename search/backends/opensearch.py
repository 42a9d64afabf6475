"""Wagtail's OpenSearch 3 backend, importable in this project.

opensearch-py imports the PyPI package `events` (for its metrics hooks), and this project
has a Django app of the same name that comes first on sys.path, so a plain
`import opensearchpy` fails. The client is imported once with the PyPI package briefly
registered under its own name; the project's app is put back at once.
"""

import importlib.metadata
import importlib.util
import sys

from django.core.exceptions import ImproperlyConfigured


def _import_opensearchpy():
    if "opensearchpy" in sys.modules:
        return
    try:
        init = importlib.metadata.distribution("Events").locate_file("events/__init__.py")
    except importlib.metadata.PackageNotFoundError:
        raise ImproperlyConfigured(
            "SEARCH_BACKEND=opensearch needs the opensearch-py package (uv sync installs it)"
        ) from None
    spec = importlib.util.spec_from_file_location(
        "events", init, submodule_search_locations=[str(init.parent)]
    )
    saved = {name: module for name, module in sys.modules.items() if name.split(".")[0] == "events"}
    for name in saved:
        del sys.modules[name]
    try:
        module = importlib.util.module_from_spec(spec)
        sys.modules["events"] = module
        spec.loader.exec_module(module)
        import opensearchpy  # noqa: F401 (binds Events from the PyPI package)
    finally:
        for name in [n for n in sys.modules if n.split(".")[0] == "events"]:
            del sys.modules[name]
        sys.modules.update(saved)


_import_opensearchpy()

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend  # noqa: E402

from search.index_retry import RetryFailedIndexUpdates  # noqa: E402


class SearchBackend(RetryFailedIndexUpdates, OpenSearch3SearchBackend):
    """Wagtail's OpenSearch 3 backend, with failed index updates retried later."""
