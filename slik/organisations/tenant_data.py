"""Every row that belongs to one organisation, found without naming the apps that hold them.

A model belongs to the tenants when its default manager is a django-scopes `ScopedManager` with
an `organisation` dimension (`ScopedManager(organisation="case__organisation")`), or when it
points at `Organisation` directly (memberships). A new app's models are exported and erased
with the rest without anyone remembering to list them here.
"""

from __future__ import annotations

from graphlib import TopologicalSorter

from django.apps import apps
from django.db import models
from django.db.models import Q

from .models import Organisation

DIMENSION = "organisation"


def scope_dimensions(model: type[models.Model]) -> frozenset[str]:
    """The dimensions a model's scoped manager requires (empty for an ordinary manager)."""
    manager = model._default_manager
    if not hasattr(manager, "with_scope"):
        return frozenset()
    # With no dimension given, a scoped manager answers with a queryset naming what is missing.
    queryset = manager.with_scope().get_queryset()
    return frozenset(getattr(queryset, "missing_scopes", None) or ())


def _organisation_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Organisation
    ]


def is_tenant_model(model: type[models.Model]) -> bool:
    if model is Organisation or model._meta.auto_created:
        return False
    return DIMENSION in scope_dimensions(model) or bool(_organisation_fields(model))


def _depends_on(model: type[models.Model], among: set) -> set:
    return {
        field.related_model
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model in among and field.related_model is not model
    }


def tenant_models() -> list[type[models.Model]]:
    """Tenant-owned models, each after the models it refers to (the order to create them)."""
    found = {model for model in apps.get_models() if is_tenant_model(model)}
    graph = {model: _depends_on(model, found) for model in found}
    # Sort by label first so that the order is the same on every run.
    ordered = sorted(found, key=lambda model: model._meta.label)
    sorter = TopologicalSorter({model: graph[model] for model in ordered})
    return list(sorter.static_order())


def rows_of(model: type[models.Model], organisation: Organisation) -> models.QuerySet:
    """The model's rows that belong to `organisation`."""
    dimensions = scope_dimensions(model)
    if DIMENSION in dimensions:
        others = {name: None for name in dimensions if name != DIMENSION}
        return model._default_manager.with_scope(**others, **{DIMENSION: organisation.pk}).all()
    condition = Q()
    for name in _organisation_fields(model):
        condition |= Q(**{name: organisation})
    return model._base_manager.filter(condition)


def file_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name for field in model._meta.concrete_fields if isinstance(field, models.FileField)
    ]
