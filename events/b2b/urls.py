"""Participant pages at /b2b/<registration>/<token>/…: the signed link is the only key."""

from django.urls import path

from . import views

app_name = "b2b"

_base = "<int:pk>/<str:token>/"

urlpatterns = [
    path(_base, views.home, name="home"),
    path(_base + "profile/", views.profile, name="profile"),
    path(_base + "directory/", views.directory, name="directory"),
    path(_base + "directory/<int:participant_id>/ask/", views.ask, name="ask"),
    path(_base + "requests/<int:request_id>/", views.answer, name="answer"),
    path(_base + "requests/<int:request_id>/withdraw/", views.withdraw, name="withdraw"),
    path(_base + "availability/", views.availability, name="availability"),
    path(_base + "agenda/", views.agenda_page, name="agenda"),
    path(_base + "agenda.ics", views.agenda_calendar, name="agenda_ics"),
    path(_base + "agenda.pdf", views.agenda_document, name="agenda_pdf"),
    path(_base + "follow-up/", views.follow_up, name="follow_up"),
]
