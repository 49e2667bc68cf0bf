"""The board workspace at /board/. Each view names the permission it needs (see events/roles.py)."""

from django.urls import include, path

from events.board.views import (
    announce,
    audit,
    calendar,
    dashboard,
    events,
    planning,
    podcasts,
    venues,
)

app_name = "board"

urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    # Calendars
    path("calendar/", calendar.MonthCalendarView.as_view(), name="calendar"),
    path(
        "calendar/<int:year>/<int:month>/",
        calendar.MonthCalendarView.as_view(),
        name="calendar_month",
    ),
    path("calendar/week/", calendar.WeekCalendarView.as_view(), name="calendar_this_week"),
    path(
        "calendar/week/<int:year>/<int:week>/",
        calendar.WeekCalendarView.as_view(),
        name="calendar_week",
    ),
    # Events
    path("events/", events.EventListView.as_view(), name="event_list"),
    path("events/new/", events.EventCreateView.as_view(), name="event_create"),
    path(
        "outcomes/<int:pk>/event/",
        announce.EventFromOutcomeView.as_view(),
        name="event_from_outcome",
    ),
    path("events/<slug:slug>/", events.EventDetailView.as_view(), name="event_detail"),
    path("events/<slug:slug>/edit/", events.EventUpdateView.as_view(), name="event_edit"),
    path(
        "events/<slug:slug>/reschedule/",
        events.EventRescheduleView.as_view(),
        name="event_reschedule",
    ),
    path("events/<slug:slug>/confirm/", events.EventConfirmView.as_view(), name="event_confirm"),
    path("events/<slug:slug>/cancel/", events.EventCancelView.as_view(), name="event_cancel"),
    # Planning
    path(
        "events/<slug:slug>/checklist/apply/",
        planning.ChecklistApplyView.as_view(),
        name="checklist_apply",
    ),
    path(
        "events/<slug:slug>/items/new/",
        planning.PlanningItemCreateView.as_view(),
        name="planning_item_create",
    ),
    path(
        "items/<int:pk>/edit/", planning.PlanningItemUpdateView.as_view(), name="planning_item_edit"
    ),
    path(
        "items/<int:pk>/status/",
        planning.PlanningItemStatusView.as_view(),
        name="planning_item_status",
    ),
    path("my-items/", planning.MyItemsView.as_view(), name="my_items"),
    # Venues
    path("venues/", venues.VenueListView.as_view(), name="venue_list"),
    path("venues/new/", venues.VenueCreateView.as_view(), name="venue_create"),
    path("venues/<int:pk>/edit/", venues.VenueUpdateView.as_view(), name="venue_edit"),
    # Podcasts
    path("podcasts/", podcasts.PodcastSeriesListView.as_view(), name="podcast_series_list"),
    path("podcasts/new/", podcasts.PodcastSeriesCreateView.as_view(), name="podcast_series_create"),
    path(
        "podcasts/<slug:slug>/",
        podcasts.PodcastSeriesDetailView.as_view(),
        name="podcast_series_detail",
    ),
    path(
        "podcasts/<slug:slug>/edit/",
        podcasts.PodcastSeriesUpdateView.as_view(),
        name="podcast_series_edit",
    ),
    path(
        "podcasts/<slug:slug>/episodes/new/",
        podcasts.PodcastEpisodeCreateView.as_view(),
        name="podcast_episode_create",
    ),
    path(
        "episodes/<int:pk>/edit/",
        podcasts.PodcastEpisodeUpdateView.as_view(),
        name="podcast_episode_edit",
    ),
    # Business program (B2B matchmaking)
    path("b2b/", include("events.b2b.board_urls")),
    # Delegations registered as one group, across every event
    path("delegations/", include("events.delegations.board_urls")),
    # Audit log
    path("audit/", audit.AuditLogView.as_view(), name="audit_log"),
    # The year in numbers
    path("report/", include("events.board.report.urls")),
]
