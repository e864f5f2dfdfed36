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
    path("translations/drafts/", views.draft, name="draft"),
    path("translations/<int:pk>/approve/", views.approve, name="approve"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/<int:pk>/", views.glossary_term, name="glossary_term"),
]
