from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("visits/", views.visit_list, name="visits"),
    path("visits/<int:pk>/", views.visit_detail, name="visit"),
    path("export/<str:kind>/<str:fmt>/", views.contact_export, name="export"),
    path("import/", views.contact_import, name="import"),
    path("import/confirm/", views.contact_import_confirm, name="import_confirm"),
]
