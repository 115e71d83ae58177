from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("innstillinger/", views.settings_page, name="settings"),
    path("medlemmer/", views.members, name="members"),
]
