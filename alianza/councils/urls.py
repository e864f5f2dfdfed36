from django.urls import path

from . import views

app_name = "councils"
urlpatterns = [
    path("councils/", views.councils, name="councils"),
    path("councils/found/<slug:employer_slug>/", views.found, name="found"),
    path("councils/<slug:slug>/", views.council, name="council"),
    path("councils/<slug:slug>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("councils/<slug:slug>/meetings/<int:pk>/", views.meeting, name="meeting"),
    path(
        "councils/<slug:slug>/meetings/<int:pk>/register/",
        views.register,
        name="register",
    ),
    path("councils/<slug:slug>/documents/", views.document_add, name="document_add"),
    path("councils/<slug:slug>/posts/", views.post_add, name="post_add"),
    path("councils/<slug:slug>/actions/", views.item_add, name="item_add"),
    path("councils/<slug:slug>/units/", views.unit_add, name="unit_add"),
    path("councils/actions/<int:pk>/status/", views.item_status, name="item_status"),
    path("accounts/calendar/", views.calendar_links, name="calendar_links"),
    path("calendar/<str:secret>/me.ics", views.my_calendar, name="my_calendar"),
    path(
        "calendar/<str:secret>/councils/<slug:slug>.ics",
        views.council_calendar,
        name="council_calendar",
    ),
]
