"""The calendar feed outside the tenant URLs: `/kalender/<token>.ics` (no session needed)."""

from django.urls import path

from ..views.calendar import calendar_feed_view

app_name = "calendar"

urlpatterns = [path("<str:token>.ics", calendar_feed_view, name="feed")]
