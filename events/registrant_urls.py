from django.urls import path

from . import registrant_views

app_name = "registrants"

urlpatterns = [
    path("<slug:slug>/", registrant_views.registrant_list, name="list"),
]
