"""Wagtail's frontend cache (WAGTAILFRONTENDCACHE) from the environment.

Each front cache is switched on by its own variables; any number may be on at once (Varnish
in front of gunicorn and a CDN in front of Varnish). core.frontcache purges them all with the
same URLs on publish.
"""

import importlib.util

from django.core.exceptions import ImproperlyConfigured

BACKENDS = "wagtail.contrib.frontend_cache.backends"


def frontend_cache_backends(
    *,
    http_url: str = "",
    cloudflare_token: str = "",
    cloudflare_zone: str = "",
    cloudfront_distribution: str = "",
) -> dict:
    backends = {}
    if http_url:
        # Varnish (deploy/varnish/default.vcl) or any cache that understands PURGE.
        backends["http"] = {"BACKEND": f"{BACKENDS}.HTTPBackend", "LOCATION": http_url}
    if cloudflare_token or cloudflare_zone:
        if not (cloudflare_token and cloudflare_zone):
            raise ImproperlyConfigured(
                "Cloudflare purging needs both CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONE_ID"
            )
        backends["cloudflare"] = {
            "BACKEND": f"{BACKENDS}.CloudflareBackend",
            "BEARER_TOKEN": cloudflare_token,
            "ZONEID": cloudflare_zone,
        }
    if cloudfront_distribution:
        if importlib.util.find_spec("boto3") is None:
            raise ImproperlyConfigured(
                "CLOUDFRONT_DISTRIBUTION_ID is set but boto3 is not installed "
                "(.tools/bin/uv add boto3); AWS credentials come from boto3's usual "
                "AWS_* variables or the instance role"
            )
        backends["cloudfront"] = {
            "BACKEND": f"{BACKENDS}.CloudfrontBackend",
            "DISTRIBUTION_ID": cloudfront_distribution,
        }
    return backends
