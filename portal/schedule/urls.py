from django.urls import re_path

from portal.schedule import views

urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)+)lich\.ics$", views.calendar_feed, name="schedule_calendar_feed"),
]
