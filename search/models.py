"""The search app's data: weekly query counts for the staff report, cluster updates to
retry, and the synonyms the secretariat keeps."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from search.synonyms import parse_words, validate_words

MAX_STORED_QUERY_LENGTH = 100


class WeeklyQuery(models.Model):
    """How often a search was made in one week and what it found, for the staff report.

    Holds no personal data: no IP address, user, session or time of day, only the
    normalised query text (cut to MAX_STORED_QUERY_LENGTH, and never one that looks like an
    e-mail address, phone number or personal identity number) and the week's counts.
    """

    week = models.DateField(_("vecka"), help_text=_("Måndagen i den vecka sökningarna gjordes."))
    query = models.CharField(
        _("sökning"),
        max_length=MAX_STORED_QUERY_LENGTH,
        help_text=_("Sökorden i normaliserad form: gemener, utan skiljetecken."),
    )
    searches = models.PositiveIntegerField(
        _("antal sökningar"), default=0, help_text=_("Hur många gånger veckan det söktes så.")
    )
    searches_without_hits = models.PositiveIntegerField(
        _("sökningar utan träffar"),
        default=0,
        help_text=_("Hur många av sökningarna som inte gav någon träff."),
    )
    hits = models.PositiveIntegerField(
        _("träffar"), default=0, help_text=_("Antal träffar vid den senaste sökningen.")
    )

    class Meta:
        verbose_name = _("sökning per vecka")
        verbose_name_plural = _("sökningar per vecka")
        ordering = ["-week", "-searches", "query"]
        constraints = [
            models.UniqueConstraint(fields=["week", "query"], name="unique_weekly_query")
        ]
        indexes = [models.Index(fields=["week", "-searches"], name="weekly_query_top")]

    def __str__(self):
        return f"{self.week:%G-W%V}: {self.query}"


class PendingIndexUpdate(models.Model):
    """An object whose update in the search cluster failed (cluster down or refusing).

    Recorded by the cluster backends (search.index_retry) and replayed by
    `manage.py retry_search_index`, which run_periodic runs every few minutes: once the
    cluster answers again, the index catches up with what was published, changed or
    deleted meanwhile. One row an object, however often it failed.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=255)
    failed_at = models.DateTimeField(_("senaste försök"))
    attempts = models.PositiveIntegerField(_("försök"), default=1)
    last_error = models.TextField(_("senaste fel"), blank=True)

    class Meta:
        verbose_name = _("väntande uppdatering av sökindexet")
        verbose_name_plural = _("väntande uppdateringar av sökindexet")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_pending_index_update"
            )
        ]

    def __str__(self):
        return f"{self.content_type.app_labeled_name} {self.object_id}"


class SynonymGroupQuerySet(models.QuerySet):
    def groups(self) -> list[tuple[str, ...]]:
        """Every group as a tuple of lower-case words, what search.synonyms.expand takes."""
        return [
            tuple(word.lower() for word in parse_words(words))
            for words in self.values_list("words", flat=True)
        ]


class SynonymGroup(models.Model):
    """Words that mean the same to the people searching: a search for any of them also
    finds pages with the others ("laddstolpar" finds "laddplatser" and "laddinfrastruktur").

    Applied when the query is built (search.synonyms, search.engine), the same way on every
    backend, so a change takes effect on the next search without re-indexing anything.
    """

    words = models.TextField(
        _("ord"),
        help_text=_(
            "Ord som betyder samma sak, åtskilda med kommatecken, till exempel: laddstolpe, "
            "laddplats, laddpunkt. Ett ord i taget, utan mellanslag. Böjningar som "
            "laddplatser och laddplatsen hittas ändå."
        ),
    )

    objects = SynonymGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("synonymgrupp")
        verbose_name_plural = _("söksynonymer")
        ordering = ["words"]

    def __str__(self):
        return self.words

    def clean(self):
        self.words = ", ".join(validate_words(self.words))
