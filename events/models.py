"""The calendar: the events index page (upcoming and past listings, their JSON and CSV,
the calendar feed) and the event page."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.listing.search import ListingPageMixin
from core.models import BasePage
from core.pagequery import PageManager, PageQuerySet
from core.routing import routed_ancestor
from core.structured_data import image_url, organisation_data

DEFAULT_ORGANISER = "Miljö- och klimatrådet i Jämtlands län"


class EventPageQuerySet(PageQuerySet):
    def listed(self):
        return self.live().public()

    def upcoming(self, now=None):
        """Events that have not ended yet (ongoing ones too), soonest first."""
        now = now or timezone.now()
        return self.listed().filter(end__gte=now).order_by("start", "pk")

    def past(self, now=None):
        """Events that have ended, latest first."""
        now = now or timezone.now()
        return self.listed().filter(end__lt=now).order_by("-start", "-pk")

    def with_listing_data(self):
        """What an event in a list shows: only its own fields, so nothing to fetch besides."""
        return self

    def with_theme(self, theme):
        return self.filter(themed_items__tag=theme)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(ListingPageMixin, RoutablePageMixin, BasePage):
    """Träffar: upcoming events first, past events on their own pages, a calendar feed."""

    intro = models.TextField(
        _("ingress"),
        max_length=500,
        blank=True,
        help_text=_(
            "Kort text överst i kalendariet, till exempel om Omställningsarenan. Används också "
            "som beskrivning i sökträffar."
        ),
    )
    page_size = models.PositiveSmallIntegerField(
        _("träffar per sida"),
        default=10,
        validators=[MinValueValidator(3), MaxValueValidator(60)],
        help_text=_("Hur många träffar listorna visar per sida, 3–60."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("page_size")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=3)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1
    summary_field = "intro"

    class Meta:
        verbose_name = _("kalendarium")
        verbose_name_plural = _("kalendarier")

    def events(self):
        return EventPage.objects.child_of(self)

    def get_cached_paths(self):
        """Upcoming, past, their JSON and CSV and the calendar feed: what core.frontcache
        purges on a change."""
        return [
            "/",
            "/json/",
            "/csv/",
            "/tidigare/",
            "/tidigare/json/",
            "/tidigare/csv/",
            "/kalender/",
        ]

    @path("", name="upcoming")
    def upcoming_view(self, request):
        from events.listing import listing_response

        return listing_response(self, request, past=False)

    @path("tidigare/", name="past")
    def past_view(self, request):
        from events.listing import listing_response

        return listing_response(self, request, past=True)

    @re_path(r"^(?:(?P<when>tidigare)/)?(?P<kind>json|csv)/$", name="export")
    def export_view(self, request, kind, when=None):
        """The state of the upcoming (or past) listing as JSON or CSV."""
        from events.listing import export_response

        return export_response(self, request, past=when is not None, kind=kind)

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        from events.ical import calendar_response

        return calendar_response(request, self)

    def past_url(self):
        return self.url + self.reverse_subpage("past")

    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar")

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        urls.append(
            {
                "location": self.get_full_url(request) + self.reverse_subpage("past"),
                "lastmod": urls[0]["lastmod"],
            }
        )
        return urls


class EventPage(RoutablePageMixin, BasePage):
    """One event: Omställningsarenan, a workshop, a webinar, a study visit."""

    start = models.DateTimeField(
        _("börjar"),
        db_index=True,
        help_text=_("Dag och klockslag då träffen börjar (svensk tid)."),
    )
    end = models.DateTimeField(
        _("slutar"),
        db_index=True,
        help_text=_("Dag och klockslag då träffen slutar (svensk tid)."),
    )
    lead = models.TextField(
        _("ingress"),
        max_length=500,
        help_text=_(
            "Vad träffen handlar om och vem den är till för, i en eller två meningar. Visas i "
            "kalendariet, i kalenderfilen och i sökträffar."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("huvudbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Valfri liggande bild. Bilden måste ha en alternativtext (fältet Beskrivning på "
            "bilden)."
        ),
    )
    location_name = models.CharField(
        _("plats"),
        max_length=160,
        blank=True,
        help_text=_("Lokalens namn och ort, till exempel Storsjöteatern, Östersund."),
    )
    address = models.CharField(
        _("adress"),
        max_length=200,
        blank=True,
        help_text=_("Gatuadress, till exempel Prästgatan 50, 831 31 Östersund."),
    )
    is_online = models.BooleanField(
        _("digitalt"),
        default=False,
        help_text=_("Markera om man kan delta digitalt, helt eller som alternativ till platsen."),
    )
    online_url = models.URLField(
        _("länk till det digitala mötet"),
        blank=True,
        help_text=_("Visas på sidan. Lämna tomt om länken skickas till dem som anmäler sig."),
    )
    organiser = models.CharField(
        _("arrangör"),
        max_length=200,
        default=DEFAULT_ORGANISER,
        help_text=_(
            "Vem som ordnar träffen, till exempel Miljö- och klimatrådet och Klimatneutrala "
            "Östersund 2030."
        ),
    )
    registration_url = models.URLField(
        _("länk till anmälan"),
        blank=True,
        help_text=_("Adressen till anmälningsformuläret. Lämna tomt om ingen anmälan behövs."),
    )
    registration_deadline = models.DateField(
        _("sista anmälningsdag"),
        null=True,
        blank=True,
        help_text=_("Sista dagen att anmäla sig. Efter den dagen döljs anmälningsknappen."),
    )
    is_cancelled = models.BooleanField(
        _("inställd"),
        default=False,
        help_text=_(
            "Markera om träffen är inställd. Sidan ligger kvar med en tydlig markering, och "
            "den som prenumererar på kalendern ser att träffen är inställd."
        ),
    )
    themes = ClusterTaggableManager(
        through="themes.ThemedPage",
        blank=True,
        verbose_name=_("teman"),
        help_text=_("Ett eller flera av rådets teman. Träffen visas då på temasidan."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("program och beskrivning"),
        blank=True,
        help_text=_("Program, talare, vad man behöver förbereda och annat praktiskt."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("is_cancelled")],
            heading=_("När"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldPanel("is_online"),
                FieldPanel("online_url"),
            ],
            heading=_("Var"),
        ),
        FieldPanel("lead"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
            ],
            heading=_("Arrangör och anmälan"),
        ),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=3),
        index.SearchField("body"),
        index.SearchField("location_name"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.RelatedFields("themes", [index.SearchField("name", boost=5)]),
    ]

    objects = EventPageManager()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    summary_field = "lead"
    image_field = "image"
    require_image_alt_text = True

    class Meta:
        verbose_name = _("träff")
        verbose_name_plural = _("träffar")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Träffen måste sluta efter att den börjar.")
        if not self.location_name.strip() and not self.is_online:
            errors["location_name"] = _("Ange en plats, eller markera att träffen är digital.")
        if self.online_url and not self.is_online:
            errors["is_online"] = _("Markera att träffen är digital när du anger en mötelänk.")
        if (
            self.registration_deadline
            and self.start
            and self.registration_deadline > timezone.localdate(self.start)
        ):
            errors["registration_deadline"] = _(
                "Sista anmälningsdag kan inte vara efter dagen då träffen börjar."
            )
        if self.registration_deadline and not self.registration_url:
            errors["registration_url"] = _("Ange var man anmäler sig när det finns en sista dag.")
        if errors:
            raise ValidationError(errors)

    # Presentation ------------------------------------------------------------------------

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def when(self) -> str:
        """'tisdag 14 mars 2028, kl. 13.00–16.00' or across days with both dates, in Swedish."""
        start, end = self.local_start, self.local_end
        if start.date() == end.date():
            return _("%(day)s, kl. %(start)s–%(end)s") % {
                "day": dateformat.format(start, "l j F Y"),
                "start": dateformat.format(start, "H.i"),
                "end": dateformat.format(end, "H.i"),
            }
        return _("%(start_day)s kl. %(start)s – %(end_day)s kl. %(end)s") % {
            "start_day": dateformat.format(start, "l j F" if start.year == end.year else "l j F Y"),
            "start": dateformat.format(start, "H.i"),
            "end_day": dateformat.format(end, "l j F Y"),
            "end": dateformat.format(end, "H.i"),
        }

    @property
    def where(self) -> str:
        place = self.location_name.strip()
        if place and self.is_online:
            return _("%(place)s och digitalt") % {"place": place}
        if self.is_online:
            return str(_("Digitalt"))
        return place

    def is_past(self, now=None) -> bool:
        return self.end < (now or timezone.now())

    def registration_open(self, today=None) -> bool:
        if not self.registration_url or self.is_cancelled or self.is_past():
            return False
        today = today or timezone.localdate()
        return self.registration_deadline is None or today <= self.registration_deadline

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_past"] = self.is_past()
        context["registration_open"] = self.registration_open()
        index = routed_ancestor(self, EventIndexPage, default=False)  # no query when routed
        if index is False:
            index = EventIndexPage.objects.ancestor_of(self).live().first()
        context["event_index"] = index
        context["structured_data"] = self.get_structured_data(request)
        return context

    def get_cached_paths(self):
        return ["/", "/kalender/"]

    @property
    def ical_url(self):
        return self.url + self.reverse_subpage("ical")

    @path("kalender/", name="ical")
    def ical_view(self, request):
        from events.ical import event_response

        return event_response(request, self)

    def get_structured_data(self, request=None):
        """schema.org Event for search engines (JSON-LD)."""
        place = {"@type": "Place", "name": self.location_name or self.organiser}
        if self.address:
            place["address"] = self.address
        locations = []
        if self.location_name:
            locations.append(place)
        if self.is_online:
            locations.append(
                {"@type": "VirtualLocation", "url": self.online_url or self.get_full_url(request)}
            )
        if self.is_online and self.location_name:
            mode = "MixedEventAttendanceMode"
        elif self.is_online:
            mode = "OnlineEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.meta_description,
            "startDate": self.local_start.isoformat(),
            "endDate": self.local_end.isoformat(),
            "eventStatus": "https://schema.org/"
            + ("EventCancelled" if self.is_cancelled else "EventScheduled"),
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": {"@type": "Organization", "name": self.organiser},
            "url": self.get_full_url(request),
            "inLanguage": "sv-SE",
        }
        if self.organiser == DEFAULT_ORGANISER:
            data["organizer"] = organisation_data(request)
        if self.share_image and (url := image_url(self.share_image, request)):
            data["image"] = [url]
        if self.registration_url:
            offer = {"@type": "Offer", "url": self.registration_url}
            if self.registration_deadline:
                offer["validThrough"] = self.registration_deadline.isoformat()
            data["offers"] = offer
        return data
