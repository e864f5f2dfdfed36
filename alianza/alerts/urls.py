from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("solidarity/alerts/new/", views.alert_new, name="alert_new"),
    path("solidarity/alerts/<int:pk>/", views.alert, name="alert"),
    path("solidarity/alerts/<int:pk>/progress/", views.alert_progress, name="progress"),
    path("solidarity/alerts/<int:pk>/send/", views.alert_send, name="send"),
    path("solidarity/alerts/replies/", views.replies, name="replies"),
    path("solidarity/alerts/<int:pk>/schedule/", views.alert_schedule, name="schedule"),
    path(
        "solidarity/alerts/<int:pk>/unschedule/",
        views.alert_unschedule,
        name="unschedule",
    ),
    path(
        "solidarity/alerts/<int:pk>/template/",
        views.alert_save_template,
        name="save_template",
    ),
    path("solidarity/alerts/templates/", views.templates, name="templates"),
    path(
        "solidarity/alerts/templates/<int:pk>/delete/",
        views.template_delete,
        name="template_delete",
    ),
    path(
        "solidarity/alerts/<int:pk>/not-acknowledged.csv",
        views.not_acknowledged_export,
        name="not_acknowledged",
    ),
    path(
        "solidarity/alerts/<int:pk>/not-acknowledged.xlsx",
        views.not_acknowledged_export,
        {"fmt": "xlsx"},
        name="not_acknowledged_xlsx",
    ),
    path("alerts/", views.my_alerts, name="mine"),
    path("alerts/<int:pk>/received/", views.my_acknowledge, name="my_acknowledge"),
    path("alerts/reach/", views.reach, name="reach"),
    path("sms/inbound/", views.sms_inbound, name="sms_inbound"),
    path("sms/status/", views.sms_status, name="sms_status"),
    path("a/<str:token>/", views.acknowledge, name="acknowledge"),
]
