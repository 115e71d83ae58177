"""config.urls plus the calendar feed, as the lead wires it (`kalender/`)."""

from django.urls import include, path

from config.urls import urlpatterns as base

urlpatterns = [*base, path("kalender/", include("slik.benefits.urls_calendar"))]
