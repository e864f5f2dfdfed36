from django.urls import path

from . import views

app_name = "spaces"
urlpatterns = [
    path("", views.spaces, name="spaces"),
    path("<slug:slug>/", views.space, name="space"),
    path("<slug:slug>/participants/", views.participant_add, name="participant_add"),
    path("proposals/<int:pk>/accept/", views.proposal_accept, name="proposal_accept"),
    path("proposals/<int:pk>/reject/", views.proposal_reject, name="proposal_reject"),
    path("share/<int:content_type>/<int:pk>/", views.share, name="share"),
    path("shares/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
