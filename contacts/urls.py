from django.urls import path

from . import record_views, views

app_name = "contacts"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("visits/", views.visit_list, name="visits"),
    path("visits/<int:pk>/", views.visit_detail, name="visit"),
    path("people/new/", record_views.person_create, name="person_create"),
    path("people/<int:pk>/edit/", record_views.person_edit, name="person_edit"),
    path("organizations/new/", record_views.organization_create, name="organization_create"),
    path("organizations/<int:pk>/edit/", record_views.organization_edit, name="organization_edit"),
    path("sources/new/", record_views.source_create, name="source_create"),
    path("sources/<int:pk>/edit/", record_views.source_edit, name="source_edit"),
    path("visits/new/", record_views.visit_create, name="visit_create"),
    path("visits/<int:pk>/edit/", record_views.visit_edit, name="visit_edit"),
    path("visits/<int:visit_pk>/meetings/new/", record_views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/edit/", record_views.meeting_edit, name="meeting_edit"),
    path("outcomes/<int:pk>/done/", record_views.outcome_done, name="outcome_done"),
    path("export/<str:kind>/<str:fmt>/", views.contact_export, name="export"),
    path("import/", views.contact_import, name="import"),
    path("import/confirm/", views.contact_import_confirm, name="import_confirm"),
]
