"""Benefits URLs under /k/<org>/gevinster/: the organisation's overview pages, a case's
benefits, plan, map and imports, one benefit's indicators and measurements, and the user's
measurement tasks. The calendar feed, which needs no session, is in `feed`."""

from django.urls import path

from ..views import benefits, calendar, imports, indicators, map, overview, pitfalls, plan, tasks

app_name = "benefits"

urlpatterns = [
    # The organisation
    path("", overview.rollup, name="rollup"),
    path("forsinket/", overview.rollup_overdue, name="rollup_overdue"),
    path("fallgruver/", pitfalls.pitfall_list, name="pitfalls"),
    path("kategorier/", overview.category_settings, name="categories"),
    path("kategorier/<int:category_id>/bytt/", overview.category_toggle, name="category_toggle"),
    # A case's benefits
    path("case/<int:case_id>/", benefits.case_benefit_list, name="case_benefits"),
    path("case/<int:case_id>/ny/", benefits.benefit_create, name="benefit_create"),
    path("<int:benefit_id>/", benefits.benefit_detail, name="benefit"),
    path("<int:benefit_id>/endre/", benefits.benefit_edit, name="benefit_edit"),
    path("<int:benefit_id>/status/", benefits.benefit_status, name="benefit_status"),
    path("<int:benefit_id>/slett/", benefits.benefit_delete, name="benefit_delete"),
    # Indicators and measurements
    path("<int:benefit_id>/indikator/ny/", indicators.indicator_create, name="indicator_create"),
    path("indikator/<int:indicator_id>/", indicators.indicator_detail, name="indicator"),
    path("indikator/<int:indicator_id>/endre/", indicators.indicator_edit, name="indicator_edit"),
    path(
        "indikator/<int:indicator_id>/slett/",
        indicators.indicator_delete,
        name="indicator_delete",
    ),
    path(
        "indikator/<int:indicator_id>/maling/",
        indicators.measurement_create,
        name="measurement_create",
    ),
    path(
        "indikator/<int:indicator_id>/ny-periode/",
        indicators.limit_period_start,
        name="limit_period_start",
    ),
    path(
        "indikator/<int:indicator_id>/ny-periode/angre/",
        indicators.limit_period_undo,
        name="limit_period_undo",
    ),
    path(
        "maling/<int:measurement_id>/slett/",
        indicators.measurement_delete,
        name="measurement_delete",
    ),
    # The benefit map
    path("case/<int:case_id>/kart/", map.map_view, name="map"),
    path("case/<int:case_id>/kart/tegning/", map.map_drawing, name="map_drawing"),
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
    # The benefits realisation plan and its exports
    path("case/<int:case_id>/plan/", plan.plan_view, name="plan"),
    path("case/<int:case_id>/plan/endre/", plan.plan_edit, name="plan_edit"),
    path("case/<int:case_id>/plan.xlsx", plan.plan_xlsx, name="plan_xlsx"),
    path("case/<int:case_id>/plan.pdf", plan.plan_pdf_view, name="plan_pdf"),
    # Importing measurements
    path("case/<int:case_id>/import/", imports.import_case, name="import_case"),
    path("case/<int:case_id>/import/bekreft/", imports.import_confirm, name="import_confirm"),
    path("indikator/<int:indicator_id>/import/", imports.import_indicator, name="import_indicator"),
    # The user's measurement tasks and calendar
    path("oppgaver/", tasks.task_list, name="tasks"),
    path("kalender/", calendar.calendar_page, name="calendar"),
    path("kalender/ny/", calendar.calendar_regenerate, name="calendar_regenerate"),
]
