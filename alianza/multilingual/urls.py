from django.urls import path

from . import views

app_name = "multilingual"
urlpatterns = [path("translations/", views.save, name="save")]
