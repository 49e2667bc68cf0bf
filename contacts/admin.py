"""Admin for organizations, people, affiliations, sources, delegation visits and meetings.

The top of the module holds what the events admin shares: Turkish-aware search, and the city,
month and demo filters.
"""

import calendar
from datetime import date

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import Count, F, Prefetch, Q, TextField, URLField, Value
from django.db.models.functions import Lower, Replace
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from .cities import city_menu, city_name, in_city
from .countries import active_language, country_formfield, country_menu
from .models import (
    Affiliation,
    DelegationVisit,
    Meeting,
    Organization,
    Outcome,
    Person,
    Source,
    sort_field,
)
from .text import collation_key, search_key
from .translation import per_language

# --- shared by every admin in the project ---------------------------------------------------

# Letters the database cannot case-fold (or fold to ASCII) on its own, mapped as search_key()
# maps them; tests check the two agree letter by letter.
FOLDS = {
    "İ": "i",
    "I": "i",
    "ı": "i",
    "Ş": "s",
    "ş": "s",
    "Ç": "c",
    "ç": "c",
    "Ğ": "g",
    "ğ": "g",
    "Ö": "o",
    "ö": "o",
    "Ü": "u",
    "ü": "u",
    "Ə": "e",
    "ə": "e",
    "Â": "a",
    "â": "a",
    "Î": "i",
    "î": "i",
    "Û": "u",
    "û": "u",
}


def folded(field: str):
    """A database expression equal to search_key(field) for Turkish and Azerbaijani text."""
    expression = F(field)
    for letter, plain in FOLDS.items():
        expression = Replace(expression, Value(letter), Value(plain), output_field=TextField())
    return Lower(expression, output_field=TextField())


class InLanguageOrderMixin:
    """Names in the alphabetical order of the admin's language (Person/Organization.alphabetical);
    explicit, as count annotations add a GROUP BY that drops the model's default ordering, and
    the autocomplete widgets paginate these results."""

    def get_ordering(self, request):
        return (sort_field(), "pk")


class FoldedSearchMixin:
    """Admin search where "izmir" finds "İzmir" and "ismayilov" finds "İSMAYİLOV".

    `search_fields` name the columns; a column already holding a folded key (`search_name`)
    is compared as it is, every other one through `folded()`. Every word must match one column.
    """

    prefolded_fields = ("search_name",)

    def get_search_results(self, request, queryset, search_term):
        words = []
        for bit in smart_split(search_term):
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            if key := search_key(bit):
                words.append(key)
        if not words or not self.search_fields:
            return queryset, False
        annotations = {}
        columns = []
        for index, field in enumerate(self.search_fields):
            if field.rsplit("__", 1)[-1] in self.prefolded_fields:
                columns.append(field)
            else:
                name = f"_folded_{index}"
                annotations[name] = folded(field)
                columns.append(name)
        queryset = queryset.alias(**annotations)
        for word in words:
            match = Q()
            for column in columns:
                match |= Q(**{f"{column}__contains": word})
            queryset = queryset.filter(match)
        duplicates = any(lookup_spawns_duplicates(self.opts, field) for field in self.search_fields)
        return queryset, duplicates


def values_filter(field: str, parameter: str, title, label=str):
    """A list filter offering only the values that occur in `field` (not every choice)."""

    class ValuesFilter(admin.SimpleListFilter):
        parameter_name = parameter

        def lookups(self, request, model_admin):
            values = (
                model_admin.model._default_manager.exclude(**{field: ""})
                .exclude(**{f"{field}__isnull": True})
                .order_by(field)
                .values_list(field, flat=True)
                .distinct()
            )
            # By the label in the admin's language, not by the stored value (a code, a key).
            choices = [(value, str(label(value))) for value in values]
            language = get_language() or "tr"
            return sorted(choices, key=lambda choice: collation_key(choice[1], language))

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{field: self.value()})
            return queryset

    ValuesFilter.title = title
    return ValuesFilter


def city_filter(field: str, title=None):
    """The cities that occur in `field` (e.g. "venue__city"), each once in the admin's
    language (contacts.cities.city_menu), finding the rows in every spelling of the city."""

    class CityFilter(admin.SimpleListFilter):
        parameter_name = "city"

        def lookups(self, request, model_admin):
            stored = (
                model_admin.model._default_manager.exclude(**{field: ""})
                .exclude(**{f"{field}__isnull": True})
                .order_by()
                .values_list(field, flat=True)
                .distinct()
            )
            return city_menu(stored)

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(in_city(field, self.value()))
            return queryset

    CityFilter.title = title or _("city")
    return CityFilter


def city_column(field: str, description=None):
    """A list column printing `field` through the city table in the admin's language."""

    @admin.display(description=description or _("city"), ordering=field)
    def column(obj) -> str:
        return city_name(getattr(obj, field))

    column.__name__ = f"{field}_label"
    return column


def country_filter(field: str = "country"):
    """The countries that occur, by name in the page's language and its alphabet, Türkiye and
    Azerbaijan first, as in every country menu (`country_menu`; the full list of 250 is no use
    as a filter)."""
    base = values_filter(field, "country", _("country"), lambda code: countries.name(code))

    class CountryFilter(base):
        def lookups(self, request, model_admin):
            found = {str(code) for code, _label in super().lookups(request, model_admin)}
            return [(code, name) for code, name in country_menu(active_language()) if code in found]

    return CountryFilter


class CountryMenuAdminMixin:
    """Country fields in the admin's forms (and inlines) get the site's one country menu."""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if isinstance(db_field, CountryField):
            return country_formfield(db_field, **kwargs)
        return super().formfield_for_choice_field(db_field, request, **kwargs)


def month_bounds(value: str | None) -> tuple[date, date] | None:
    """ "2026-04" → (1 April 2026, 1 May 2026); anything else → None."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        first = date(year, month, 1)
    except ValueError:
        return None
    return first, date.fromordinal(first.toordinal() + calendar.monthrange(year, month)[1])


def date_month_filter(field: str):
    """A "month" list filter for a DateField, offering the months that have rows."""

    class MonthFilter(admin.SimpleListFilter):
        title = _("month")
        parameter_name = "month"

        def lookups(self, request, model_admin):
            months = model_admin.model._default_manager.dates(field, "month", order="DESC")
            return [(m.strftime("%Y-%m"), date_format(m, "YEAR_MONTH_FORMAT")) for m in months]

        def queryset(self, request, queryset):
            if self.value() is None:
                return queryset
            bounds = month_bounds(self.value())
            if bounds is None:
                return queryset.none()
            return queryset.filter(**{f"{field}__gte": bounds[0], f"{field}__lt": bounds[1]})

    return MonthFilter


class DemoFilter(admin.SimpleListFilter):
    """Facts and demo examples apart."""

    title = _("demo example")
    parameter_name = "demo"

    def lookups(self, request, model_admin):
        return [("facts", _("Real data only")), ("demo", _("Demo examples only"))]

    def queryset(self, request, queryset):
        if self.value() == "facts":
            return queryset.filter(is_demo=False)
        if self.value() == "demo":
            return queryset.filter(is_demo=True)
        return queryset


# Django 6 switches URL fields to https by default; say so now (and keep warnings errors).
HTTPS_URLS = {URLField: {"assume_scheme": "https"}}


@admin.display(description=_("demo example"))
def demo_badge(obj) -> str:
    if not getattr(obj, "is_demo", False):
        return ""
    return format_html(
        '<span class="kardes-demo-badge" title="{}" style="background:#ffc107;color:#000;'
        'padding:1px 6px;border-radius:4px;font-weight:bold">{}</span>',
        _("Sample data for trying the product; not part of the real program."),
        _("Demo example"),
    )


# --- contacts ---------------------------------------------------------------------------------


def language_groups(*fields: str) -> tuple:
    """One fieldset per language with that language's column of each field ("title_az", ...),
    Turkish first, as the event admin groups its title and description (no tabs: modeltranslation's
    tabs load jQuery UI from a CDN, which the offline site and its Content-Security-Policy do not
    allow)."""
    return tuple(
        (name, {"fields": tuple(f"{field}_{code}" for field in fields)})
        for code, name in settings.LANGUAGES
    )


def searched_in_every_language(*fields: str) -> tuple[str, ...]:
    """Search columns: each language's column of each field (the plain column holds whichever
    language was active when the row was saved)."""
    return tuple(column for field in fields for column in per_language(field))


class AffiliationInline(TranslationTabularInline):
    model = Affiliation
    extra = 1
    fields = ("organization", "role", "start", "end", "sources")
    autocomplete_fields = ("organization", "sources")


class MemberInline(TranslationTabularInline):
    """The same roles, seen from the organization."""

    model = Affiliation
    extra = 0
    fields = ("person", "role", "start", "end")
    autocomplete_fields = ("person",)
    verbose_name = _("member or office holder")
    verbose_name_plural = _("members and office holders")


@admin.register(Source)
class SourceAdmin(FoldedSearchMixin, TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("headline", "publication", "published_on", "language", "file_name")
    list_filter = ("language", date_month_filter("published_on"))
    search_fields = ("headline", "publication", *searched_in_every_language("summary"), "file_name")
    date_hierarchy = "published_on"
    readonly_fields = ("seed_key",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "headline",
                    "publication",
                    "published_on",
                    "language",
                    "file_name",
                    "url",
                    "seed_key",
                )
            },
        ),
        *language_groups("summary"),
    )


@admin.register(Organization)
class OrganizationAdmin(
    CountryMenuAdminMixin, InLanguageOrderMixin, FoldedSearchMixin, TranslationAdmin
):
    formfield_overrides = HTTPS_URLS
    list_display = ("name", "short_name", "kind", "country", city_column("city"), "people")
    list_filter = ("kind", city_filter("city"), country_filter())
    # search_name holds every language's name and short name; the notes are searched in each.
    search_fields = ("search_name", *searched_in_every_language("notes"))
    autocomplete_fields = ("sources",)
    inlines = [MemberInline]
    readonly_fields = ("seed_key",)
    fieldsets = (
        (None, {"fields": ("kind", "country", "city", "website", "sources", "seed_key")}),
        *language_groups("name", "short_name", "notes"),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_people=Count("affiliations__person", distinct=True))
        )

    @admin.display(description=_("people"), ordering="_people")
    def people(self, obj) -> int:
        return obj._people


@admin.register(Person)
class PersonAdmin(CountryMenuAdminMixin, InLanguageOrderMixin, FoldedSearchMixin, TranslationAdmin):
    list_display = ("__str__", "roles", "country", "email", "preferred_language")
    list_display_links = ("__str__",)
    list_filter = (country_filter(), city_filter("city"), "preferred_language")
    search_fields = ("search_name", "email", *searched_in_every_language("notes"))
    autocomplete_fields = ("sources",)
    inlines = [AffiliationInline]
    readonly_fields = ("seed_key",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    ("honorific", "full_name"),
                    ("email", "phone"),
                    "preferred_language",
                    ("country", "city"),
                    "sources",
                    "seed_key",
                )
            },
        ),
        *language_groups("notes"),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "affiliations", queryset=Affiliation.objects.select_related("organization")
                )
            )
        )

    @admin.display(description=_("roles"))
    def roles(self, obj) -> str:
        return "; ".join(
            f"{a.role}, {a.organization.short_name or a.organization.name}"
            for a in obj.affiliations.all()
        )


@admin.register(Affiliation)
class AffiliationAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ("person", "role", "organization", "start", "end")
    list_select_related = ("person", "organization")
    list_filter = ("organization__kind",)
    search_fields = (
        "person__search_name",
        "organization__search_name",
        *searched_in_every_language("role"),
    )
    autocomplete_fields = ("person", "organization", "sources")
    date_hierarchy = "start"
    readonly_fields = ("seed_key",)


class MeetingInline(TranslationStackedInline):
    model = Meeting
    extra = 0
    # One line per language: its title and place, then its topics and outcomes.
    fields = (
        ("date", "dated_by_publication", "city", "host_organization"),
        *(
            (f"title_{code}", f"place_{code}", f"topics_{code}", f"outcomes_{code}")
            for code in settings.MODELTRANSLATION_LANGUAGES
        ),
        "participants",
        "organizations",
        "sources",
    )
    autocomplete_fields = ("host_organization", "participants", "organizations", "sources")


@admin.register(DelegationVisit)
class DelegationVisitAdmin(FoldedSearchMixin, TranslationAdmin):
    # Explicit: the count annotations below add a GROUP BY, which drops the model's default
    # ordering, and the autocomplete widgets paginate these results.
    ordering = (F("start_date").desc(nulls_last=True), "pk")
    list_display = (
        "title",
        city_column("origin_city", _("from city")),
        city_column("destination_city", _("to city")),
        "start_date",
        "end_date",
        "meeting_count",
    )
    list_filter = (
        city_filter("destination_city", _("to city")),
        date_month_filter("start_date"),
    )
    search_fields = (
        *searched_in_every_language("title", "purpose"),
        "origin_city",
        "destination_city",
    )
    date_hierarchy = "start_date"
    autocomplete_fields = ("host_organization", "travellers", "organizations", "sources")
    inlines = [MeetingInline]
    readonly_fields = ("seed_key",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    ("origin_city", "destination_city"),
                    ("start_date", "end_date"),
                    "host_organization",
                    "travellers",
                    "organizations",
                    "sources",
                    "seed_key",
                )
            },
        ),
        *language_groups("title", "dates_note", "purpose"),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_meetings=Count("meetings"))

    @admin.display(description=_("meetings"), ordering="_meetings")
    def meeting_count(self, obj) -> int:
        return obj._meetings


class OutcomeInline(TranslationTabularInline):
    model = Outcome
    extra = 0
    fields = ("kind", "text", "owner", "follow_up_on", "done_at")


@admin.register(Meeting)
class MeetingAdmin(FoldedSearchMixin, TranslationAdmin):
    inlines = [OutcomeInline]
    list_display = (
        "title",
        "date",
        "dated_by_publication",
        city_column("city"),
        "visit",
        "host_organization",
    )
    list_select_related = ("visit", "host_organization")
    list_filter = (city_filter("city"), "dated_by_publication", date_month_filter("date"))
    search_fields = (*searched_in_every_language("title", "topics", "outcomes", "place"), "city")
    date_hierarchy = "date"
    autocomplete_fields = ("visit", "host_organization", "participants", "organizations", "sources")
    readonly_fields = ("seed_key",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "visit",
                    ("date", "dated_by_publication"),
                    "city",
                    "host_organization",
                    "participants",
                    "organizations",
                    "sources",
                    "seed_key",
                )
            },
        ),
        *language_groups("title", "place", "topics", "outcomes"),
    )
