from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from directory.api import api as directory_api

urlpatterns = [
    path("health/", core_views.health, name="health"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("sok/", include("search.urls")),
    path("api/v1/directory/", directory_api.urls),
    path("", include("members.urls")),
]

if settings.SERVE_MEDIA:
    prefix = settings.MEDIA_URL.lstrip("/")
    # Documents only through Wagtail's serve view (/dokument/): it checks privacy and sends
    # them as attachments with nosniff. A proxy serving MEDIA_ROOT must leave them out too.
    urlpatterns += [
        re_path(
            rf"^{prefix}(?!documents/)(?P<path>.*)$",
            serve_static,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += [
    # Wagtail's page serving catches everything else: keep it last.
    path("", include(wagtail_urls)),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
