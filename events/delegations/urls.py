from django.urls import path

from . import views

app_name = "delegations"

urlpatterns = [
    path("events/<slug:slug>/", views.register, name="register"),
    path("<int:pk>/<str:token>/", views.manage, name="manage"),
    path("<int:pk>/<str:token>/confirm/", views.act, {"action": "confirm"}, name="confirm"),
    path("<int:pk>/<str:token>/cancel/", views.act, {"action": "cancel"}, name="cancel"),
]
