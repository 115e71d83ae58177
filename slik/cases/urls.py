from django.urls import path

from . import views

app_name = "cases"

# Record kinds: URL segment, kind, id kwarg (kwarg names are shared across the project).
RECORDS = [
    ("innsikt", "insight", "insight_id"),
    ("hypoteser", "hypothesis", "hypothesis_id"),
    ("beslutninger", "decision", "decision_id"),
    ("n3", "n3", "n3_id"),
    ("ansvar", "responsibility", "responsibility_id"),
    ("interessenter", "stakeholder", "stakeholder_id"),
]

urlpatterns = [
    path("", views.case_list, name="list"),
    path("ny/", views.case_create, name="create"),
    path("veikart/", views.roadmap, name="roadmap"),
    path("veikart/endre/", views.roadmap_edit, name="roadmap_edit"),
    path("veikart/<int:template_id>/", views.roadmap_version, name="roadmap_version"),
    path("beslutningspunkt-regler/", views.gate_settings, name="gate_settings"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/deler/", views.case_panels, name="panels"),
    path("<int:case_id>/endre/", views.case_edit, name="edit"),
    path("<int:case_id>/publisering/", views.case_publish, name="publish"),
    path("<int:case_id>/sjekkliste/", views.case_checklist, name="checklist"),
    path("<int:case_id>/beslutningspunkt/", views.gate_create, name="gate_create"),
    path("<int:case_id>/beslutningspunkt/<int:gate_id>/", views.gate_detail, name="gate_detail"),
]

for segment, kind, id_kwarg in RECORDS:
    urlpatterns += [
        path(
            f"<int:case_id>/{segment}/ny/",
            views.record_add,
            {"kind": kind},
            name=f"{kind}_add",
        ),
        path(
            f"<int:case_id>/{segment}/<int:{id_kwarg}>/endre/",
            views.record_edit,
            {"kind": kind},
            name=f"{kind}_edit",
        ),
        path(
            f"<int:case_id>/{segment}/<int:{id_kwarg}>/slett/",
            views.record_delete,
            {"kind": kind},
            name=f"{kind}_delete",
        ),
    ]
