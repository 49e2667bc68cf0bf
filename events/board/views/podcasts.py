"""Podcast series and their episodes: guests from the contacts, recording and publication."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from contacts.content import ordered_by_shown_text
from contacts.models import Person
from events.board.forms import PodcastEpisodeForm, PodcastSeriesForm
from events.board.views.base import BoardPermissionMixin
from events.models import PodcastEpisode, PodcastSeries


class PodcastSeriesListView(BoardPermissionMixin, ListView):
    permission_required = "events.view_podcastseries"
    template_name = "board/podcast_list.html"
    context_object_name = "series_list"

    def get_queryset(self):
        return PodcastSeries.objects.annotate(episode_count=Count("episodes")).order_by(
            ordered_by_shown_text("title")
        )


class PodcastSeriesDetailView(BoardPermissionMixin, DetailView):
    permission_required = "events.view_podcastseries"
    template_name = "board/podcast_detail.html"
    context_object_name = "series"

    def get_queryset(self):
        return PodcastSeries.objects.prefetch_related(
            "organizers",
            Prefetch(
                "episodes",
                queryset=PodcastEpisode.objects.select_related("event")
                .prefetch_related(Prefetch("guests", queryset=Person.objects.alphabetical()))
                .order_by("number"),
            ),
        )


class _SeriesFormMixin:
    form_class = PodcastSeriesForm
    template_name = "board/form.html"

    def get_success_url(self):
        return reverse("board:podcast_series_detail", kwargs={"slug": self.object.slug})

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("“%(title)s” was saved.") % {"title": self.object})
        return response


class PodcastSeriesCreateView(BoardPermissionMixin, _SeriesFormMixin, CreateView):
    permission_required = "events.add_podcastseries"
    extra_context = {"title": gettext_lazy("New podcast series")}


class PodcastSeriesUpdateView(BoardPermissionMixin, _SeriesFormMixin, UpdateView):
    permission_required = "events.change_podcastseries"
    model = PodcastSeries

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit “%(title)s”") % {"title": self.object},
            back_url=self.get_success_url(),
            **kwargs,
        )


class _EpisodeFormMixin:
    form_class = PodcastEpisodeForm
    template_name = "board/form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "series": self.series}

    def get_success_url(self):
        return reverse("board:podcast_series_detail", kwargs={"slug": self.series.slug})

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("“%(title)s” was saved.") % {"title": self.object})
        return response


class PodcastEpisodeCreateView(BoardPermissionMixin, _EpisodeFormMixin, CreateView):
    permission_required = "events.add_podcastepisode"

    @cached_property
    def series(self) -> PodcastSeries:
        return get_object_or_404(PodcastSeries, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New episode of “%(series)s”") % {"series": self.series},
            back_url=self.get_success_url(),
            **kwargs,
        )


class PodcastEpisodeUpdateView(BoardPermissionMixin, _EpisodeFormMixin, UpdateView):
    permission_required = "events.change_podcastepisode"
    queryset = PodcastEpisode.objects.select_related("series")

    def get_object(self, queryset=None):
        episode = super().get_object(queryset)
        self.series = episode.series
        return episode

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit “%(title)s”") % {"title": self.object.title},
            back_url=self.get_success_url(),
            **kwargs,
        )
