from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.run_list, name="list"),
    path("bestill/", views.run_order, name="order"),
    path("lag/<slug:key>.<str:file_format>", views.render_report, name="render"),
    path("<int:run_id>/", views.run_detail, name="detail"),
    path("<int:run_id>/status/", views.run_status, name="status"),
    path("<int:run_id>/last-ned/", views.run_download, name="download"),
    path("<int:run_id>/prov-igjen/", views.run_retry, name="retry"),
    path("<int:run_id>/publiser/", views.run_publish, name="publish"),
]
