# syntax=docker/dockerfile:1
# Multi-stage build: dependencies from uv.lock, static files collected at build time,
# gunicorn as a non-root user. Migrations run as a release step, not at start-up:
#   docker run --rm --env-file prod.env klimatradet python manage.py migrate --noinput

ARG PYTHON_IMAGE=python:3.13-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --locked --no-dev --no-install-project
COPY . .
# Translations: .po → .mo (build output, not in git), in pure Python.
RUN /app/.venv/bin/python scripts/compile_messages
# collectstatic needs settings but no real secrets or database.
RUN DJANGO_SETTINGS_MODULE=config.settings.production \
    SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost SITE_URL=http://localhost \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 STATIC_ROOT=/app/static_collected \
    /app/.venv/bin/python manage.py collectstatic --noinput -v0

FROM ${PYTHON_IMAGE}
RUN groupadd --system app && useradd --system --gid app --home-dir /app app \
    && mkdir -p /app/media && chown app:app /app/media
WORKDIR /app
COPY --from=build --chown=app:app /app /app
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/static_collected \
    MEDIA_ROOT=/app/media \
    PORT=8000 \
    WEB_CONCURRENCY=3
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os,sys,urllib.request; sys.exit(urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/health/', timeout=4).status != 200)"
# Workers, threads, keep-alive and restarts: deploy/gunicorn.conf.py (PORT, WEB_CONCURRENCY).
CMD ["gunicorn", "config.wsgi", "-c", "deploy/gunicorn.conf.py"]
