"""Demo content: the theme overview and one page per theme, about the county's real goals
(demo/data/themes.json)."""

from demo.context import SeedContext, load
from themes.models import EnvironmentalObjective, Theme, ThemeIndexPage, ThemePage


def seed(ctx: SeedContext):
    home = ctx.home()
    index = ctx.child(
        home,
        ThemeIndexPage,
        "teman",
        title="Teman",
        intro=(
            "Rådet arbetar med tre områden: miljömålsarbete, energiomställning och "
            "klimatanpassning. Här finns länets mål, vad som händer och vilka som är med."
        ),
    )
    ctx.add_menu_link(index)
    for spec in load("themes.json"):
        if index.get_children().filter(slug=spec["slug"]).exists():
            continue
        theme = Theme.objects.get(slug=spec["slug"])
        title, alt = spec["image"]
        page = ctx.child(
            index,
            ThemePage,
            spec["slug"],
            title=spec["title"],
            theme=theme,
            intro=spec["intro"],
            image=ctx.image(title, alt, variant=spec["variant"]),
            body=ctx.stream(spec["body"]),
        )
        page.objectives.set(EnvironmentalObjective.objects.filter(number__in=spec["objectives"]))
        page.save_revision().publish()
