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
    path("<int:pk>/speaking-limit/", views.speaking_limit, name="speaking_limit"),
    path("<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/agenda/current/", views.agenda_current, name="agenda_current"),
    path("<int:pk>/proxies/", views.proxy_give, name="proxy_give"),
    path("proxies/<int:pk>/withdraw/", views.proxy_withdraw, name="proxy_withdraw"),
    path("motions/<int:pk>/support/", views.motion_support, name="motion_support"),
    path("motions/<int:pk>/amend/", views.motion_amend, name="motion_amend"),
    path("motions/<int:pk>/move/", views.motion_move, name="motion_move"),
    path("motions/<int:pk>/forward/", views.motion_forward, name="motion_forward"),
    path("motions/<int:pk>/follow-up/", views.follow_up_add, name="follow_up_add"),
    path("follow-up/<int:pk>/", views.follow_up_update, name="follow_up_update"),
    path(
        "bodies/<int:pk>/recommendations/",
        views.recommendations,
        name="recommendations",
    ),
    path(
        "recommendations/<int:pk>/decide/",
        views.forwarding_decide,
        name="forwarding_decide",
    ),
    path(
        "recommendations/<int:pk>/agenda/",
        views.forwarding_agenda,
        name="forwarding_agenda",
    ),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/minutes/assemble/", views.minutes_assemble, name="minutes_assemble"),
    path("<int:pk>/minutes/approve/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
]
