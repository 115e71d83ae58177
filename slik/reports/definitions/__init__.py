"""SLIK's own reports. Each module defines `DEFINITION`; `register_all` puts them in the registry
(called from ReportsConfig.ready). Reports of the apps below (the board's minutes) live here too:
the reports app may import them, they never import it."""

from ..registry import register


def register_all() -> None:
    from . import annual, board_minutes, case_onepager, council, export

    for module in (case_onepager, board_minutes, council, export, annual):
        register(module.DEFINITION)
