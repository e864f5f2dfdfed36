from django.urls import path

from . import authority_views, board_views, polling_views, views

app_name = "elections"
urlpatterns = [
    path("", views.elections, name="elections"),
    path("new/", views.election_new, name="election_new"),
    path("new/body/<int:body>/", views.joint_ballot_new, name="joint_ballot_new"),
    path("<uuid:uid>/", views.election, name="election"),
    path("<uuid:uid>/roles/", views.role_add, name="role_add"),
    path("<uuid:uid>/roles/officers/", views.name_officers, name="name_officers"),
    path("<uuid:uid>/step/", views.step, name="step"),
    path("<uuid:uid>/voters/", views.voters, name="voters"),
    path("<uuid:uid>/voters/<int:pk>/", views.voter_correct, name="voter_correct"),
    path("<uuid:uid>/voters/<int:pk>/remove/", views.voter_remove, name="voter_remove"),
    path("<uuid:uid>/participation.csv", views.participation, name="participation"),
    path(
        "<uuid:uid>/participation.xlsx",
        views.participation,
        {"fmt": "xlsx"},
        name="participation_xlsx",
    ),
    path("<uuid:uid>/notice/", board_views.notice, name="notice"),
    path("<uuid:uid>/agreement/", board_views.agreement, name="agreement"),
    path("<uuid:uid>/board/", board_views.board, name="board"),
    path("<uuid:uid>/board.jsonl", board_views.board_download, name="board_download"),
    path("<uuid:uid>/certificate.pdf", board_views.certificate, name="certificate"),
    path("<uuid:uid>/authority/", authority_views.authority, name="authority"),
    path("<uuid:uid>/trustee/", authority_views.trustee, name="trustee"),
    path(
        "<uuid:uid>/trustees/remind/",
        authority_views.remind_trustees,
        name="remind_trustees",
    ),
    path("<uuid:uid>/authority/deliver/", authority_views.deliver, name="deliver"),
    path("<uuid:uid>/vote/", authority_views.booth, name="booth"),
    path("<uuid:uid>/authority/codes/", polling_views.codes, name="codes"),
    path(
        "<uuid:uid>/polling-table/", polling_views.polling_table, name="polling_table"
    ),
    path("<uuid:uid>/polling-table/console/", polling_views.console, name="console"),
    path(
        "<uuid:uid>/polling-table/<int:pk>/",
        polling_views.provisional_decision,
        name="provisional_decision",
    ),
]
