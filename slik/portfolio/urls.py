from django.urls import path

from . import urls_board, views

app_name = "portfolio"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("innstillinger/", views.portfolio_settings, name="settings"),
    path("status/<int:case_id>/", views.status_list, name="status_list"),
    path("status/<int:case_id>/ny/", views.status_create, name="status_create"),
    path("status/<int:case_id>/<int:report_id>/", views.status_detail, name="status_detail"),
    path("status/<int:case_id>/<int:report_id>/endre/", views.status_edit, name="status_edit"),
    path(
        "status/<int:case_id>/<int:report_id>/publiser/",
        views.status_publish,
        name="status_publish",
    ),
    path("status/<int:case_id>/<int:report_id>/slett/", views.status_delete, name="status_delete"),
] + urls_board.urlpatterns
