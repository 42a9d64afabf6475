"""The news models: the news item (news_page.py) and the listing page with its routes
(index_page.py), which sits above the listing (news/listing.py) that reads the items."""

from news.models.index_page import NewsIndexPage, news_index_for_theme_url
from news.models.news_page import (
    NewsContact,
    NewsPage,
    NewsPageManager,
    NewsPageQuerySet,
    NewsPageRelatedLink,
    NewsPageTag,
)

__all__ = [
    "NewsContact",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageManager",
    "NewsPageQuerySet",
    "NewsPageRelatedLink",
    "NewsPageTag",
    "news_index_for_theme_url",
]
