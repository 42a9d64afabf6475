"""Demo content: the theme overview and one page per theme, about the county's real goals."""

from wagtail.rich_text import RichText

from demo.context import SeedContext
from themes.models import EnvironmentalObjective, Theme, ThemeIndexPage, ThemePage


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def p(html):
    return ("paragraph", RichText(html))


def cta(title, text, page, link_text):
    if page is None:
        return None
    return (
        "call_to_action",
        {
            "title": title,
            "text": text,
            "link": {"page": page, "external_url": "", "link_text": link_text},
        },
    )


THEME_PAGES = [
    {
        "slug": "miljomalsarbete",
        "title": "Miljömålsarbete",
        "variant": 2,
        "image": ("Myrmark och fjäll i Jämtland", "Myrmark med tallar framför snöklädda fjäll."),
        "intro": (
            "Sverige har 16 miljökvalitetsmål. I Jämtlands län samlar det regionala "
            "miljömålsprogrammet de åtgärder som behövs för att nå dem, och i rådet gör länets "
            "aktörer jobbet tillsammans."
        ),
        "objectives": [1, 4, 8, 9, 12, 13, 14, 15],
        "body": lambda join: [
            h2("Länets miljömålsprogram"),
            p(
                "<p>Miljökvalitetsmålen beskriver det tillstånd i miljön som Sverige ska nå. "
                "Länsstyrelsen tar tillsammans med länets aktörer fram ett regionalt "
                "miljömålsprogram med åtgärder för de mål som är viktigast här. Åtgärderna "
                "genomförs av kommuner, myndigheter, företag och organisationer, ofta flera "
                "tillsammans.</p>"
            ),
            h2("Mål som länet prioriterar"),
            p(
                "<p>Alla mål är viktiga, men länet lägger extra kraft på dessa:</p>"
                "<ul>"
                "<li><b>Begränsad klimatpåverkan</b> – länet ska vara fossilbränslefritt 2030.</li>"
                "<li><b>God bebyggd miljö</b> – hållbara tätorter med god planering.</li>"
                "<li><b>Giftfri miljö</b> – färre farliga ämnen i varor, byggnader och natur.</li>"
                "<li><b>Levande sjöar och vattendrag</b> och <b>Grundvatten av god kvalitet</b> "
                "– rent vatten för människor, fisk och natur.</li>"
                "<li><b>Levande skogar</b> – skogsbruk som också värnar den biologiska "
                "mångfalden.</li>"
                "<li><b>Ett rikt odlingslandskap</b> – aktivt jordbruk med betesmarker och "
                "slåtterängar.</li>"
                "<li><b>Storslagen fjällmiljö</b> – fjällen som natur, kulturmiljö och "
                "renbetesland.</li>"
                "</ul>"
                "<p>Målet Hav i balans samt levande kust och skärgård berör inte länet, som "
                "saknar kust.</p>"
            ),
            h2("Så arbetar rådet med miljömålen"),
            p(
                "<p>Rådet följer upp hur åtgärderna går och letar efter synergier och "
                "målkonflikter. Ett exempel är ny förnybar elproduktion, som hjälper klimatet men "
                "kan påverka fjällmiljön, den biologiska mångfalden och renskötseln. Genom att "
                "prata ihop oss tidigt blir besluten bättre och finansieringen hamnar där den "
                "gör mest nytta.</p>"
            ),
            cta(
                "Vill din organisation vara med?",
                "Medlemskapet är gratis. Det som krävs är en avsiktsförklaring och en "
                "kontaktperson.",
                join,
                "Så går du med",
            ),
        ],
    },
    {
        "slug": "energiomstallning",
        "title": "Energiomställning",
        "variant": 1,
        "image": ("Vindkraft på kalfjället", "Vindkraftverk på en fjällrygg i kvällsljus."),
        "intro": (
            "Jämtlands län ska vara fossilbränslefritt 2030 och en ledande exportör av förnybar "
            "el. Utsläppen av växthusgaser ska minska med minst 10 procent per år fram till "
            "2030."
        ),
        "objectives": [1, 2, 15],
        "body": lambda join: [
            h2("Länets mål"),
            p(
                "<ul>"
                "<li>Ett <b>fossilbränslefritt län 2030</b>.</li>"
                "<li>Utsläppen av växthusgaser ska minska med <b>minst 10 procent per år</b> "
                "under 2023–2030.</li>"
                "<li>Länet ska vara en <b>ledande exportör av förnybar el</b>.</li>"
                "</ul>"
            ),
            h2("Var kommer utsläppen ifrån?"),
            p(
                "<p>En stor del av länets utsläpp kommer från transporter, framför allt "
                "vägtrafiken. Därför handlar mycket av omställningen om laddinfrastruktur, "
                "förnybara drivmedel som biogas och om effektivare transporter. Jordbruket, "
                "arbetsmaskiner och uppvärmning är andra viktiga områden.</p>"
            ),
            h2("Energi- och klimatstrategin"),
            p(
                "<p>Energi- och klimatstrategin för Jämtlands län 2020–2030 pekar ut vägen: "
                "effektivare energianvändning, mer förnybar energi och fossilfria transporter. "
                "Rådet samlar de aktörer som ska göra jobbet och följer upp hur det går.</p>"
            ),
            h2("Stöd för den som vill ställa om"),
            p(
                "<ul>"
                "<li><b>Klimatklivet</b> – investeringsstöd från Naturvårdsverket för åtgärder "
                "som minskar utsläppen, till exempel laddplatser och biogas.</li>"
                "<li><b>Energi- och klimatrådgivningen</b> – kostnadsfri och opartisk rådgivning "
                "till företag, föreningar och privatpersoner.</li>"
                "<li><b>Almi</b> – lån och rådgivning för företag som vill växa hållbart.</li>"
                "<li><b>Regionala 1:1-medel</b> – medfinansiering av utvecklingsprojekt.</li>"
                "</ul>"
                "<p>Sekretariatet hjälper dig att hitta rätt stöd.</p>"
            ),
        ],
    },
    {
        "slug": "klimatanpassning",
        "title": "Klimatanpassning",
        "variant": 3,
        "image": ("Älv i vårflod", "En älv med högt vatten som svämmar över sina stränder."),
        "intro": (
            "Klimatet förändras redan. Kraftigare skyfall, översvämningar, mildare vintrar och "
            "risk för torka och skogsbränder påverkar Jämtlands län. Klimatanpassning handlar om "
            "att rusta samhället för det."
        ),
        "objectives": [8, 9, 11, 12, 14, 15],
        "body": lambda join: [
            h2("Vad händer med klimatet i länet?"),
            p(
                "<p>Enligt SMHI:s klimatscenarier blir det varmare i länet, mest på vintern. "
                "Nederbörden ökar, vårfloden kommer tidigare och snösäsongen blir kortare. Det "
                "påverkar vägar, vatten och avlopp, skogsbruk, jordbruk, renskötsel och turismen "
                "i fjällen.</p>"
            ),
            h2("Den regionala handlingsplanen"),
            p(
                "<p>Länsstyrelsen samordnar klimatanpassningen i länet utifrån den regionala "
                "handlingsplanen för klimatanpassning. Kommunerna har ett stort ansvar genom den "
                "fysiska planeringen, där risker för översvämning, ras och skred ska vägas in. "
                "Företag och organisationer behöver se över sina egna risker.</p>"
            ),
            h2("Exempel på åtgärder"),
            p(
                "<ul>"
                "<li>Kartlägga var skyfall kan orsaka skador i tätorterna.</li>"
                "<li>Ta hand om dagvatten med naturbaserade lösningar, som regnbäddar och "
                "översvämningsytor.</li>"
                "<li>Säkra dricksvattnet inför torrare somrar.</li>"
                "<li>Anpassa skogsbruket till ett varmare klimat med fler skadeinsekter och "
                "större risk för brand.</li>"
                "</ul>"
            ),
        ],
    },
]


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
    join = home.get_children().filter(slug="ga-med").first()
    for spec in THEME_PAGES:
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
            body=[block for block in spec["body"](join) if block is not None],
        )
        page.objectives.set(EnvironmentalObjective.objects.filter(number__in=spec["objectives"]))
        page.save_revision().publish()
