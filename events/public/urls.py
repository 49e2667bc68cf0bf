from django.urls import path

from events.public import feeds, views

app_name = "events"

urlpatterns = [
    path("program/", views.program, name="program"),
    path("program/calendar/", views.calendar_today, name="calendar_today"),
    path("program/<int:year>/<int:month>/", views.month_calendar, name="calendar"),
    path("privacy/", views.privacy, name="privacy"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/event.ics", feeds.event_ical, name="ics"),
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("events/<slug:slug>/register/thanks/", views.registered, name="registered"),
    path("registrations/<int:pk>/<str:token>/", views.manage, name="manage"),
    path("registrations/<int:pk>/<str:token>/confirm/", views.confirm, name="confirm"),
    path("registrations/<int:pk>/<str:token>/cancel/", views.cancel, name="cancel"),
    path("registrations/<int:pk>/<str:token>/erase/", views.erase, name="erase"),
]
