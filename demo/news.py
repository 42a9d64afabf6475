"""Demo content: the news listing and news from two years of the council's work
(demo/data/news.json); `--news N` adds N generated ones with the bulk writer (demo.bulk)."""

from datetime import timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from demo import bulk
from demo.context import SeedContext, load
from news.models import NewsContact, NewsIndexPage, NewsPage
from themes.models import Theme


def add_arguments(parser):
    parser.add_argument(
        "--news",
        type=int,
        default=0,
        metavar="N",
        help="Lägg dessutom till N genererade nyheter (för sökningens belastningstester).",
    )


def seed(ctx: SeedContext):
    home = ctx.home()
    index = ctx.child(
        home,
        NewsIndexPage,
        "nyheter",
        title="Nyheter",
        intro=(
            "Nyheter om miljö- och klimatarbetet i Jämtlands län: från Omställningsarenan, "
            "rådets arbetsgrupper och medlemmarna."
        ),
    )
    ctx.add_menu_link(index)

    data = load("news.json")
    contacts = {}
    for key, fields in data["contacts"].items():
        contact, created = NewsContact.objects.get_or_create(email=fields["email"], defaults=fields)
        if created:
            ctx.count("kontaktpersoner")
        contacts[key] = contact
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    images = [ctx.image(title, alt, variant) for title, alt, variant in data["images"]]
    today = timezone.localdate()
    existing = set(index.get_children().values_list("slug", flat=True))

    for item in data["items"]:
        if item["slug"] in existing:
            continue
        html = "".join(f"<p>{text}</p>" for text in item["paragraphs"])
        page = NewsPage(
            slug=item["slug"],
            title=item["title"],
            date=today - timedelta(days=item["days_ago"]),
            lead=item["lead"],
            image=images[item["image"]] if item["image"] is not None else None,
            body=[("paragraph", RichText(html))],
            contact=contacts[item["contact"]],
        )
        page.themes.set([themes[s] for s in item["themes"] if s in themes])
        page.tags.set(item["tags"])
        index.add_child(instance=page)
        page.save_revision().publish()
        ctx.count("nyheter")
    count = ctx.options.get("news") or 0
    if count > 0:
        bulk.generate_news(count)
        ctx.count("genererade nyheter", count)
