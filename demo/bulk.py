"""The one bulk writer of generated content for load tests and benchmarks: organisations
(`seed_demo --organisations N`) and news items (`scripts/bench --news N`), with the words
from demo/data/generated.json.

Wagtail creates pages one by one (tree paths, revisions, signals), which takes minutes for
ten thousand. Here the tree rows are written in bulk: paths computed from the index page,
the base page rows with bulk_create, each organisation row with one plain INSERT, the tags
and opportunities with bulk_create, then the search index in batches. The pages are live
and look like any other in the listing; they have no revisions until someone edits one.
The news items are spread over two years, each about a topic the council works with and a
place in the county, so the benchmark's queries hit realistic numbers of them.
"""

import datetime
import json
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from wagtail.models import Page
from wagtail.rich_text import RichText

from core.models import ContentVersion
from demo.context import DATA_DIR
from directory.models import (
    CompetenceTag,
    DirectoryIndexPage,
    Municipality,
    OfferedCompetence,
    Opportunity,
    OpportunityCompetence,
    OpportunityKind,
    OrganisationPage,
    OrganisationType,
    PartnershipType,
    SoughtCompetence,
)
from directory.slugs import ascii_slug
from directory.validators import luhn_check_digit
from news.models import NewsIndexPage, NewsPage
from themes.models import Theme, ThemedPage

BATCH = 500
WORDS = json.loads((DATA_DIR / "generated.json").read_text(encoding="utf-8"))
PLACES = WORDS["places"]
TRADES = WORDS["trades"]  # (word in a name, what the trade does)
TOPICS = WORDS["news_topics"]  # (topic in a title, a sentence about it, theme slug)
TYPE_WEIGHTS = [
    (OrganisationType.COMPANY, 70),
    (OrganisationType.COOPERATIVE, 8),
    (OrganisationType.NON_PROFIT, 8),
    (OrganisationType.TRADE_ORGANISATION, 4),
    (OrganisationType.MUNICIPAL_COMPANY, 3),
    (OrganisationType.FOUNDATION, 3),
    (OrganisationType.BUSINESS_SUPPORT, 4),
]
NUMBER_PREFIX = {
    OrganisationType.COMPANY: "559",
    OrganisationType.MUNICIPAL_COMPANY: "556",
    OrganisationType.COOPERATIVE: "769",
    OrganisationType.NON_PROFIT: "802",
    OrganisationType.TRADE_ORGANISATION: "802",
    OrganisationType.FOUNDATION: "802",
    OrganisationType.BUSINESS_SUPPORT: "556",
}
LEGAL_SUFFIX = {
    OrganisationType.COMPANY: "AB",
    OrganisationType.MUNICIPAL_COMPANY: "AB",
    OrganisationType.COOPERATIVE: "ekonomisk förening",
    OrganisationType.NON_PROFIT: "ideell förening",
    OrganisationType.TRADE_ORGANISATION: "företagarförening",
    OrganisationType.FOUNDATION: "stiftelse",
    OrganisationType.BUSINESS_SUPPORT: "Företagsstöd AB",
}


def fictitious_org_number(rng: random.Random, prefix: str, taken: set) -> str:
    """A valid-looking number (right legal-form group, valid check digit), unused here."""
    while True:
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(prefix)))
        number = f"{body[:6]}-{body[6:]}{luhn_check_digit(body)}"
        if number not in taken:
            taken.add(number)
            return number


def _tree_paths(index_page: Page, count: int) -> list[str]:
    last = index_page.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    return [Page._get_path(index_page.path, index_page.depth + 1, start + i) for i in range(count)]


def unique_slug(slug: str, taken: set) -> str:
    while slug in taken:
        slug += "-x"
    taken.add(slug)
    return slug


def live_child(model, parent: Page, path: str, title: str, slug: str, *, published, **fields):
    """A live page of `model` at a _tree_paths() path under `parent`, not yet written."""
    first_published_at, last_published_at = published
    return model(
        title=title,
        draft_title=title,
        slug=slug,
        path=path,
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        content_type=ContentType.objects.get_for_model(model),
        locale_id=parent.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=first_published_at,
        last_published_at=last_published_at,
        **fields,
    )


def insert_page_rows(parent: Page, pages: list) -> None:
    """Write specific pages built with _tree_paths() paths under `parent`, in batches: the
    base page rows with bulk_create, each specific row with one plain INSERT."""
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key and f.name != "id"]
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in batch]
        )
        for page, row in zip(batch, rows, strict=True):
            page.page_ptr_id = page.pk = row.pk
            page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


@transaction.atomic
def create_organisations(count: int, rng: random.Random, *, with_opportunities: float = 0.1):
    """Add `count` generated, listed organisations under the directory index page."""
    index_page = DirectoryIndexPage.objects.get()
    tags = list(CompetenceTag.objects.all())
    themes = list(Theme.objects.all())
    kinds = list(PartnershipType.objects.all())
    municipalities = list(Municipality.objects.filter(in_county=True))
    taken_slugs = set(index_page.get_children().values_list("slug", flat=True))
    taken_numbers = set(
        OrganisationPage.objects.exclude(org_number="").values_list("org_number", flat=True)
    )
    types, weights = zip(*TYPE_WEIGHTS, strict=True)
    now = timezone.now()
    today = timezone.localdate()
    serial = OrganisationPage.objects.count() + 1

    organisations = []
    for path in _tree_paths(index_page, count):
        org_type = rng.choices(types, weights)[0]
        place = rng.choice(PLACES)
        trade, trade_text = rng.choice(TRADES)
        name = f"{place} {trade} {serial} {LEGAL_SUFFIX[org_type]}"
        head_office = rng.choice(municipalities)
        organisations.append(
            live_child(
                OrganisationPage,
                index_page,
                path,
                name,
                unique_slug(ascii_slug(name), taken_slugs),
                published=(now - datetime.timedelta(minutes=serial), now),
                org_type=org_type,
                org_number=fictitious_org_number(rng, NUMBER_PREFIX[org_type], taken_numbers)
                if rng.random() < 0.8
                else "",
                size_class=rng.choice(["1-9", "1-9", "10-49", "50-249", ""]),
                short_description=(
                    f"{trade_text.capitalize()} för företag och hushåll i {head_office.name} "
                    f"och närliggande kommuner."
                ),
                description=(
                    f"<p>{name} arbetar med {trade_text} i {head_office.name}. Vi vill minska "
                    "utsläppen i vår egen verksamhet och hos våra kunder, och söker partner för "
                    "nya samarbeten i omställningen.</p>"
                ),
                head_office=head_office,
                serves_whole_county=rng.random() < 0.15,
                member_since=today - datetime.timedelta(days=rng.randint(30, 3500)),
                last_confirmed_at=today - datetime.timedelta(days=rng.randint(0, 500)),
            )
        )
        serial += 1

    insert_page_rows(index_page, organisations)

    offered, sought, themed, served, partnership = [], [], [], [], []
    served_through = OrganisationPage.served_municipalities.through
    kind_through = OrganisationPage.partnership_types.through
    for org in organisations:
        offers = rng.sample(tags, rng.randint(2, 5))
        seeks = rng.sample([t for t in tags if t not in offers], rng.randint(1, 4))
        offered += [OfferedCompetence(content_object_id=org.pk, tag=t) for t in offers]
        sought += [SoughtCompetence(content_object_id=org.pk, tag=t) for t in seeks]
        themed += [
            ThemedPage(content_object_id=org.pk, tag=t)
            for t in rng.sample(themes, min(len(themes), rng.randint(1, 2)))
        ]
        if not org.serves_whole_county:
            others = [m for m in municipalities if m.pk != org.head_office_id]
            served += [
                served_through(organisationpage_id=org.pk, municipality_id=m.pk)
                for m in rng.sample(others, rng.randint(0, 2))
            ]
        partnership += [
            kind_through(organisationpage_id=org.pk, partnershiptype_id=k.pk)
            for k in rng.sample(kinds, rng.randint(1, 3))
        ]
    for model, rows in [
        (OfferedCompetence, offered),
        (SoughtCompetence, sought),
        (ThemedPage, themed),
        (served_through, served),
        (kind_through, partnership),
    ]:
        model.objects.bulk_create(rows, batch_size=2000)

    opportunities, opportunity_tags = [], []
    for org in organisations:
        if rng.random() >= with_opportunities:
            continue
        tag_choices = rng.sample(tags, rng.randint(1, 3))
        opportunities.append(
            Opportunity(
                organisation_id=org.pk,
                kind=rng.choice(
                    [OpportunityKind.NEED, OpportunityKind.NEED, OpportunityKind.OFFER]
                ),
                title=f"Söker samarbete om {tag_choices[0].name}",
                text=(
                    f"{org.title} söker en partner inom {tag_choices[0].name} för ett projekt "
                    f"under det kommande året i {org.head_office.name}."
                ),
                partnership_type=rng.choice(kinds),
                valid_until=today + datetime.timedelta(days=rng.randint(10, 300)),
                published_at=now - datetime.timedelta(days=rng.randint(0, 60)),
            )
        )
        opportunity_tags.append(tag_choices)
    Opportunity.objects.bulk_create(opportunities, batch_size=BATCH)
    OpportunityCompetence.objects.bulk_create(
        [
            OpportunityCompetence(content_object_id=opportunity.pk, tag=tag)
            for opportunity, chosen in zip(opportunities, opportunity_tags, strict=True)
            for tag in chosen
        ],
        batch_size=2000,
    )

    index_search([org.pk for org in organisations], [o.pk for o in opportunities])
    ContentVersion.bump()  # bulk writes send no signals
    return organisations


def index_search(organisation_ids: list[int], opportunity_ids: list[int]) -> None:
    index_models([(OrganisationPage, organisation_ids), (Opportunity, opportunity_ids)])


def index_models(models_and_ids) -> None:
    """Add the new rows to every search backend, in batches."""
    for backend in get_search_backends(with_auto_update=True):
        for model, ids in models_and_ids:
            for start in range(0, len(ids), BATCH):
                objects = list(
                    model.get_indexed_objects().filter(pk__in=ids[start : start + BATCH])
                )
                if objects:
                    backend.add_bulk(model, objects)


@transaction.atomic
def generate_news(count: int, seed: int = 2030) -> int:
    """Add `count` live news items under the news index page; returns how many."""
    if count <= 0:
        return 0
    rng = random.Random(seed)
    index = NewsIndexPage.objects.get()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    taken = set(index.get_children().values_list("slug", flat=True))
    now = timezone.now()
    today = timezone.localdate()
    serial = NewsPage.objects.count() + 1

    items, themed = [], []
    for path in _tree_paths(index, count):
        topic, sentence, theme = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        title = f"{topic} i {place}"
        published = now - datetime.timedelta(hours=serial)
        items.append(
            live_child(
                NewsPage,
                index,
                path,
                title,
                unique_slug(f"{slugify(title)}-{serial}", taken),
                published=(published, published),
                date=today - datetime.timedelta(days=rng.randint(0, 730)),
                lead=f"{sentence} Det berättar projektledaren i {place}.",
                body=[
                    ("paragraph", RichText(f"<p>{sentence} Arbetet sker i {place}.</p>")),
                    (
                        "paragraph",
                        RichText(
                            "<p>Miljö- och klimatrådet följer arbetet och sprider erfarenheterna "
                            f"till rådets medlemmar. Nästa avstämning sker om "
                            f"{rng.randint(2, 11)} månader.</p>"
                        ),
                    ),
                ],
            )
        )
        themed.append(theme)
        serial += 1

    insert_page_rows(index, items)
    ThemedPage.objects.bulk_create(
        [
            ThemedPage(content_object_id=item.pk, tag=themes[theme])
            for item, theme in zip(items, themed, strict=True)
            if theme in themes
        ],
        batch_size=2000,
    )
    index_models([(NewsPage, [item.pk for item in items])])
    return count
