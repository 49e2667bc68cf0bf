"""The podcast series of the anniversary year and its episodes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from contacts.emails import CleanCharField, CleanTextField
from contacts.models import Organization, Person, SeededModel, Source

from ..enums import (
    EpisodeStatus,
)
from .events import Event


class PodcastSeries(SeededModel):
    title = CleanCharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = CleanTextField(_("description"), blank=True)
    organizers = models.ManyToManyField(
        Organization, blank=True, related_name="podcast_series", verbose_name=_("organizers")
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    class Meta:
        verbose_name = _("podcast series")
        verbose_name_plural = _("podcast series")
        ordering = ["title"]

    def __str__(self):
        return self.title


class PodcastEpisode(SeededModel):
    series = models.ForeignKey(
        PodcastSeries, on_delete=models.CASCADE, related_name="episodes", verbose_name=_("series")
    )
    number = models.PositiveIntegerField(_("number"))
    title = CleanCharField(_("title"), max_length=200)
    guests = models.ManyToManyField(
        Person, blank=True, related_name="podcast_episodes", verbose_name=_("guests")
    )
    recorded_at = models.DateTimeField(_("recording date"), null=True, blank=True)
    recording_place = models.CharField(_("recording place"), max_length=200, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EpisodeStatus.choices, default=EpisodeStatus.PLANNED
    )
    link = models.URLField(_("link"), blank=True)
    event = models.OneToOneField(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="podcast_episode",
        verbose_name=_("calendar event"),
    )

    class Meta:
        verbose_name = _("podcast episode")
        verbose_name_plural = _("podcast episodes")
        ordering = ["series", "number"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="episode_unique_number"),
        ]

    def __str__(self):
        return f"{self.series} #{self.number}: {self.title}"


# --- planning checklists (board) ---------------------------------------------------------------
