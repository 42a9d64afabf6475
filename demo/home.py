"""Demo content of the site shell: home page, the about pages, the required pages, settings."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site
from wagtail.rich_text import RichText

from config import env
from core.models import NavigationSettings, SiteSettings
from demo.context import SeedContext, ensure_home_page
from home.models import StandardPage


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def h3(text):
    return ("heading", {"text": text, "level": "h3"})


def p(html):
    return ("paragraph", RichText(html))


ABOUT_BODY = [
    h2("Varför ett råd?"),
    p(
        "<p>Klimatet och miljön bryr sig inte om organisationsgränser. Jämtlands län har satt upp "
        "tydliga mål: länet ska vara <b>fossilbränslefritt 2030</b> och en ledande exportör av "
        "förnybar el, och utsläppen av växthusgaser ska minska med <b>minst 10 procent per år</b> "
        "under 2023–2030. Målen nås bara om företag, kommuner, myndigheter, akademi och "
        "föreningar arbetar åt samma håll.</p>"
        "<p>Miljö- och klimatrådet är platsen där det sker. Här utbyter vi idéer och erfarenheter, "
        "formar och förankrar inriktningen för länets miljö- och klimatarbete, följer upp "
        "åtgärder, hittar synergier och målkonflikter och styr finansiering mot åtgärder som gör "
        "skillnad.</p>"
    ),
    h2("Tre områden"),
    p(
        "<ul>"
        "<li><b>Miljömålsarbete</b> – länets arbete med de nationella miljökvalitetsmålen, "
        "utifrån det regionala miljömålsprogrammet.</li>"
        "<li><b>Energiomställning</b> – från fossil energi till förnybar, utifrån energi- och "
        "klimatstrategin för Jämtlands län 2020–2030.</li>"
        "<li><b>Klimatanpassning</b> – att rusta samhället för ett förändrat klimat, utifrån den "
        "regionala handlingsplanen för klimatanpassning.</li>"
        "</ul>"
    ),
    h2("Vilka står bakom rådet?"),
    p(
        "<p>Rådet drivs gemensamt av <b>Region Jämtland Härjedalen</b> och <b>Länsstyrelsen "
        "Jämtlands län</b>, som tillsammans finansierar ett sekretariat. Sekretariatet bjuder in "
        "till möten, håller ihop arbetsgrupper och sköter den här webbplatsen.</p>"
        "<p>Medlemmar är företag, kommuner, offentliga myndigheter, Mittuniversitetet och "
        "intresseorganisationer i länet. Alla medlemmar har skrivit under en "
        "avsiktsförklaring.</p>"
    ),
    h2("Så arbetar vi"),
    p(
        "<p>Arbetet sker i möten, workshoppar och tillfälliga arbetsgrupper. Fyra gånger om året "
        "samlas vi på <b>Omställningsarenan</b>, ett tematiskt nätverksmöte med kunskap, "
        "workshoppar och nätverkande, som vi ordnar tillsammans med Klimatneutrala Östersund "
        "2030.</p>"
        "<p>På det första mötet bad företagen om fyra saker: att hitta gemensamma behov, stöd "
        "för finansiering, vägar in i forskningen och nya samarbeten och affärer. Därför finns "
        "katalogen över samarbetspartner på den här webbplatsen.</p>"
    ),
    h2("Från klimatråd till miljö- och klimatråd"),
    p(
        "<p>Rådet bildades hösten 2015 som Klimatråd Jämtlands län. Under 2021–2023 breddades "
        "uppdraget till att också omfatta länets miljömål, och rådet bytte namn till Miljö- och "
        "klimatrådet i Jämtlands län.</p>"
    ),
    (
        "accordion",
        {
            "heading": "Vanliga frågor",
            "items": [
                {
                    "title": "Kostar det något att vara med?",
                    "body": RichText(
                        "<p>Nej. Medlemskapet är gratis. Det som krävs är att organisationen "
                        "skriver under avsiktsförklaringen och utser en kontaktperson.</p>"
                    ),
                },
                {
                    "title": "Vilket stöd finns för klimatåtgärder?",
                    "body": RichText(
                        "<p>Vanliga frågor i rådet gäller Klimatklivet, Regionens energi- och "
                        "klimatrådgivning, Almi och regional medfinansiering med så kallade "
                        "1:1-medel. Sekretariatet hjälper dig att hitta rätt.</p>"
                    ),
                },
                {
                    "title": "Kan flera personer från samma organisation delta?",
                    "body": RichText(
                        "<p>Ja. Kontaktpersonen är rådets ingång till organisationen, men "
                        "kollegor är välkomna på möten och i arbetsgrupper.</p>"
                    ),
                },
            ],
        },
    ),
]

JOIN_BODY = [
    h2("Vem kan gå med?"),
    p(
        "<p>Alla organisationer som verkar i Jämtlands län och vill bidra till länets miljö- och "
        "klimatmål: företag, kommuner och kommunala bolag, myndigheter, universitet och "
        "forskningsinstitut, bransch- och intresseorganisationer och föreningar.</p>"
    ),
    h2("Avsiktsförklaringen"),
    p(
        "<p>Som medlem skriver organisationen under en avsiktsförklaring. Genom den förklarar "
        "organisationen att den vill:</p>"
        "<ol>"
        "<li>bidra till att länet blir fossilbränslefritt 2030 och att utsläppen minskar med "
        "minst 10 procent per år,</li>"
        "<li>arbeta med de miljökvalitetsmål som berör verksamheten,</li>"
        "<li>dela med sig av kunskap och erfarenheter till andra medlemmar,</li>"
        "<li>delta i rådets möten och i arbetsgrupper när det passar verksamheten.</li>"
        "</ol>"
        "<p>Avsiktsförklaringen är inte ett juridiskt bindande avtal, och medlemskapet kostar "
        "ingenting.</p>"
    ),
    h2("Kontaktperson"),
    p(
        "<p>Organisationen utser en kontaktperson som har mandat att föra organisationens talan i "
        "rådet. Kontaktpersonen får kallelser och information från sekretariatet och är den som "
        "andra medlemmar når via katalogen. Kollegor är också välkomna att delta.</p>"
    ),
    h2("Så går det till"),
    p(
        "<ol>"
        "<li>Fyll i ansökan med organisationens uppgifter och kontaktpersonen.</li>"
        "<li>Bekräfta din e-postadress via länken vi skickar.</li>"
        "<li>Sekretariatet granskar ansökan, oftast inom en vecka.</li>"
        "<li>När ansökan är godkänd publiceras organisationen i katalogen och kontaktpersonen "
        "får en inloggning för att hålla uppgifterna aktuella.</li>"
        "</ol>"
    ),
]

ACCESSIBILITY_BODY = [
    p(
        "<p>Region Jämtland Härjedalen står, tillsammans med Länsstyrelsen Jämtlands län, bakom "
        "den här webbplatsen för Miljö- och klimatrådet i Jämtlands län. Vi vill att så många som "
        "möjligt ska kunna använda webbplatsen. Här beskriver vi hur webbplatsen uppfyller lagen "
        "om tillgänglighet till digital offentlig service (2018:1937), vilka kända brister som "
        "finns och hur du kan rapportera problem så att vi kan åtgärda dem.</p>"
    ),
    h2("Hur tillgänglig är webbplatsen?"),
    p(
        "<p>Webbplatsen är <b>delvis förenlig</b> med lagen om tillgänglighet till digital "
        "offentlig service, på grund av de brister som beskrivs nedan. Kraven kommer från "
        "standarden EN 301 549, som bygger på WCAG 2.1 nivå AA.</p>"
    ),
    h2("Innehåll som inte är tillgängligt"),
    p(
        "<ul>"
        "<li>Några äldre PDF-dokument från rådets möten, publicerade före 2025, är inte "
        "taggade för skärmläsare. Vi gör om dem när de uppdateras och publicerar nya dokument "
        "som tillgängliga PDF-filer eller som webbsidor. Be gärna om ett dokument i annat "
        "format.</li>"
        "<li>Texter som medlemsorganisationerna själva skriver i katalogen granskas av "
        "sekretariatet innan de publiceras, men kan ibland vara svårare att läsa än vi "
        "önskar.</li>"
        "</ul>"
    ),
    h2("Vad kan du göra om du inte kan använda delar av webbplatsen?"),
    p(
        "<p>Om du behöver innehåll från webbplatsen i ett annat format, till exempel ett "
        "dokument i tillgängligt format, kan du kontakta sekretariatet på e-post "
        "sekretariatet@klimatradet.example. Vi svarar inom fem arbetsdagar.</p>"
    ),
    h2("Rapportera brister"),
    p(
        "<p>Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem "
        "som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, "
        "skriv till sekretariatet@klimatradet.example så att vi får veta att problemet finns.</p>"
    ),
    h2("Tillsyn"),
    p(
        "<p>Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn av lagen om "
        "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar "
        "dina synpunkter kan du "
        '<a href="https://www.digg.se/tdosanmalan">kontakta Digg och påtala det</a>.</p>'
    ),
    h2("Hur vi testat webbplatsen"),
    p(
        "<p>Vi har gjort en självskattning av webbplatsen. Varje sidtyp testas automatiskt med "
        "verktyget axe i en riktig webbläsare varje gång koden ändras, och koden kontrolleras med "
        "W3C:s validerare. Dessutom har vi testat manuellt med enbart tangentbord, med "
        "skärmläsaren NVDA och med förstoring upp till 400 procent.</p>"
        "<p>Senaste bedömningen gjordes den 20 november 2026.</p>"
        "<p>Webbplatsen publicerades i november 2026. Redogörelsen uppdaterades senast den 27 "
        "november 2026.</p>"
    ),
]

PRIVACY_BODY = [
    p(
        "<p>Här beskriver vi vilka personuppgifter webbplatsen hanterar, varför, hur länge och "
        "vilka rättigheter du har. Personuppgiftsansvarig är Region Jämtland Härjedalen, som "
        "driver rådets sekretariat tillsammans med Länsstyrelsen Jämtlands län.</p>"
    ),
    h2("Uppgifter om organisationer"),
    p(
        "<p>Katalogen innehåller uppgifter om organisationer: namn, organisationsnummer, "
        "verksamhet, vad organisationen erbjuder och söker. Uppgifter om organisationer är inte "
        "personuppgifter. Vi samlar aldrig in organisationsnummer för enskilda firmor, eftersom "
        "det är ägarens personnummer.</p>"
        "<p>En organisation visas i katalogen bara om den har samtyckt till det. Samtycket kan "
        "tas tillbaka när som helst under Min organisation; då tas organisationen bort ur "
        "katalogen direkt, men uppgifterna raderas inte.</p>"
    ),
    h2("Ansökan om medlemskap"),
    p(
        "<p>När du ansöker om medlemskap sparar vi organisationens uppgifter och "
        "kontaktpersonens namn, roll, e-postadress och telefonnummer. Vi skickar en länk till "
        "e-postadressen; först när du har bekräftat den går ansökan till sekretariatet. "
        "Ansökningar som aldrig bekräftas raderas efter 30 dagar. När sekretariatet har "
        "beslutat får kontaktpersonen besked per e-post, och vid godkännande ett konto för "
        "att logga in under Min organisation.</p>"
    ),
    h2("Kontaktpersoner och konton"),
    p(
        "<p>Vi använder kontaktpersonens uppgifter för att administrera medlemskapet, skicka "
        "kallelser och förmedla kontakter. Kontaktpersonens namn och roll visas i katalogen "
        "bara om kontaktpersonen har samtyckt till det. E-postadressen och telefonnumret visas "
        "aldrig på webbplatsen, i öppna data eller i exporter: meddelanden via "
        "kontaktformuläret skickas vidare av oss.</p>"
        "<p>Den som loggar in under Min organisation har ett konto med namn, e-postadress och "
        "lösenord (sparat som en kontrollsumma, aldrig i klartext). Medlemmar kan bjuda in "
        "kollegor; en inbjudan gäller i sju dagar och raderas efter 30 dagar.</p>"
        "<p>En gång om året ber vi kontaktpersonen bekräfta att uppgifterna stämmer. En "
        "organisation som inte har bekräftat sina uppgifter på 13 månader, trots påminnelser, "
        "tas bort ur katalogen tills den bekräftar igen. Uppgifterna raderas inte.</p>"
    ),
    h2("Samtycken"),
    p(
        "<p>Du kan när som helst ta tillbaka ett samtycke, lika enkelt som du gav det: med en "
        "knapp under Min organisation, eller genom att skriva till sekretariatet. Vi sparar "
        "vad du samtyckt till, den exakta texten du såg och när du gav eller tog tillbaka "
        "samtycket.</p>"
    ),
    h2("Meddelanden via kontaktformulären"),
    p(
        "<p>När du skickar ett meddelande till en organisation sparar vi ditt namn, din "
        "organisation, din e-postadress och meddelandet för att kunna leverera det och hindra "
        "missbruk. Mottagaren får din e-postadress så att hen kan svara dig. Du ser ett "
        "kvitto på det du skickade; någon kopia skickas inte med e-post. Meddelanden raderas "
        "automatiskt efter 90 dagar. Sekretariatet ser bara hur "
        "många meddelanden som skickas, aldrig vad de innehåller.</p>"
        "<p>För att hindra skräppost räknar vi under en kort tid, högst ett dygn, hur många "
        "formulär som skickas från samma nätadress och e-postadress. Vi sparar då bara en "
        "kontrollsumma av adressen, aldrig själva adressen.</p>"
    ),
    h2("E-post från webbplatsen"),
    p(
        "<p>Vi sparar de e-postbrev webbplatsen skickar tills de har kommit fram, och raderar "
        "dem 30 dagar efter att de skickats (90 dagar om de inte gick att leverera).</p>"
    ),
    h2("Allmänna handlingar"),
    p(
        "<p>Region Jämtland Härjedalen är en myndighet. Det du skickar till oss, till exempel en "
        "ansökan om medlemskap, blir en allmän handling som kan lämnas ut enligt "
        "offentlighetsprincipen, om inte sekretess gäller. Att en uppgift tas bort från "
        "webbplatsen betyder inte att den raderas ur myndighetens arkiv: allmänna handlingar "
        "bevaras eller gallras enligt arkivlagen och regionens dokumenthanteringsplan.</p>"
    ),
    h2("Kakor"),
    p(
        "<p>Webbplatsen använder ingen webbanalys och inga tjänster från andra webbplatser, och "
        "när du bara läser sidorna sparas inga kakor. När du öppnar ett formulär, till exempel "
        "ansökan, kontaktformuläret eller inloggningen, sparas en säkerhetskaka (CSRF) som "
        "skyddar formuläret mot förfalskade inskick. När du loggar in som medlem eller "
        "redaktör används dessutom en sessionskaka som håller dig inloggad. Båda behövs för "
        "tjänsten och kräver därför inget samtycke.</p>"
    ),
    h2("Dina rättigheter"),
    p(
        "<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få felaktiga uppgifter "
        "rättade, att få uppgifter raderade eller begränsade när lagen medger det och att "
        "invända mot behandlingen. Inloggade medlemmar kan själva rätta uppgifterna, ladda ner "
        "allt vi har om organisationen och kontaktpersonen som en fil och be oss ta bort "
        "uppgifter. Vi svarar på en begäran inom en månad.</p>"
        "<p>Kontakta sekretariatet på sekretariatet@klimatradet.example, eller Region Jämtland "
        "Härjedalens dataskyddsombud. Om du anser att vi behandlar dina uppgifter felaktigt kan "
        "du lämna klagomål till Integritetsskyddsmyndigheten (IMY).</p>"
    ),
]


DEMO_USERS_FILE = settings.VAR_DIR / "demo-users.txt"
# username, first name, last name, group (the groups come from home's migration 0003)
DEMO_EDITORS = [
    ("redaktor", "Rebecka", "Redaktör", "Redaktör"),
    ("sekretariat", "Sven", "Sekretariat", "Sekretariat"),
]


def ensure_demo_editors(ctx: SeedContext):
    """One user per editors' group, to try the review workflow.

    Passwords as the admin's: DJANGO_SUPERUSER_PASSWORD when set, otherwise generated, kept
    in var/ (never committed) and printed on every run.
    """
    User = get_user_model()
    shared_password = env.get_str("DJANGO_SUPERUSER_PASSWORD")
    saved = {}
    if DEMO_USERS_FILE.exists():
        for line in DEMO_USERS_FILE.read_text().splitlines():
            name, _, password = line.partition(" ")
            saved[name] = password
    generated = False
    for username, first_name, last_name, group_name in DEMO_EDITORS:
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            password = shared_password or secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                f"{username}@klimatradet.localhost",
                password,
                first_name=first_name,
                last_name=last_name,
            )
            if not shared_password:
                saved[username] = password
                generated = True
            ctx.count("demoanvändare")
        user.groups.add(group)
        password = shared_password or saved.get(username)
        if password:
            ctx.note(f"{group_name}: användare {username}  lösenord: {password}")
        else:
            ctx.note(
                f"{group_name}: användaren {username} finns redan "
                f"(byt lösenord med manage.py changepassword {username})"
            )
    if generated:
        DEMO_USERS_FILE.parent.mkdir(parents=True, exist_ok=True)
        DEMO_USERS_FILE.write_text("".join(f"{n} {p}\n" for n, p in saved.items()))
        DEMO_USERS_FILE.chmod(0o600)


def seed(ctx: SeedContext):
    ensure_demo_editors(ctx)
    home = ensure_home_page(
        ctx,
        title="Miljö- och klimatrådet i Jämtlands län",
        seo_title="Miljö- och klimatrådet i Jämtlands län",
        hero_title="Tillsammans för ett fossilfritt Jämtland 2030",
        hero_text=(
            "Företag, kommuner, myndigheter, akademi och föreningar i Jämtlands län hittar "
            "samarbetspartner, finansiering och nya affärer för klimatet och miljön."
        ),
        intro=(
            "<p>Miljö- och klimatrådet samlar länets aktörer kring tre områden: "
            "<b>miljömålsarbete</b>, <b>energiomställning</b> och <b>klimatanpassning</b>. Målen "
            "är tydliga: länet ska vara fossilbränslefritt 2030 och utsläppen ska minska med "
            "minst 10 procent per år.</p>"
        ),
    )
    if not home.hero_image:
        home.hero_image = ctx.image(
            "Fjäll och skog vid sjön",
            "Fjäll, barrskog och en sjö i kvällsljus.",
            variant=0,
        )
        home.save_revision().publish()

    about = ctx.child(
        home,
        StandardPage,
        "om-radet",
        title="Om rådet",
        intro=(
            "Miljö- och klimatrådet i Jämtlands län är en plattform där näringsliv, offentlig "
            "förvaltning och intresseorganisationer möts för att nå länets miljö- och klimatmål."
        ),
        body=ABOUT_BODY,
    )
    join = ctx.child(
        home,
        StandardPage,
        "ga-med",
        title="Gå med i rådet",
        intro=(
            "Din organisation blir medlem genom att skriva under en avsiktsförklaring och utse en "
            "kontaktperson. Det kostar ingenting."
        ),
        body=JOIN_BODY,
    )
    accessibility = ctx.child(
        home,
        StandardPage,
        "tillganglighet",
        title="Tillgänglighetsredogörelse",
        intro=(
            "Så tillgänglig är webbplatsen för Miljö- och klimatrådet i Jämtlands län, och så "
            "rapporterar du brister."
        ),
        body=ACCESSIBILITY_BODY,
        show_in_menus=False,
    )
    privacy = ctx.child(
        home,
        StandardPage,
        "integritetspolicy",
        title="Integritetspolicy",
        intro="Så hanterar vi personuppgifter på webbplatsen och i katalogen.",
        body=PRIVACY_BODY,
        show_in_menus=False,
    )

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.email:
        site_settings.organisation_name = "Miljö- och klimatrådet i Jämtlands län"
        site_settings.site_description = (
            "Miljö- och klimatrådet i Jämtlands län samlar företag, kommuner, myndigheter, "
            "akademi och föreningar för ett fossilfritt län 2030."
        )
        site_settings.postal_address = (
            "Miljö- och klimatrådets sekretariat\nRegion Jämtland Härjedalen\nBox 654\n"
            "831 27 Östersund"
        )
        site_settings.email = "sekretariatet@klimatradet.example"
        site_settings.accessibility_page = accessibility
        site_settings.privacy_page = privacy
        site_settings.save()

    nav = NavigationSettings.for_site(site)
    if not nav.footer_menu:
        nav.footer_menu = [
            ("link", {"page": about, "external_url": "", "link_text": ""}),
            ("link", {"page": join, "external_url": "", "link_text": ""}),
        ]
        nav.save()
    ctx.add_menu_link(about)
    ctx.add_menu_link(join)

    if not home.hero_links:
        home.hero_links = [
            ("link", {"page": join, "external_url": "", "link_text": "Gå med i rådet"}),
            ("link", {"page": about, "external_url": "", "link_text": "Om rådet"}),
        ]
        home.save_revision().publish()
