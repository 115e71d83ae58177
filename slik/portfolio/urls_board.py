"""URL patterns of the board meetings, plan goals and commissions (portfolio engineer B)."""

from django.urls import path

from .views import board, goals

urlpatterns = [
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
    path("mal/", goals.goal_list, name="goal_list"),
    path("mal/ny/", goals.goal_create, name="goal_create"),
    path("mal/<int:goal_id>/", goals.goal_detail, name="goal_detail"),
    path("mal/<int:goal_id>/endre/", goals.goal_edit, name="goal_edit"),
    path("mal/<int:goal_id>/slett/", goals.goal_delete, name="goal_delete"),
    path("oppdrag/", goals.commission_list, name="commission_list"),
    path("oppdrag/ny/", goals.commission_create, name="commission_create"),
    path("oppdrag/<int:commission_id>/", goals.commission_detail, name="commission_detail"),
    path("oppdrag/<int:commission_id>/endre/", goals.commission_edit, name="commission_edit"),
    path("oppdrag/<int:commission_id>/status/", goals.commission_status, name="commission_status"),
    path("oppdrag/<int:commission_id>/saker/", goals.commission_cases, name="commission_cases"),
    path("oppdrag/<int:commission_id>/slett/", goals.commission_delete, name="commission_delete"),
]
