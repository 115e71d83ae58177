"""Reads of a fixed shape whose SQL Django compiles once per process.

Every signed-in request reads its session and the person's memberships before the view runs.
Compiling those queries (columns, joins, lookups) cost several times running them on SQLite
(memberships with their organisation: ≈ 0.22 ms of 0.28 ms), on every page. `CompiledRead`
lets the ORM write the SQL once, from the same queryset as before, and then only runs it: the
same rows, the same database converters, the same model instances with their `select_related`
objects as iterating the queryset gives.

Only for reads whose shape never changes. The values that change from call to call are given
as *markers* – an int or a str the query would never be asked for – which must each appear
exactly once among the compiled query's parameters (checked when it is compiled), and lie within
the range of the field it stands for. The query
is built with django-scopes disabled, so a scope's organisation can never be compiled into it:
a read of tenant data must take the organisation as a marker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import get_related_populators
from django_scopes import scopes_disabled

_INT64 = (-(2**63), 2**63 - 1)


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple
    slots: tuple  # per parameter: the index of the marker it stands for, or None
    compiler: object
    converters: dict  # position → (converters, expression), as SQLCompiler.get_converters
    # A queryset of model instances: the instance's columns, its select_related objects and
    # its annotations (name → position). None for a values_list().
    model: type | None
    init_list: tuple
    model_slice: slice | None
    populators: list
    annotations: dict


class CompiledRead:
    def __init__(self, build: Callable[..., QuerySet], *markers: int | str, using: str = "default"):
        self._build = build
        self._markers = markers
        self._using = using
        self._plan: _Plan | None = None
        self._vendor = ""

    def _compile(self) -> _Plan:
        with scopes_disabled():
            queryset = self._build(*self._markers)
        compiler = queryset.query.get_compiler(using=self._using)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet as exc:
            # Django answers a lookup outside the field's range (a negative marker for a
            # positive integer field) with «nothing» instead of SQL.
            raise ValueError("A marker is outside the range of the field it stands for") from exc
        slots = tuple(self._markers.index(p) if p in self._markers else None for p in params)
        for index, marker in enumerate(self._markers):
            if slots.count(index) != 1:
                raise ValueError(f"Marker {marker!r} must appear once in the query's parameters")
        select, klass_info = compiler.select, compiler.klass_info
        plan = {
            "sql": sql,
            "params": tuple(params),
            "slots": slots,
            "compiler": compiler,
            "converters": compiler.get_converters([column for column, _sql, _alias in select]),
            "model": None,
            "init_list": (),
            "model_slice": None,
            "populators": [],
            "annotations": {},
        }
        if queryset._fields is not None:
            # A values_list(): Django 5.2 selects its columns in the order asked for.
            return _Plan(**plan)
        fields = klass_info["select_fields"]
        model_slice = slice(fields[0], fields[-1] + 1)
        plan.update(
            model=klass_info["model"],
            init_list=tuple(column.target.attname for column, _s, _a in select[model_slice]),
            model_slice=model_slice,
            populators=get_related_populators(klass_info, select, self._using),
            annotations=dict(compiler.annotation_col_map or {}),
        )
        return _Plan(**plan)

    def _current_plan(self) -> _Plan:
        # Compiled per database vendor: the test suite runs on SQLite and PostgreSQL.
        vendor = connections[self._using].vendor
        if self._plan is None or vendor != self._vendor:
            self._plan, self._vendor = self._compile(), vendor
        return self._plan

    def _run(self, values) -> tuple[_Plan, list]:
        plan = self._current_plan()
        if len(values) != len(self._markers):
            raise TypeError(f"{len(self._markers)} values expected, {len(values)} given")
        if any(isinstance(value, int) and not _INT64[0] <= value <= _INT64[1] for value in values):
            # What the ORM answers for an id beyond every integer column (a URL can carry one),
            # where SQLite would raise OverflowError and PostgreSQL a DataError.
            return plan, []
        params = [
            values[slot] if slot is not None else fixed
            for slot, fixed in zip(plan.slots, plan.params, strict=True)
        ]
        connection = connections[self._using]
        with connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            rows = cursor.fetchall()
        if not plan.converters:
            return plan, rows
        # As SQLCompiler.apply_converters, with this thread's connection.
        converted = []
        for row in rows:
            row = list(row)
            for position, (converters, expression) in plan.converters.items():
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
            converted.append(row)
        return plan, converted

    def objects(self, *values) -> list:
        """The model instances the queryset built with `values` in place of the markers gives,
        in its order, with their select_related objects and annotations."""
        plan, rows = self._run(values)
        if plan.model is None:
            raise TypeError("A values_list() read gives rows(), not objects()")
        found = []
        for row in rows:
            obj = plan.model.from_db(self._using, plan.init_list, row[plan.model_slice])
            for populator in plan.populators:
                populator.populate(row, obj)
            for name, position in plan.annotations.items():
                setattr(obj, name, row[position])
            found.append(obj)
        return found

    def rows(self, *values) -> list[tuple]:
        """The tuples the values_list() queryset built with `values` in place of the markers
        gives, in its order."""
        plan, rows = self._run(values)
        if plan.model is not None:
            raise TypeError("A read of model instances gives objects(), not rows()")
        return [tuple(row) for row in rows]


def sql_rows(sql: str, params=(), using: str = "default") -> list[tuple]:
    """The rows of an SQL text (for reads whose shape varies, written as SQL beside a test
    against the ORM; a fixed shape is a `CompiledRead`)."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
