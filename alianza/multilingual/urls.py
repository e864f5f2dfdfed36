from django.urls import path

from . import views

app_name = "multilingual"
urlpatterns = [
    path("translations/", views.save, name="save"),
    path(
        "translations/<int:content_type>/<str:object_id>/history/",
        views.history,
        name="history",
    ),
    path("translations/<int:pk>/reject/", views.reject, name="reject"),
]
