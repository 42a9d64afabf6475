"""Structured logs: one JSON object a line on stdout, each tagged with the request's id.

Production uses JsonFormatter (LOG_FORMAT=json); development keeps the plain one-line
format. RequestIdFilter puts the id of the request being served (see
core.middleware.RequestLogMiddleware) on every record, so a request's access line, its
warnings and the traceback of its error share one `request_id`, the same one the proxy
in front sent as X-Request-ID (or we generated) and the response carries back.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# What a proxy may hand us as X-Request-ID: uuid-like tokens, not arbitrary text that would
# end up in every log line.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")

# Attributes every LogRecord has; anything else on a record came from `extra`.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def request_id_from(header_value: str | None) -> str:
    """The proxy's X-Request-ID when it looks like an id, otherwise a new one."""
    if header_value and _SANE_REQUEST_ID.fullmatch(header_value):
        return header_value
    return uuid.uuid4().hex


def logged_path(request) -> str:
    """The request's path as the logs show it: without the secrets links carry.

    Confirmation, password and invitation links carry their token in the path. Text that
    a route captured from the path (a Django route's or a routable page's sub-route's
    `<token>`, `<uidb64>`) is shown by its parameter's name instead; numbers (ids) and the
    address of a Wagtail page stay. When a captured value is not a whole path segment,
    the route's name is shown instead of the path.
    """
    path = request.path
    captured = {}
    for match in (
        getattr(request, "resolver_match", None),
        getattr(request, "routable_resolver_match", None),
    ):
        for name, value in (getattr(match, "captured_kwargs", None) or {}).items():
            if isinstance(value, str) and value:
                captured[value] = f"<{name}>"
    if not captured:
        return path
    segments = path.split("/")
    shown = [captured.get(segment, segment) for segment in segments]
    if len(set(captured) & set(segments)) < len(captured):
        match = getattr(request, "routable_resolver_match", None) or request.resolver_match
        return f"<{match.view_name}>"
    return "/".join(shown)


class LoggedPathFilter(logging.Filter):
    """Django's own lines about a request ("Not Found: /path") show `logged_path()` too."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "resolver_match") and record.args:
            shown = logged_path(request)
            if shown != request.path:
                path = request.path
                escaped = path.encode("unicode_escape").decode("ascii")
                args = record.args if isinstance(record.args, tuple) else (record.args,)
                record.args = tuple(shown if arg in (path, escaped) else arg for arg in args)
        return True


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not getattr(record, "request_id", ""):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "") or request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for name, value in vars(record).items():
            if name not in _STANDARD_ATTRIBUTES and name not in entry and name != "request":
                entry[name] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            entry["error"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
            entry["traceback"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["traceback"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_settings(log_format: str, level: str) -> dict:
    """The LOGGING setting: `json` lines on stdout (production) or `plain` lines on stderr."""
    if log_format not in {"json", "plain"}:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"LOG_FORMAT must be json or plain, not {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "core.logs.RequestIdFilter"},
            "logged_path": {"()": "core.logs.LoggedPathFilter"},
        },
        "formatters": {
            "plain": {"format": "%(levelname)s %(name)s: %(message)s"},
            "json": {"()": "core.logs.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id", "logged_path"],
                "stream": "ext://sys.stdout" if log_format == "json" else "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
        },
    }
