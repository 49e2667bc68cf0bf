"""The business program in the board workspace, included from events/board_urls.py."""

from django.urls import path

from . import board_views

urlpatterns = [
    path("events/<slug:slug>/", board_views.event_program, name="b2b_event"),
    path("events/<slug:slug>/enable/", board_views.enable, name="b2b_enable"),
    path("events/<slug:slug>/rules/", board_views.rules, name="b2b_rules"),
    path("events/<slug:slug>/sessions/new/", board_views.session_create, name="b2b_session_create"),
    path("events/<slug:slug>/schedule/", board_views.schedule, name="b2b_schedule"),
    path("sessions/<int:pk>/publish/", board_views.publish, name="b2b_publish"),
    path("meetings/<int:pk>/lock/", board_views.lock, name="b2b_lock"),
    path("meetings/<int:pk>/move/", board_views.move, name="b2b_move"),
]
