from django.urls import path

from events.registrants import views

app_name = "registrants"

urlpatterns = [
    path("", views.registrant_index, name="index"),
    path("<slug:slug>/", views.registrant_list, name="list"),
    path("<slug:slug>/export/<str:fmt>/", views.registrant_export, name="export"),
    path("<slug:slug>/door/", views.registrant_door, name="door"),
    path("<slug:slug>/door/<int:pk>/", views.registrant_door_check_in, name="door_check_in"),
    path("<slug:slug>/sheet/", views.registrant_sheet, name="sheet"),
    path("<slug:slug>/resend/<int:pk>/", views.registrant_resend, name="resend"),
    path("<slug:slug>/qr/<int:pk>.png", views.registrant_qr, name="qr"),
    # Last, so that "checkin/<token>/" never shadows the pages of an event slugged "checkin".
    path("checkin/<str:token>/", views.scan_check_in, name="checkin"),
]
