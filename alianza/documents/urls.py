from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("", views.documents, name="documents"),
    path("new/", views.document_new, name="document_new"),
    path("<int:pk>/", views.document, name="document"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/audience/", views.document_audience, name="audience"),
]
