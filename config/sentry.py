"""Error reporting to Sentry, switched on by SENTRY_DSN (imported by config.settings)."""


def init_sentry(dsn: str, *, environment: str) -> bool:
    """Start the Sentry SDK with the Django integration; True when it was switched on.

    Unhandled errors and ERROR log records become events, each tagged with the request id
    (core.middleware.RequestLogMiddleware). No personal data: send_default_pii stays off,
    so no cookies, user ids, IP addresses or form bodies are sent; no performance tracing.
    """
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0,
    )
    return True
