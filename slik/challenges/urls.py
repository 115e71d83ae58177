from django.urls import path

from . import views
from .views.figures import figure_labour_years, figure_projection

app_name = "challenges"

urlpatterns = [
    path("", views.challenge_list, name="list"),
    path("ny/", views.challenge_create, name="create"),
    path("<int:challenge_id>/", views.challenge_detail, name="detail"),
    path("<int:challenge_id>/endre/", views.challenge_edit, name="edit"),
    path("<int:challenge_id>/status/", views.challenge_status, name="status"),
    path("<int:challenge_id>/publisering/", views.challenge_publish, name="publish"),
    path("<int:challenge_id>/slett/", views.challenge_delete, name="delete"),
    path("<int:challenge_id>/vurdering/", views.challenge_score, name="score"),
    # Thought-provoking figures, for the whole municipality and for one floke.
    path("tall/", views.figure_list, name="figures"),
    path("tall/ny/", views.figure_create, name="figure_create"),
    path("tall/ferdige/", views.figure_add_ready, name="figure_add_ready"),
    path("tall/framskriving/", figure_projection, name="figure_projection"),
    path("tall/framskriving/arsverk/", figure_labour_years, name="figure_labour_years"),
    path("tall/<int:figure_id>/endre/", views.figure_edit, name="figure_edit"),
    path("tall/<int:figure_id>/slett/", views.figure_delete, name="figure_delete"),
    path("<int:challenge_id>/tall/", views.figure_list, name="challenge_figures"),
    path("<int:challenge_id>/tall/ny/", views.figure_create, name="challenge_figure_create"),
    path(
        "<int:challenge_id>/tall/ferdige/",
        views.figure_add_ready,
        name="challenge_figure_add_ready",
    ),
    # Stakeholder analysis of a floke.
    path("<int:challenge_id>/interessenter/", views.stakeholder_list, name="stakeholders"),
    path(
        "<int:challenge_id>/interessenter/ny/",
        views.stakeholder_create,
        name="stakeholder_create",
    ),
    path(
        "<int:challenge_id>/interessenter/<int:stakeholder_id>/endre/",
        views.stakeholder_edit,
        name="stakeholder_edit",
    ),
    path(
        "<int:challenge_id>/interessenter/<int:stakeholder_id>/slett/",
        views.stakeholder_delete,
        name="stakeholder_delete",
    ),
    # Decision matrix.
    path("beslutningsmatrise/", views.matrix, name="matrix"),
    path("beslutningsmatrise/vekter/", views.matrix_weights, name="matrix_weights"),
    path("kriterier/", views.criterion_list, name="criteria"),
    path("kriterier/<int:criterion_id>/endre/", views.criterion_edit, name="criterion_edit"),
    path("kriterier/<int:criterion_id>/aktiv/", views.criterion_toggle, name="criterion_toggle"),
]
