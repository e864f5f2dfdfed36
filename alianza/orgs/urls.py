from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation, name="organisation"),
    path(
        "organisations/<slug:slug>/people.csv",
        views.people_export,
        name="people_export",
    ),
    path(
        "organisations/<slug:slug>/people.xlsx",
        views.people_export,
        {"fmt": "xlsx"},
        name="people_export_xlsx",
    ),
    path("organisations/<slug:slug>/units/new/", views.unit_new, name="unit_new"),
    path(
        "organisations/<slug:slug>/zone/",
        views.organisation_zone,
        name="organisation_zone",
    ),
    path("units/<int:pk>/", views.unit, name="unit"),
    path("units/<int:pk>/zone/", views.unit_zone, name="unit_zone"),
    path("people/", views.people, name="people"),
    path("people/new/", views.person_new, name="person_new"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("memberships/<int:pk>/role/", views.membership_role, name="membership_role"),
    path("audit/", views.audit_log, name="audit_log"),
]
