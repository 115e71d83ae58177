"""Thought-provoking figures (tankevekkende tall) of a floke or of the whole municipality."""

from __future__ import annotations

from django.db import transaction

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned, subject_of

from ..models import KeyFigure
from .fields import assign_fields

FIGURE_FIELDS = ("label", "value", "unit", "year", "source", "comment")


def _figure_anchor(figure: KeyFigure):
    """Figures of a floke appear in the floke's history; others in the organisation's."""
    return figure.challenge if figure.challenge_id else figure.organisation


@transaction.atomic
def key_figure_create(*, actor, organisation, challenge=None, computed_code="", **fields):
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
