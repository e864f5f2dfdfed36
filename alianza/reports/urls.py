from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("reports/quarter/", views.pick, name="pick"),
    path("reports/quarter/<int:year>/<int:q>/", views.quarter, name="quarter"),
    path(
        "reports/quarter/<int:year>/<int:q>/report.pdf",
        views.quarter_pdf,
        name="quarter_pdf",
    ),
    path(
        "reports/quarter/<int:year>/<int:q>/report.xlsx",
        views.quarter_xlsx,
        name="quarter_xlsx",
    ),
]
