from django.urls import path

from . import views

app_name = "contracts"
urlpatterns = [
    path("", views.library, name="library"),
    path("new/", views.agreement_new, name="agreement_new"),
    path("<int:pk>/", views.agreement, name="agreement"),
    path("<int:pk>/progress/", views.agreement_progress, name="progress"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/wages/", views.wage_add, name="wage_add"),
    path("<int:pk>/rounds/", views.round_new, name="round_new"),
    path("clauses/<int:pk>/topic/", views.clause_topic, name="clause_topic"),
    path("search/", views.search_page, name="search"),
    path("compare/", views.compare_page, name="compare"),
    path("rates/", views.rates, name="rates"),
    path("rounds/<int:pk>/", views.round_page, name="round"),
    path("rounds/<int:pk>/proposals/", views.proposal_add, name="proposal_add"),
    path("proposals/<int:pk>/status/", views.proposal_status, name="proposal_status"),
    path("expiries/", views.expiries, name="expiries"),
    path("expiries/<str:secret>.ics", views.calendar, name="calendar"),
]
