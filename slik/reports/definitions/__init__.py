"""SLIK's own reports. Each module defines `DEFINITION`; `register_all` puts them in the registry
(called from ReportsConfig.ready). Domain apps register theirs the same way in their own ready."""

from ..registry import register


def register_all() -> None:
    from . import annual, case_onepager, council, export

    for module in (case_onepager, council, export, annual):
        register(module.DEFINITION)
