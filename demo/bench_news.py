"""Generated news for the search benchmark (`scripts/bench` with --news N).

The news app has no bulk generator, and publishing two thousand pages one by one takes
many minutes, so the rows are written in bulk the way the directory's generator writes
organisations (tree paths from the index page, base rows with bulk_create), then indexed
in batches. The items are ordinary live news pages in plain Swedish, spread over two
years, each about a topic the council works with and a place in the county, so the
benchmark's queries hit realistic numbers of them.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends

from demo.bulk import BATCH, _tree_paths, insert_page_rows
from demo.directory_data import PLACES
from news.models import NewsIndexPage, NewsPage
from themes.models import Theme, ThemedPage

# (topic in a title, a sentence about it, theme slug)
TOPICS = [
    (
        "Ny biogasmack",
        "Fler fordon kan nu tanka biogas som görs av matavfall från hushållen.",
        "energiomstallning",
    ),
    (
        "Solceller på taket",
        "Solcellerna väntas ge en femtedel av fastighetens el.",
        "energiomstallning",
    ),
    (
        "Laddplatser för elbilar",
        "Laddplatserna öppnar för både boende och besökare.",
        "energiomstallning",
    ),
    (
        "Plan för klimatanpassning",
        "Planen pekar ut var skyfall och höga flöden gör mest skada.",
        "klimatanpassning",
    ),
    (
        "Skyfallskartering klar",
        "Kartläggningen visar vilka gator som översvämmas först.",
        "klimatanpassning",
    ),
    (
        "Vätgas för tunga transporter",
        "En förstudie ska visa om vätgas passar länets åkerier.",
        "energiomstallning",
    ),
    (
        "Vindkraft och renskötsel",
        "Samebyn och bolaget har enats om hur dialogen ska gå till.",
        "miljomalsarbete",
    ),
    (
        "Restvärme värmer bostäder",
        "Värmen från industrin räcker till flera hundra lägenheter.",
        "energiomstallning",
    ),
    (
        "Våtmarker återställs",
        "Diken läggs igen så att vattnet stannar kvar i landskapet.",
        "miljomalsarbete",
    ),
    (
        "Fossilfria arbetsmaskiner",
        "Entreprenörerna byter till eldrivna grävmaskiner.",
        "energiomstallning",
    ),
]


def _paragraphs(rng, topic_sentence: str, place: str) -> list:
    return [
        ("paragraph", RichText(f"<p>{topic_sentence} Arbetet sker i {place}.</p>")),
        (
            "paragraph",
            RichText(
                "<p>Miljö- och klimatrådet följer arbetet och sprider erfarenheterna till "
                f"rådets medlemmar. Nästa avstämning sker om {rng.randint(2, 11)} månader.</p>"
            ),
        ),
    ]


@transaction.atomic
def generate_news(count: int, seed: int = 2030) -> int:
    """Add `count` live news items under the news index page; returns how many."""
    if count <= 0:
        return 0
    rng = random.Random(seed)
    index = NewsIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(NewsPage)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    taken = set(index.get_children().values_list("slug", flat=True))
    now = timezone.now()
    today = timezone.localdate()
    serial = NewsPage.objects.count() + 1

    items = []
    for path in _tree_paths(index, count):
        topic, sentence, _theme = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        title = f"{topic} i {place}"
        slug = f"{slugify(title)}-{serial}"
        while slug in taken:
            slug += "-x"
        taken.add(slug)
        published = now - datetime.timedelta(hours=serial)
        items.append(
            NewsPage(
                title=title,
                draft_title=title,
                slug=slug,
                path=path,
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                locale_id=index.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                date=today - datetime.timedelta(days=rng.randint(0, 730)),
                lead=f"{sentence} Det berättar projektledaren i {place}.",
                body=_paragraphs(rng, sentence, place),
            )
        )
        serial += 1

    insert_page_rows(index, items)

    themed = []
    for item in items:
        topic_theme = next(t for name, _s, t in TOPICS if item.title.startswith(name))
        if topic_theme in themes:
            themed.append(ThemedPage(content_object_id=item.pk, tag=themes[topic_theme]))
    ThemedPage.objects.bulk_create(themed, batch_size=2000)

    ids = [item.pk for item in items]
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(ids), BATCH):
            objects = list(NewsPage.get_indexed_objects().filter(pk__in=ids[start : start + BATCH]))
            backend.add_bulk(NewsPage, objects)
    return count
