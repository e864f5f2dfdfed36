from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("solidarity/alerts/new/", views.alert_new, name="alert_new"),
    path("solidarity/alerts/<int:pk>/", views.alert, name="alert"),
    path("solidarity/alerts/<int:pk>/progress/", views.alert_progress, name="progress"),
    path("solidarity/alerts/<int:pk>/send/", views.alert_send, name="send"),
    path("a/<str:token>/", views.acknowledge, name="acknowledge"),
]
