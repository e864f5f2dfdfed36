from django.urls import path

from . import views

app_name = "employers"
urlpatterns = [
    path("", views.employers, name="employers"),
    path("common/", views.common, name="common"),
    path("map/", views.worksite_map_page, name="map"),
    path("import/", views.import_file, name="import"),
    path(
        "worksites/<int:pk>/representation/",
        views.representation_add,
        name="representation_add",
    ),
    path("<slug:slug>/", views.employer, name="employer"),
]
