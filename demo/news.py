"""Demo content: the news listing and news from two years of the council's work."""

from datetime import timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from demo.context import SeedContext
from news.models import NewsContact, NewsIndexPage, NewsPage
from themes.models import Theme

CONTACTS = {
    "karin": {
        "name": "Karin Åström",
        "role": "kommunikatör",
        "organisation": "Region Jämtland Härjedalen",
        "email": "karin.astrom@klimatradet.example",
    },
    "erik": {
        "name": "Erik Lindqvist",
        "role": "samordnare för energiomställning",
        "organisation": "Länsstyrelsen Jämtlands län",
        "email": "erik.lindqvist@klimatradet.example",
    },
    "sara": {
        "name": "Sara Nilsson",
        "role": "samordnare för klimatanpassning",
        "organisation": "Länsstyrelsen Jämtlands län",
        "email": "sara.nilsson@klimatradet.example",
    },
}

IMAGES = [
    ("Fjäll och skog vid sjön", "Fjäll, barrskog och en sjö i kvällsljus.", 0),
    ("Vindkraft på kalfjället", "Vindkraftverk på en fjällrygg i kvällsljus.", 1),
    ("Myrmark och fjäll i Jämtland", "Myrmark med tallar framför snöklädda fjäll.", 2),
    ("Älv i vårflod", "En älv med högt vatten som svämmar över sina stränder.", 3),
]

E, K, M = "energiomstallning", "klimatanpassning", "miljomalsarbete"

# slug, title, days ago, themes, tags, lead, paragraphs, image index or None, contact
NEWS = [
    (
        "omstallningsarenan-om-laddinfrastruktur",
        "Omställningsarenan samlade åkerier och elbolag om laddning",
        6,
        [E],
        ["Omställningsarenan", "laddinfrastruktur", "transporter"],
        "Vid senaste Omställningsarenan träffades åkerier, elnätsbolag och kommuner för att "
        "prata om laddning för tunga fordon längs länets stora vägar.",
        [
            "Ett 70-tal deltagare kom till Omställningsarenan, som rådet ordnar tillsammans med "
            "Klimatneutrala Östersund 2030. Temat var laddinfrastruktur för tunga transporter, "
            "en av de största frågorna för att länet ska bli fossilbränslefritt 2030.",
            "Åkerierna beskrev hur svårt det är att planera när det är oklart var och när det "
            "blir möjligt att ladda. Elnätsbolagen berättade om kapaciteten i nätet, och "
            "kommunerna om mark och planering. I workshoppen tog grupperna fram förslag på "
            "platser längs E14 och E45 där laddning behövs först.",
            "Förslagen går nu vidare till rådets arbetsgrupp för transporter.",
        ],
        1,
        "erik",
    ),
    (
        "klimatklivet-ny-ansokningsomgang",
        "Ny omgång i Klimatklivet – sekretariatet hjälper dig med ansökan",
        14,
        [E],
        ["Klimatklivet", "finansiering"],
        "Nu går det att söka stöd från Klimatklivet igen. Företag och organisationer i länet "
        "kan få hjälp av sekretariatet att hitta rätt och skriva en bra ansökan.",
        [
            "Klimatklivet är Naturvårdsverkets investeringsstöd för åtgärder som minskar "
            "utsläppen av växthusgaser. Stödet kan gå till exempelvis laddplatser, "
            "biogasanläggningar och konvertering från olja till förnybar uppvärmning.",
            "Många av rådets medlemmar har frågat om stödet. Därför ordnar sekretariatet ett "
            "webbinarium om hur ansökan går till. Du kan också kontakta oss direkt.",
        ],
        None,
        "erik",
    ),
    (
        "skyfallskartering-i-tatorterna",
        "Kommunerna kartlägger var skyfall gör mest skada",
        23,
        [K],
        ["skyfall", "dagvatten", "fysisk planering"],
        "Flera av länets kommuner kartlägger nu var kraftiga skyfall kan orsaka översvämningar "
        "i tätorterna. Kartorna blir ett stöd när nya områden planeras.",
        [
            "Skyfallen blir kraftigare när klimatet blir varmare. Ledningsnäten i tätorterna är "
            "inte byggda för så stora mängder vatten på kort tid, och då kan källare, vägar och "
            "viktiga verksamheter svämmas över.",
            "Med skyfallskartor kan kommunerna se var vattnet tar vägen och var det samlas. Det "
            "gör det lättare att planera för ytor som får svämmas över, som parker och "
            "grönområden, och att skydda det som är mest sårbart.",
        ],
        3,
        "sara",
    ),
    (
        "nytt-regionalt-miljomalsprogram-pa-remiss",
        "Förslag till nytt regionalt miljömålsprogram på remiss",
        37,
        [M],
        ["miljömålsprogram", "remiss"],
        "Länsstyrelsen har skickat förslaget till nytt regionalt miljömålsprogram på remiss. "
        "Rådets medlemmar är välkomna att lämna synpunkter.",
        [
            "Miljömålsprogrammet innehåller åtgärder för de miljökvalitetsmål som länet "
            "prioriterar, bland annat Begränsad klimatpåverkan, Giftfri miljö, Levande skogar "
            "och Storslagen fjällmiljö.",
            "Förslaget har tagits fram i dialog med kommuner, myndigheter, företag och "
            "organisationer, bland annat på rådets möten. Nu är det dags att tycka till om "
            "åtgärderna och om vem som ska göra vad.",
        ],
        2,
        "karin",
    ),
    (
        "tolv-nya-medlemmar",
        "Tolv nya medlemmar i rådet",
        52,
        [M, E],
        ["medlemmar"],
        "Under hösten har tolv nya organisationer skrivit under avsiktsförklaringen, bland dem "
        "ett byggföretag, två besöksnäringsföretag och en skogsägarförening.",
        [
            "Rådet växer. De nya medlemmarna kommer från hela länet, från Härjedalen i söder "
            "till Strömsund i norr, och från både privat och offentlig sektor.",
            "Som medlem får organisationen kallelser till Omställningsarenan, kan delta i "
            "arbetsgrupper och syns i katalogen över samarbetspartner.",
        ],
        None,
        "karin",
    ),
    (
        "biogas-for-tunga-transporter",
        "Fler vill tanka biogas – rådet samlar producenter och åkerier",
        66,
        [E],
        ["biogas", "transporter", "förnybara drivmedel"],
        "Efterfrågan på biogas för lastbilar ökar i länet. Rådet bjöd in producenter, "
        "åkerier och kommuner för att se hur utbudet kan växa i samma takt.",
        [
            "Biogas görs av matavfall, gödsel och avloppsslam och är ett bra alternativ för "
            "tunga transporter som ännu inte kan gå på el. I länet finns både råvaror och "
            "kunnande, men tankställena är få.",
            "På mötet kom deltagarna överens om att ta fram en gemensam bild av behovet av "
            "biogas fram till 2030. Den ska hjälpa både producenter och åkerier att våga "
            "investera.",
        ],
        0,
        "erik",
    ),
    (
        "dialog-om-vindkraft-och-rennaring",
        "Dialog om vindkraft, fjällmiljö och renskötsel",
        81,
        [M, E],
        ["vindkraft", "renskötsel", "målkonflikter"],
        "Hur bygger vi ut förnybar el utan att skada fjällmiljön och renskötseln? Det var "
        "frågan när rådet ordnade ett samtal mellan samebyar, kommuner och energibolag.",
        [
            "Länet ska vara en ledande exportör av förnybar el, men vindkraft tar mark i anspråk "
            "som också är renbetesland och värdefull natur. Här finns en tydlig målkonflikt "
            "mellan miljömålen.",
            "Samtalet var ett första steg. Deltagarna vill fortsätta träffas för att få in "
            "renskötselns och naturens behov tidigt i planeringen.",
        ],
        1,
        "karin",
    ),
    (
        "solceller-pa-lantbruk",
        "Lantbrukare satsar på solel",
        98,
        [E],
        ["solenergi", "jordbruk"],
        "Allt fler lantbruk i länet sätter upp solceller på ladugårdstaken. Vid ett studiebesök "
        "i Krokoms kommun berättade tre lantbrukare om sina erfarenheter.",
        [
            "Ladugårdarnas stora tak passar bra för solceller, och lantbruken använder mycket el "
            "på sommaren när solen lyser som mest. Flera har fått stöd för investeringen.",
            "Lantbrukarna tipsade om att börja med en energikartläggning och att prata med "
            "elnätsbolaget i god tid.",
        ],
        None,
        "erik",
    ),
    (
        "fossilfria-arbetsmaskiner",
        "Byggbranschen vill byta till fossilfria arbetsmaskiner",
        113,
        [E],
        ["arbetsmaskiner", "bygg", "hållbar upphandling"],
        "Arbetsmaskiner står för en stor del av byggbranschens utsläpp. Nu vill företag och "
        "kommuner i länet ställa krav på fossilfria maskiner i upphandlingar.",
        [
            "Kommunerna är stora beställare av bygg- och anläggningsarbeten. Genom att ställa "
            "samma krav i sina upphandlingar kan de hjälpa entreprenörerna att våga investera i "
            "el- och biogasdrivna maskiner.",
            "En arbetsgrupp i rådet tar fram gemensamma krav som kan användas från nästa år.",
        ],
        None,
        "erik",
    ),
    (
        "gratis-energikartlaggning",
        "Små företag kan få gratis hjälp att spara energi",
        131,
        [E],
        ["energieffektivisering", "energikartläggning", "rådgivning"],
        "Energi- och klimatrådgivningen erbjuder små och medelstora företag i länet en "
        "kostnadsfri genomgång av energianvändningen.",
        [
            "Rådgivarna går igenom el, värme, ventilation och transporter och föreslår åtgärder "
            "som sparar både pengar och utsläpp. Ofta finns stora vinster i enkla åtgärder, som "
            "att justera ventilationen eller byta belysning.",
            "Rådgivningen är opartisk och gratis. Den som vill gå vidare kan få hjälp att söka "
            "stöd för större investeringar.",
        ],
        None,
        "karin",
    ),
    (
        "trabyggande-minskar-klimatavtrycket",
        "Trä i stället för betong – seminarium om klimatsmart byggande",
        149,
        [E, M],
        ["träbyggande", "klimatdeklaration och LCA", "bygg"],
        "Byggföretag, arkitekter och kommuner träffades för att lära sig mer om träbyggande "
        "och hur klimatdeklarationer kan visa skillnaden.",
        [
            "Byggnader står för en stor del av klimatpåverkan, och mycket av den uppstår redan "
            "när huset byggs. Med trä och återbrukat material kan utsläppen bli betydligt "
            "lägre.",
            "Länet har både skog och kunniga träföretag. Seminariet visade exempel på skolor, "
            "förskolor och bostäder i trä från länet.",
        ],
        0,
        "karin",
    ),
    (
        "dricksvatten-torra-somrar",
        "Torra somrar – så säkrar kommunerna dricksvattnet",
        168,
        [K, M],
        ["dricksvatten", "grundvatten", "torka"],
        "Efter flera torra somrar ser länets kommuner över sina vattentäkter. Målet är att "
        "dricksvattnet ska räcka även när grundvattennivåerna är låga.",
        [
            "Under torra somrar sjunker grundvattnet, och små vattentäkter kan sina. Det gäller "
            "både kommunala vattenverk och enskilda brunnar.",
            "Kommunerna arbetar med reservvattentäkter, skyddsområden och att minska läckage i "
            "ledningsnätet. Länsstyrelsen samordnar arbetet och har tagit fram en vägledning.",
        ],
        3,
        "sara",
    ),
    (
        "utslappen-minskar-men-for-langsamt",
        "Utsläppen i länet minskar – men inte tillräckligt fort",
        187,
        [E, M],
        ["uppföljning", "utsläpp"],
        "Den senaste statistiken visar att länets utsläpp av växthusgaser minskar. Men för att "
        "nå målet på minst 10 procent per år behöver takten öka.",
        [
            "Utsläppen från transporter och uppvärmning har minskat, bland annat tack vare fler "
            "elbilar och mer förnybar uppvärmning. Samtidigt går det långsammare inom tunga "
            "transporter och arbetsmaskiner.",
            "Rådet kommer under året att lägga extra kraft på de områden där utsläppen minskar "
            "för långsamt.",
        ],
        None,
        "erik",
    ),
    (
        "omstallningsarenan-cirkular-ekonomi",
        "Omställningsarenan: cirkulär ekonomi gav nya samarbeten",
        205,
        [M],
        ["Omställningsarenan", "cirkulär ekonomi", "återbruk"],
        "Höstens Omställningsarena handlade om cirkulär ekonomi. Flera företag hittade nya "
        "sätt att ta vara på varandras restprodukter.",
        [
            "Deltagarna fick höra om återbruk av byggmaterial, delningstjänster och hur "
            "restprodukter från ett företag kan bli råvara för ett annat.",
            "I workshoppen fick företagen beskriva vad de har över och vad de behöver. Det "
            "ledde till flera nya kontakter, bland annat mellan ett sågverk och en "
            "odlingsverksamhet.",
        ],
        None,
        "karin",
    ),
    (
        "almi-grona-lan",
        "Så fungerar grön finansiering för små företag",
        224,
        [E],
        ["finansiering", "grön finansiering"],
        "Almi berättade på ett frukostmöte om lån och rådgivning för företag som vill ställa "
        "om. Intresset var stort.",
        [
            "Många företag vill investera i energieffektivisering eller förnybar energi men "
            "saknar kapital. Almi kan gå in med lån där bankerna inte räcker till.",
            "Mötet tog också upp andra vägar till finansiering, som Klimatklivet och regionala "
            "1:1-medel.",
        ],
        None,
        "erik",
    ),
    (
        "regionala-medel-till-klimatprojekt",
        "Regionala medel till fyra klimatprojekt",
        246,
        [E, K],
        ["finansiering", "1:1-medel"],
        "Fyra projekt som rådets medlemmar driver får regional medfinansiering. Projekten "
        "handlar om biogas, laddning, energilagring och klimatanpassning.",
        [
            "Med regionala 1:1-medel kan projekt som får nationella eller EU-medel få lika mycket "
            "i regional medfinansiering. Det gör det lättare för länets aktörer att ta hem "
            "pengar till utvecklingsarbete.",
            "Rådet har hjälpt projekten att hitta partner och formulera ansökningarna.",
        ],
        1,
        "karin",
    ),
    (
        "hallbar-besoksnaring-i-fjallen",
        "Besöksnäringen i fjällen vill minska sitt klimatavtryck",
        268,
        [E, M],
        ["hållbar besöksnäring", "fjällen"],
        "Turismen är viktig för länet men ger också utsläpp och slitage. Företag i Åre och "
        "Härjedalen berättar hur de arbetar för att bli mer hållbara.",
        [
            "Resorna till och från destinationen står för den största delen av turismens "
            "klimatpåverkan. Därför satsar flera företag på att göra det enklare att resa med "
            "tåg och buss, och på laddning för gästernas elbilar.",
            "Samtidigt handlar det om att ta hand om fjällmiljön, med välskötta leder och "
            "information till besökarna.",
        ],
        0,
        "karin",
    ),
    (
        "beredskap-for-skogsbrander",
        "Varmare somrar ökar risken för skogsbränder",
        290,
        [K],
        ["skogsbrand", "beredskap", "skogsbruk"],
        "Räddningstjänst, skogsägare och Länsstyrelsen går igenom beredskapen inför sommaren. "
        "Risken för stora skogsbränder ökar när klimatet blir varmare.",
        [
            "Erfarenheterna från tidigare bränder visar hur viktigt det är att alla vet sin roll "
            "och att det finns vägar och vatten för släckningsarbetet.",
            "Skogsägare kan minska risken bland annat genom att anpassa skötseln och vara "
            "försiktiga med maskiner under torra perioder.",
        ],
        None,
        "sara",
    ),
    (
        "elnatet-bromsar-etableringar",
        "Kapaciteten i elnätet bromsar nya etableringar",
        312,
        [E],
        ["elnät", "smarta elnät", "energilagring"],
        "Flera företag som vill etablera sig eller elektrifiera i länet får vänta på el. Rådet "
        "har bjudit in elnätsbolagen för att hitta lösningar.",
        [
            "Länet producerar mycket förnybar el, men nätet har inte alltid kapacitet där "
            "behovet finns. Det drabbar både industrier och laddning för tunga fordon.",
            "Lösningar som diskuterades var energilagring, flexibel anslutning och bättre "
            "planering mellan kommuner och nätbolag.",
        ],
        1,
        "erik",
    ),
    (
        "forstudie-vatgas-tunga-transporter",
        "Förstudie om vätgas för tunga transporter",
        335,
        [E],
        ["vätgas", "transporter"],
        "En förstudie ska visa om vätgas kan bli ett alternativ för tunga transporter i länet, "
        "och var en tankstation i så fall skulle göra mest nytta.",
        [
            "Vätgas kan framställas med förnybar el, som det finns gott om i länet. Tekniken är "
            "ännu ny för lastbilar, men flera åkerier är intresserade.",
            "Förstudien görs av några av rådets medlemmar tillsammans och blir klar under året.",
        ],
        None,
        "erik",
    ),
    (
        "restvarme-blir-resurs",
        "Restvärme från industrin kan värma bostäder",
        359,
        [E, M],
        ["restvärme", "industriell symbios", "fjärrvärme"],
        "Värmen från industrier och serverhallar går ofta rakt ut i luften. Nu undersöker "
        "företag och energibolag hur den kan tas till vara i fjärrvärmenätet.",
        [
            "Att använda restvärme är ett exempel på industriell symbios, där ett företags "
            "överskott blir ett annat företags resurs. Det sparar både energi och pengar.",
            "Rådet har kartlagt var det finns restvärme i länet och var det finns behov av värme.",
        ],
        None,
        "karin",
    ),
    (
        "natverk-for-hallbar-upphandling",
        "Nätverk för hållbar upphandling startar",
        384,
        [M, E],
        ["hållbar upphandling"],
        "Upphandlare från kommuner, regionen och statliga myndigheter i länet startar ett "
        "nätverk för att ställa bättre miljö- och klimatkrav.",
        [
            "Offentlig sektor köper varor och tjänster för stora summor varje år. Med genomtänkta "
            "krav kan upphandlingarna driva på omställningen.",
            "Nätverket ska dela erfarenheter och mallar, och samordna krav så att det blir "
            "enklare för leverantörerna.",
        ],
        None,
        "karin",
    ),
    (
        "klimatdeklaration-hjalp-till-byggforetag",
        "Hjälp till mindre byggföretag med klimatdeklarationer",
        410,
        [E],
        ["klimatdeklaration och LCA", "bygg", "kompetensutveckling"],
        "Sedan 2022 måste nya byggnader klimatdeklareras. Rådet och branschen ordnar en "
        "utbildning för mindre byggföretag som vill komma igång.",
        [
            "En klimatdeklaration visar klimatpåverkan från byggskedet. För mindre företag kan "
            "det vara svårt att veta var man ska börja.",
            "Utbildningen går igenom verktyg, data och hur resultaten kan användas för att välja "
            "material med lägre klimatpåverkan.",
        ],
        None,
        "erik",
    ),
    (
        "slitage-pa-fjalleder",
        "Ökat slitage på fjällederna",
        436,
        [M],
        ["fjällen", "friluftsliv", "Storslagen fjällmiljö"],
        "Allt fler vandrar i fjällen. Det är glädjande, men slitaget på lederna ökar. "
        "Länsstyrelsen och besöksnäringen samarbetar för att leda besökarna rätt.",
        [
            "Miljömålet Storslagen fjällmiljö handlar om att fjällen ska ha en hög grad av "
            "ursprunglighet. Slitage, nedskräpning och störning av djurlivet är några av "
            "utmaningarna.",
            "Åtgärderna handlar om spänger, skyltning och information om var och när det går bra "
            "att röra sig.",
        ],
        2,
        "sara",
    ),
    (
        "giftfri-forskola",
        "Fler förskolor rensar bort farliga ämnen",
        461,
        [M],
        ["Giftfri miljö", "förskola"],
        "Flera kommuner i länet har inventerat sina förskolor och bytt ut leksaker, mattor och "
        "annat som kan innehålla farliga ämnen.",
        [
            "Barn är extra känsliga för kemikalier. Därför är förskolan ett bra ställe att börja "
            "på när kommunerna arbetar med miljömålet Giftfri miljö.",
            "Kommunerna delar med sig av sina checklistor till andra som vill göra samma sak.",
        ],
        None,
        "karin",
    ),
    (
        "vatmarker-aterstalls",
        "Våtmarker återställs för vatten och biologisk mångfald",
        487,
        [K, M],
        ["våtmarker", "naturbaserade lösningar", "biologisk mångfald"],
        "Tidigare dikade våtmarker återställs på flera platser i länet. Våtmarkerna håller "
        "kvar vatten vid skyfall och ger livsmiljöer för fåglar och insekter.",
        [
            "Våtmarker fungerar som naturens svampar. De tar upp vatten när det regnar mycket och "
            "släpper ut det långsamt, vilket minskar risken för översvämningar nedströms.",
            "Återställningen görs i samarbete med markägare och finansieras bland annat med "
            "statliga medel.",
        ],
        3,
        "sara",
    ),
    (
        "uppfoljning-av-miljomalen",
        "Årets uppföljning: länet når inte alla miljömål",
        512,
        [M],
        ["uppföljning", "miljömålsprogram"],
        "Länsstyrelsens årliga uppföljning visar att länet är på väg mot flera av målen, men att "
        "det behövs mer för bland annat klimat, skog och odlingslandskap.",
        [
            "Uppföljningen bygger på statistik och på rapporter från de aktörer som genomför "
            "åtgärderna i miljömålsprogrammet.",
            "Rådet använder resultatet för att välja vilka frågor som ska få mest utrymme under "
            "kommande år.",
        ],
        None,
        "karin",
    ),
    (
        "unga-tar-plats-i-klimatarbetet",
        "Unga tar plats i klimatarbetet",
        538,
        [M, E],
        ["ungdomar", "delaktighet"],
        "Elever från gymnasieskolor i länet fick presentera sina idéer för rådet. Många handlade "
        "om kollektivtrafik, mat och konsumtion.",
        [
            "Ungdomarna efterfrågade bättre möjligheter att resa kollektivt på landsbygden och mer "
            "vegetarisk mat i skolan. De ville också att vuxna ska lyssna mer på unga i "
            "klimatfrågor.",
            "Rådet kommer att bjuda in unga till fler möten framöver.",
        ],
        None,
        "karin",
    ),
    (
        "laddplatser-pa-landsbygden",
        "Laddplatser på landsbygden – så kan byn få en",
        563,
        [E],
        ["laddinfrastruktur", "landsbygd", "Klimatklivet"],
        "Bygdeföreningar och lanthandlare vill ha laddplatser. Rådet har tagit fram en enkel "
        "vägledning för den som vill komma igång.",
        [
            "På landsbygden är avstånden långa och bilen ofta nödvändig. Laddplatser vid "
            "lanthandeln eller bygdegården gör det lättare att byta till elbil och kan locka "
            "besökare.",
            "Vägledningen tar upp stöd, elanslutning, drift och betalning.",
        ],
        0,
        "erik",
    ),
    (
        "omstallningsarenan-finansiering",
        "Omställningsarenan: så hittar företagen finansiering",
        590,
        [E],
        ["Omställningsarenan", "finansiering"],
        "Finansiering var det företagen efterfrågade mest vid det första mötet. Nu ägnades en "
        "hel Omställningsarena åt frågan.",
        [
            "Representanter för Klimatklivet, Almi, regionen och bankerna berättade om sina "
            "stöd och lån. Efteråt fick företagen boka korta samtal för att diskutera sina egna "
            "idéer.",
            "Många deltagare tyckte att det var värdefullt att träffa alla finansiärer på samma "
            "ställe.",
        ],
        None,
        "karin",
    ),
    (
        "omstallningsarenan-klimatanpassning",
        "Omställningsarenan: är ditt företag rustat för ett förändrat klimat?",
        640,
        [K],
        ["Omställningsarenan", "klimatanpassning", "risk"],
        "Skyfall, värmeböljor och störningar i leveranser påverkar företagen. På "
        "Omställningsarenan fick deltagarna göra en första riskanalys.",
        [
            "Klimatanpassning handlar inte bara om kommunernas planering. Företag behöver också "
            "se över risker för sina lokaler, transporter och leverantörer.",
            "Deltagarna fick ett enkelt verktyg för att börja och tips om var det finns mer hjälp.",
        ],
        3,
        "sara",
    ),
    (
        "samverkan-om-klimatanpassning-i-planeringen",
        "Kommunerna samverkar om klimatanpassning i planeringen",
        685,
        [K],
        ["fysisk planering", "översvämning", "ras och skred"],
        "Länets åtta kommuner och Länsstyrelsen har startat ett gemensamt arbete för att få in "
        "klimatanpassning i översiktsplaner och detaljplaner.",
        [
            "Risker för översvämning, ras och skred ska vägas in när nya områden planeras. Det "
            "kräver kunskap som små kommuner inte alltid har själva.",
            "Genom samarbetet kan kommunerna dela underlag, utredningar och erfarenheter.",
        ],
        None,
        "sara",
    ),
]


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

    contacts = {}
    for key, fields in CONTACTS.items():
        contact, created = NewsContact.objects.get_or_create(email=fields["email"], defaults=fields)
        if created:
            ctx.count("kontaktpersoner")
        contacts[key] = contact
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    images = [ctx.image(title, alt, variant) for title, alt, variant in IMAGES]
    today = timezone.localdate()
    existing = set(index.get_children().values_list("slug", flat=True))

    for slug, title, days_ago, theme_slugs, tags, lead, paragraphs, image, contact in NEWS:
        if slug in existing:
            continue
        page = NewsPage(
            slug=slug,
            title=title,
            date=today - timedelta(days=days_ago),
            lead=lead,
            image=images[image] if image is not None else None,
            body=[("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))],
            contact=contacts[contact],
        )
        page.themes.set([themes[s] for s in theme_slugs if s in themes])
        page.tags.set(tags)
        index.add_child(instance=page)
        page.save_revision().publish()
        ctx.count("nyheter")
