from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .cities import city_beside
from .content import missing_turkish
from .emails import CleanCharField, NormalizedEmailField
from .enums import Language, OrganizationKind, OutcomeKind
from .text import SORT_LANGUAGES, language_sort_key, match_key, match_pattern, search_key


def sort_field(prefix: str = "") -> str:
    """The stored sort key of the active language ("sort_name_az"), after `prefix` ("person__");
    Turkish outside a request or for a language the board does not speak."""
    language = (translation.get_language() or "").split("-")[0]
    if language not in SORT_LANGUAGES:
        language = settings.LANGUAGE_CODE
    return f"{prefix}sort_name_{language}"


class SortKeyField(models.CharField):
    """A stored sort key (contacts.text.language_sort_key), compared by code point whatever the
    database's default collation: "C" (byte order) on PostgreSQL, SQLite's default BINARY
    elsewhere. A language collation (en-US, tr-TR) would reorder or ignore the key's letters,
    which are private ranks (U+2000 on), not text; the key already holds the language's order.
    """

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params


def _sort_key_field():
    # Room for the key and its tie-break (contacts.text.language_sort_key): twice the name.
    return SortKeyField(max_length=600, editable=False, db_index=True, default="")


class SeededModel(models.Model):
    """Rows loaded by `manage.py seed` carry a stable key, so a re-run finds (and keeps) them."""

    seed_key = models.CharField(
        _("seed key"), max_length=100, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def clean(self):
        """A text written in Azerbaijani or English needs its Turkish: it is what the pages in
        the other language, and every list sorted by the Turkish, read (forms, admin, seed)."""
        super().clean()
        missing = missing_turkish(self)
        if missing:
            message = _("Give the Turkish text too: the other languages fall back to it.")
            raise ValidationError({f"{field}_tr": [message] for field in missing})


class NamedQuerySet(models.QuerySet):
    def search(self, text: str):
        """Match in either spelling: "izmir" finds "İzmir", "ismayilov" finds "İsmayilov",
        "Allahverənov" finds "Allahveranov" and back (contacts.text.match_pattern)."""
        pattern = match_pattern(text or "")
        return self.filter(match_name__regex=pattern) if pattern else self

    def alphabetical(self):
        """In the alphabetical order of the active language (contacts.text.language_sort_key):
        the board's lists, pickers and exports read the same order as the page's language."""
        return self.order_by(sort_field(), "pk")


class Source(SeededModel):
    """Where a fact came from: a news article, summarised in our own words."""

    headline = models.CharField(_("headline"), max_length=300)
    publication = models.CharField(_("publication"), max_length=200, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    file_name = models.CharField(_("article file"), max_length=200, blank=True)
    url = models.URLField(_("address"), blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published_on", "headline"]

    def __str__(self):
        date = self.published_on.isoformat() if self.published_on else "—"
        return f"{self.headline} ({date})"


class OrganizationQuerySet(NamedQuerySet):
    def named(self, name: str) -> "Organization | None":
        """The organization called `name` in any of its languages (the registered Turkish
        name, or its Azerbaijani or English one), ignoring case, spacing and the
        Turkish/Azerbaijani letters ("AZƏRBAYCAN SANAYİ BİRLİĞİ", "azerbaycan sanayi
        birligi"); the oldest when two match; None when none does or `name` is blank.

        Reads the per-language columns themselves: a filter on the translated `name` reads only
        the active language's column, where most organizations have no name (modeltranslation
        rewrites lookups without the fallback), and would miss the Turkish one on an
        Azerbaijani or English page.
        """
        key = search_key(name or "")
        if not key:
            return None
        # search_name holds every name folded (Organization.save): a cheap first cut.
        candidates = self.filter(search_name__contains=key).order_by("pk")
        columns = [f"name_{code}" for code in settings.MODELTRANSLATION_LANGUAGES]
        return next(
            (
                organization
                for organization in candidates
                if any(search_key(getattr(organization, c) or "") == key for c in columns)
            ),
            None,
        )


class Organization(SeededModel):
    name = CleanCharField(_("name"), max_length=250, unique=True)
    short_name = CleanCharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))
    search_name = models.CharField(max_length=400, editable=False, db_index=True)
    match_name = models.CharField(max_length=400, editable=False, default="")
    sort_name_tr = _sort_key_field()
    sort_name_az = _sort_key_field()
    sort_name_en = _sort_key_field()

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["sort_name_tr"]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def save(self, *args, **kwargs):
        # Derived keys, not side effects: they must always match the name they come from,
        # as stored (the name field's own tidying runs first, not in super().save()'s turn).
        # The registered (Turkish) name leads (imports match on its prefix); the names in the
        # other languages (contacts/translation.py) are found by search too.
        # Not `name` itself: it reads the active language's column with the Turkish fallback,
        # and tidying it would copy the Turkish name into an empty az or en column.
        # The short name likewise, per language ("TDT STK Platformu", "OTS NGO Platform").
        self.name_tr = self.name_tr or self.__dict__["name"]
        self.short_name_tr = self.short_name_tr or self.__dict__["short_name"]
        columns = [f"{field}_{code}" for field in ("name", "short_name") for code in SORT_LANGUAGES]
        for column in columns:
            self._meta.get_field(column).pre_save(self, self._state.adding)
        names = [self.name_tr, self.short_name_tr, self.short_name_az, self.short_name_en]
        names += [self.name_az, self.name_en]
        text = " ".join(name for name in names if name)
        self.search_name = search_key(text)
        self.match_name = match_key(text)
        # Each language's key from its own name, else the registered one (as pages show it).
        for language in SORT_LANGUAGES:
            name = getattr(self, f"name_{language}") or self.name_tr
            setattr(self, f"sort_name_{language}", language_sort_key(name, language))
        super().save(*args, **kwargs)


class Person(SeededModel):
    full_name = CleanCharField(_("full name"), max_length=200)
    honorific = CleanCharField(
        _("honorific"), max_length=50, blank=True, help_text=_("Dr., Prof., …")
    )
    email = NormalizedEmailField(_("email"), blank=True)
    phone = CleanCharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.TURKISH
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))
    search_name = models.CharField(max_length=400, editable=False, db_index=True)
    match_name = models.CharField(max_length=400, editable=False, default="")
    sort_name_tr = _sort_key_field()
    sort_name_az = _sort_key_field()
    sort_name_en = _sort_key_field()

    objects = NamedQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_name_tr"]

    def __str__(self):
        return f"{self.honorific} {self.full_name}".strip()

    def save(self, *args, **kwargs):
        self._meta.get_field("full_name").pre_save(self, self._state.adding)
        self.search_name = search_key(self.full_name)
        self.match_name = match_key(self.full_name)
        for language in SORT_LANGUAGES:
            setattr(self, f"sort_name_{language}", language_sort_key(self.full_name, language))
        super().save(*args, **kwargs)


class Affiliation(SeededModel):
    """A role a person holds in an organization, over time; a person may hold several."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="affiliations", verbose_name=_("person")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=200)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["person__sort_name_tr", "-start"]
        # The role is told apart by its Turkish title (contacts/translation.py), the one always
        # written: the plain `role` column holds whichever language was active at the save.
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organization", "role_tr", "start"],
                name="affiliation_unique_role",
            ),
            # NULLs are distinct in a unique index, so an undated role needs its own rule.
            models.UniqueConstraint(
                fields=["person", "organization", "role_tr"],
                condition=Q(start__isnull=True),
                name="affiliation_unique_undated_role",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="affiliation_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person.full_name} — {self.role}, {self.organization.short_name or self.organization.name}"


class DelegationVisit(SeededModel):
    """Who travelled from which city to which, when, and why."""

    title = models.CharField(_("title"), max_length=250)
    # Empty when the source does not say where the delegation came from: pages then say so in
    # their own language, rather than a sentence in Turkish standing where a city belongs.
    origin_city = models.CharField(
        _("from city"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty when the source does not say."),
    )
    destination_city = models.CharField(_("to city"), max_length=100)
    # Empty when the source gives no date at all (article 003): no date is ever invented.
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    dates_note = models.CharField(
        _("about the dates"),
        max_length=250,
        blank=True,
        help_text=_(
            "Say so when the dates come from a report's publication date or are not given."
        ),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    host_organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_visits",
        verbose_name=_("host organization"),
    )
    travellers = models.ManyToManyField(
        Person, blank=True, related_name="visits", verbose_name=_("travellers")
    )
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="visits", verbose_name=_("travelling organizations")
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    class Meta:
        verbose_name = _("delegation visit")
        verbose_name_plural = _("delegation visits")
        # Undated visits last on every database (PostgreSQL would put NULLs first).
        ordering = [F("start_date").desc(nulls_last=True), "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="visit_end_after_start",
            ),
        ]

    def __str__(self):
        date = self.start_date.isoformat() if self.start_date else _("date not given")
        # The route in the language the title is shown in: one spelling on the line.
        origin = (
            city_beside(self, "title", self.origin_city) if self.origin_city else _("not given")
        )
        destination = city_beside(self, "title", self.destination_city)
        return f"{self.title} ({origin} → {destination}, {date})"


class Meeting(SeededModel):
    visit = models.ForeignKey(
        DelegationVisit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("delegation visit"),
    )
    title = models.CharField(_("title"), max_length=250)
    # Empty when the source gives no date at all; never invented.
    date = models.DateField(_("date"), null=True, blank=True)
    dated_by_publication = models.BooleanField(
        _("dated by the report"),
        default=False,
        help_text=_("The meeting's own date is unknown; this is the report's publication date."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    host_organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host organization"),
    )
    participants = models.ManyToManyField(
        Person, blank=True, related_name="meetings", verbose_name=_("participants")
    )
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="meetings", verbose_name=_("organizations")
    )
    topics = models.TextField(_("topics"), blank=True)
    outcomes = models.TextField(
        _("outcomes"), blank=True, help_text=_("A joint roadmap agreed, protocols signed, …")
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = [F("date").desc(nulls_last=True), "title"]

    def __str__(self):
        date = self.date.isoformat() if self.date else _("date not given")
        return f"{self.title} ({date})"


class OutcomeQuerySet(models.QuerySet):
    def open_follow_ups(self):
        """Outcomes that still ask someone to act: a follow-up date set, not yet marked done."""
        return self.filter(follow_up_on__isnull=False, done_at__isnull=True)

    def owned_by(self, user):
        return self.filter(owner=user)


class Outcome(models.Model):
    """What a meeting produced: a roadmap, a protocol, an announced event, a pledge, a to-do.

    The follow-up date is a calendar day (İzmir's, the board's home); the owner is reminded on
    it by the events side, which reads open follow-ups from here.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="outcome_set", verbose_name=_("meeting")
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=OutcomeKind.choices, default=OutcomeKind.OTHER
    )
    text = models.TextField(_("what was agreed"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("owner"),
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    done_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = [F("follow_up_on").asc(nulls_last=True), "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def is_open(self) -> bool:
        return self.follow_up_on is not None and self.done_at is None

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.follow_up_on < today
