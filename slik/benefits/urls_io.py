"""URLs of the benefit map, the plan and its exports, imports, tasks and the calendar page."""

from django.urls import path

from .views import calendar, imports, map, plan, tasks

urlpatterns = [
    path("case/<int:case_id>/kart/", map.map_view, name="map"),
    path("case/<int:case_id>/kart.svg", map.map_svg_view, name="map_svg"),
    path("case/<int:case_id>/kart/element/", map.map_node_add, name="map_node_add"),
    path(
        "case/<int:case_id>/kart/element/<int:node_id>/slett/",
        map.map_node_delete,
        name="map_node_delete",
    ),
    path("case/<int:case_id>/kart/kobling/", map.map_edge_add, name="map_edge_add"),
    path(
        "case/<int:case_id>/kart/kobling/<int:edge_id>/slett/",
        map.map_edge_delete,
        name="map_edge_delete",
    ),
    path("case/<int:case_id>/plan/", plan.plan_view, name="plan"),
    path("case/<int:case_id>/plan/endre/", plan.plan_edit, name="plan_edit"),
    path("case/<int:case_id>/plan.xlsx", plan.plan_xlsx, name="plan_xlsx"),
    path("case/<int:case_id>/plan.pdf", plan.plan_pdf_view, name="plan_pdf"),
    path("case/<int:case_id>/import/", imports.import_case, name="import_case"),
    path("case/<int:case_id>/import/bekreft/", imports.import_confirm, name="import_confirm"),
    path("indikator/<int:indicator_id>/import/", imports.import_indicator, name="import_indicator"),
    path("oppgaver/", tasks.task_list, name="tasks"),
    path("kalender/", calendar.calendar_page, name="calendar"),
    path("kalender/ny/", calendar.calendar_regenerate, name="calendar_regenerate"),
]
