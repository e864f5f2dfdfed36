from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("new/", views.meeting_new, name="meeting_new"),
    path("<int:pk>/", views.meeting, name="meeting"),
    path("<int:pk>/live/", views.live, name="live"),
    path("<int:pk>/projector/", views.projector, name="projector"),
    path("<int:pk>/status/", views.meeting_status, name="meeting_status"),
    path("<int:pk>/check-in/", views.check_in, name="check_in"),
    path("<int:pk>/speak/", views.speak, name="speak"),
    path("<int:pk>/next-speaker/", views.next_speaker, name="next_speaker"),
    path("<int:pk>/motions/", views.motion_add, name="motion_add"),
    path("motions/<int:pk>/vote/", views.vote_open, name="vote_open"),
    path("votes/<int:pk>/ballot/", views.ballot, name="ballot"),
    path("votes/<int:pk>/hands/", views.hands, name="hands"),
    path("votes/<int:pk>/close/", views.vote_close, name="vote_close"),
]
