"""Thought-provoking figures (tankevekkende tall) of a floke or of the whole municipality."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned, subject_of

from ..models import KeyFigure, PopulationProjection
from ..projections.reading import ProjectionFileError, read_upload
from ..projections.summary import summarise
from .fields import assign_fields

FIGURE_FIELDS = ("label", "value", "unit", "year", "source", "comment")


def _figure_anchor(figure: KeyFigure):
    """Figures of a floke appear in the floke's history; others in the organisation's."""
    return figure.challenge if figure.challenge_id else figure.organisation


@transaction.atomic
def key_figure_create(*, actor, organisation, challenge=None, computed_code="", **fields):
    # Words computed in the creator's language are stored as text, not as lazy translations.
    fields = {k: str(v) if isinstance(v, Promise) else v for k, v in fields.items()}
    figure = KeyFigure(
        organisation=organisation, challenge=challenge, computed_code=computed_code, **fields
    )
    figure.full_clean(exclude=["organisation", "challenge"])
    figure.save()
    audit_log(
        actor=actor,
        action="key_figure.added",
        obj=_figure_anchor(figure),
        organisation=organisation,
        after=snapshot(figure, FIGURE_FIELDS),
    )
    return figure


@transaction.atomic
def key_figure_update(
    *, actor, figure: KeyFigure, version: int | None = None, **fields
) -> KeyFigure:
    lock_version(figure, version)
    before = snapshot(figure, FIGURE_FIELDS)
    assign_fields(figure, fields, FIGURE_FIELDS)
    figure.full_clean(exclude=["organisation", "challenge"])
    save_versioned(figure, fields)
    audit_log(
        actor=actor,
        action="key_figure.changed",
        obj=_figure_anchor(figure),
        organisation=figure.organisation,
        before=before,
        after=snapshot(figure, FIGURE_FIELDS),
        data=subject_of(figure),
    )
    return figure


@transaction.atomic
def key_figure_delete(*, actor, figure: KeyFigure) -> None:
    audit_log(
        actor=actor,
        action="key_figure.deleted",
        obj=_figure_anchor(figure),
        organisation=figure.organisation,
        before=snapshot(figure, FIGURE_FIELDS),
    )
    figure.delete()


# --- The municipality's population projection -------------------------------------------------


@transaction.atomic
def projection_import(*, actor, organisation, upload) -> PopulationProjection:
    """Read an SSB projection file and keep its sums for the municipality, replacing the last
    import and keeping the care labour-years entered. A file that cannot be used whole raises
    ProjectionFileError before anything is written."""
    if not organisation.number:
        raise ProjectionFileError(
            _("Your organisation has no municipality number, so no projection fits it.")
        )
    records, table = read_upload(upload)
    summary = summarise(records, table=table, organisation=organisation)
    projection = (
        PopulationProjection.objects.select_for_update().filter(organisation=organisation).first()
    )
    before = _projection_snapshot(projection)
    projection = projection or PopulationProjection(organisation=organisation)
    projection.municipality_number = summary.municipality_number
    projection.alternative = summary.alternative
    projection.table = summary.table
    projection.first_year = summary.first_year
    projection.counts = {str(year): sums for year, sums in summary.counts.items()}
    projection.imported_at = timezone.now()
    if projection.care_labour_years_year not in (None, *summary.counts):
        # The labour-years were counted in a year the new projection does not hold.
        projection.care_labour_years = projection.care_labour_years_year = None
    projection.save()
    audit_log(
        actor=actor,
        action="population.imported",
        obj=organisation,
        organisation=organisation,
        before=before,
        after=_projection_snapshot(projection),
    )
    return projection


def _projection_snapshot(projection) -> dict:
    if projection is None:
        return {}
    return {
        "projection": f"{projection.table or '14288'} {projection.alternative} "
        f"{projection.first_year}–{max(projection.years)}",
        "care_labour_years": (
            None if projection.care_labour_years is None else str(projection.care_labour_years)
        ),
        "care_labour_years_year": projection.care_labour_years_year,
    }


@transaction.atomic
def projection_set_labour_years(
    *, actor, projection: PopulationProjection, labour_years, year: int
) -> PopulationProjection:
    """The care labour-years (årsverk i pleie og omsorg) the municipality has in `year`; None
    removes them."""
    projection = PopulationProjection.objects.select_for_update().get(pk=projection.pk)
    before = _projection_snapshot(projection)
    projection.care_labour_years = labour_years
    projection.care_labour_years_year = year if labour_years is not None else None
    projection.save(update_fields=["care_labour_years", "care_labour_years_year"])
    audit_log(
        actor=actor,
        action="projection.labour_years.changed",
        obj=projection.organisation,
        organisation=projection.organisation,
        before=before,
        after=_projection_snapshot(projection),
    )
    return projection
