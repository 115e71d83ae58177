from django.urls import path

from .views import board, dashboard, goals, status

app_name = "portfolio"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # Panels of the dashboard, loaded when they scroll into view
    path("fastlaste/", dashboard.stuck_panel, name="stuck_panel"),
    path("balanse/", dashboard.balance_panel, name="balance_panel"),
    path("gevinster/", dashboard.benefits_panel, name="benefits_panel"),
    path("statusrapporter/", dashboard.status_panel, name="status_panel"),
    path("innstillinger/", dashboard.portfolio_settings, name="settings"),
    # Status reports of a case
    path("status/<int:case_id>/", status.status_list, name="status_list"),
    path("status/<int:case_id>/ny/", status.status_create, name="status_create"),
    path("status/<int:case_id>/<int:report_id>/", status.status_detail, name="status_detail"),
    path("status/<int:case_id>/<int:report_id>/endre/", status.status_edit, name="status_edit"),
    path(
        "status/<int:case_id>/<int:report_id>/publiser/",
        status.status_publish,
        name="status_publish",
    ),
    path("status/<int:case_id>/<int:report_id>/slett/", status.status_delete, name="status_delete"),
    # Board meetings and their agenda
    path("moter/", board.board_list, name="board_list"),
    path("moter/ny/", board.board_create, name="board_create"),
    path("moter/<int:meeting_id>/", board.board_detail, name="board_detail"),
    path("moter/<int:meeting_id>/endre/", board.board_edit, name="board_edit"),
    path("moter/<int:meeting_id>/slett/", board.board_delete, name="board_delete"),
    path("moter/<int:meeting_id>/godkjenn/", board.board_close, name="board_close"),
    path("moter/<int:meeting_id>/sak/", board.agenda_add, name="agenda_add"),
    path("moter/<int:meeting_id>/sak/<int:item_id>/flytt/", board.agenda_move, name="agenda_move"),
    path(
        "moter/<int:meeting_id>/sak/<int:item_id>/fjern/",
        board.agenda_remove,
        name="agenda_remove",
    ),
    path(
        "moter/<int:meeting_id>/sak/<int:item_id>/vedtak/",
        board.agenda_decide,
        name="agenda_decide",
    ),
    # Plan goals
    path("mal/", goals.goal_list, name="goal_list"),
    path("mal/ny/", goals.goal_create, name="goal_create"),
    path("mal/<int:goal_id>/", goals.goal_detail, name="goal_detail"),
    path("mal/<int:goal_id>/endre/", goals.goal_edit, name="goal_edit"),
    path("mal/<int:goal_id>/slett/", goals.goal_delete, name="goal_delete"),
    # Commissions from politicians
    path("oppdrag/", goals.commission_list, name="commission_list"),
    path("oppdrag/ny/", goals.commission_create, name="commission_create"),
    path("oppdrag/<int:commission_id>/", goals.commission_detail, name="commission_detail"),
    path("oppdrag/<int:commission_id>/endre/", goals.commission_edit, name="commission_edit"),
    path("oppdrag/<int:commission_id>/status/", goals.commission_status, name="commission_status"),
    path("oppdrag/<int:commission_id>/saker/", goals.commission_cases, name="commission_cases"),
    path("oppdrag/<int:commission_id>/slett/", goals.commission_delete, name="commission_delete"),
]
