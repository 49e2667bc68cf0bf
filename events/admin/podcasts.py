"""Admin for the podcast series and its episodes."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from contacts.admin import HTTPS_URLS, FoldedSearchMixin

from ..models import PodcastEpisode, PodcastSeries, per_language


class EpisodeInline(TranslationTabularInline):
    model = PodcastEpisode
    formfield_overrides = HTTPS_URLS
    extra = 0
    fields = ("number", "title", "status", "recorded_at", "recording_place", "published_on")
    ordering = ("number",)
    show_change_link = True


@admin.register(PodcastSeries)
class PodcastSeriesAdmin(FoldedSearchMixin, TranslationAdmin):
    # Explicit: the count annotations below add a GROUP BY, which drops the model's default
    # ordering, and the autocomplete widgets paginate these results.
    ordering = ("title",)
    list_display = ("title", "slug", "episode_count")
    search_fields = (*per_language("title"), *per_language("description"))
    prepopulated_fields = {"slug": ("title_tr",)}
    autocomplete_fields = ("organizers", "sources")
    inlines = [EpisodeInline]
    readonly_fields = ("seed_key",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_episodes=Count("episodes"))

    @admin.display(description=gettext_lazy("episodes"), ordering="_episodes")
    def episode_count(self, obj) -> int:
        return obj._episodes


@admin.register(PodcastEpisode)
class PodcastEpisodeAdmin(FoldedSearchMixin, TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("__str__", "series", "status", "recorded_at", "recording_place", "published_on")
    list_select_related = ("series",)
    list_filter = ("status", "series")
    search_fields = (*per_language("title"), *per_language("series__title"), "recording_place")
    date_hierarchy = "recorded_at"
    autocomplete_fields = ("series", "guests", "event")
    readonly_fields = ("seed_key",)
