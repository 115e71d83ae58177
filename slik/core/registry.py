"""The one way a lower app shows or runs something that belongs to a higher one.

Apps depend downward only, in the order tests/test_layers.py writes down. When a lower app must
show a higher app's panel, run its gate rule or list its audit labels, the lower app declares an
extension point with these classes and the higher app adds to it in its `AppConfig.ready()`.
The lower app never imports the higher one. Every extension point, and who registers what, is
listed in docs/architecture.md.

    # slik/cases/panels.py (the lower app declares the point)
    CASE_CREATE_WARNINGS = Registry("cases.create_warnings", "check(organisation) -> [text]")
    CASE_PAGE_PANELS = KeyedRegistry("cases.page_panels", "panel(request, case) by key")

    # slik/portfolio/apps.py (the higher app registers, once, at start-up)
    CASE_CREATE_WARNINGS.register(wip_create_warnings)
    CASE_PAGE_PANELS.register("status", case_status_panel)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Every extension point by name, for docs/architecture.md and the test that keeps them listed.
EXTENSION_POINTS: dict[str, Registry | KeyedRegistry] = {}


class Registry:
    """An ordered set of callables (or other items) added by higher apps."""

    def __init__(self, name: str, doc: str):
        if name in EXTENSION_POINTS:
            raise ValueError(f"Extension point {name!r} is declared twice.")
        self.name, self.doc = name, doc
        self._items: list = []
        EXTENSION_POINTS[name] = self

    def register(self, item):
        """Add `item` once (ready() may run twice in tests); returns it, so it can decorate."""
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self) -> Iterator:
        return iter(tuple(self._items))

    def __contains__(self, item) -> bool:
        return item in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self)} items>"


class KeyedRegistry:
    """Items under unique keys (audit labels by action code, reports by key)."""

    def __init__(self, name: str, doc: str):
        if name in EXTENSION_POINTS:
            raise ValueError(f"Extension point {name!r} is declared twice.")
        self.name, self.doc = name, doc
        self._items: dict[str, Any] = {}
        EXTENSION_POINTS[name] = self

    def register(self, key: str, item) -> Any:
        """Add `item` under `key`; the same item again is a no-op, another item is an error."""
        current = self._items.get(key)
        if current is not None and current != item:
            raise ValueError(f"{self.name}: {key!r} is registered twice.")
        self._items[key] = item
        return item

    def update(self, items: dict) -> None:
        for key, item in items.items():
            self.register(key, item)

    def unregister(self, key: str) -> None:
        """Take `key` out again (a test that registered a stand-in)."""
        self._items.pop(key, None)

    def get(self, key: str, default=None):
        return self._items.get(key, default)

    def __getitem__(self, key: str):
        return self._items[key]

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._items))

    def items(self):
        return tuple(self._items.items())

    def values(self):
        return tuple(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<KeyedRegistry {self.name}: {len(self)} items>"


# Work that runs by itself on an interval (measurement reminders), declared once by the app it
# belongs to and run by `manage.py run_jobs` (slik/core/schedule.py): `make run` starts it, and
# production runs it as a service or from cron with `--once`.
SCHEDULED_JOBS = KeyedRegistry(
    "core.scheduled_jobs", "ScheduledJob(key, task, interval) by key, run by `manage.py run_jobs`"
)
