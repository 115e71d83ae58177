"""URLs of the benefit register (engineer A): benefits, indicators, measurements, roll-up."""

from django.urls import path

from .views import benefits, indicators, overview

urlpatterns = [
    path("", overview.rollup, name="rollup"),
    path("fallgruver/", overview.pitfall_list, name="pitfalls"),
    path("kategorier/", overview.category_settings, name="categories"),
    path("kategorier/<int:category_id>/bytt/", overview.category_toggle, name="category_toggle"),
    path("case/<int:case_id>/", benefits.case_benefit_list, name="case_benefits"),
    path("case/<int:case_id>/ny/", benefits.benefit_create, name="benefit_create"),
    path("<int:benefit_id>/", benefits.benefit_detail, name="benefit"),
    path("<int:benefit_id>/endre/", benefits.benefit_edit, name="benefit_edit"),
    path("<int:benefit_id>/status/", benefits.benefit_status, name="benefit_status"),
    path("<int:benefit_id>/slett/", benefits.benefit_delete, name="benefit_delete"),
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
        "maling/<int:measurement_id>/slett/",
        indicators.measurement_delete,
        name="measurement_delete",
    ),
]
