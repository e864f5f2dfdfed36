from django.urls import path

from . import views

app_name = "bodies"
urlpatterns = [
    path("", views.bodies, name="bodies"),
    path("new/", views.body_new, name="body_new"),
    path("<int:pk>/", views.body, name="body"),
    path("<int:pk>/seats/", views.seat_add, name="seat_add"),
    path("<int:pk>/rules/", views.body_rules, name="body_rules"),
    path("seats/<int:pk>/", views.seat_rights, name="seat_rights"),
]
