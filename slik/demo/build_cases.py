"""The demo cases, played through the cases app's services so phases, history and audit are real."""

from __future__ import annotations

import datetime

from django.utils import timezone

from slik.cases import services as case_services
from slik.cases.models import Case, Hypothesis

from .data_cases import CASES, LEADER_GROUP


def build_cases(*, organisation, people, floker) -> dict[str, Case]:
    today = timezone.localdate()
    cases = {}
    for spec in CASES:
        case = case_services.case_create(
            actor=people["coordinator"],
            organisation=organisation,
            title=spec["title"],
            challenges=[floker[key] for key in spec["floker"]],
            started_on=today - datetime.timedelta(days=spec["started"]),
            summary=spec["summary"],
            owner=people[spec["owner"]],
            leader=people["project_leader"],
            units=spec["units"],
            partners=spec["partners"],
            innovation_type=spec["innovation_type"],
            oecd_facet=spec["oecd_facet"],
        )
        player = _Player(case=case, people=people, today=today)
        for event in spec["events"]:
            player.play(event)
        if spec["published"]:
            case_services.case_publish(actor=people["leader"], case=case, is_published=True)
        cases[spec["title"]] = case
    return cases


class _Player:
    """Plays one case's script (see data_cases) through the services."""

    def __init__(self, *, case, people, today):
        self.case, self.people, self.today = case, people, today
        self.project_leader = people["project_leader"]

    def play(self, event) -> None:
        kind, days, *args = event
        getattr(self, f"_{kind}")(self.today - datetime.timedelta(days=days), *args)

    def _steps(self, on, phase, how_many) -> None:
        steps = list(self.case.template.steps.filter(phase=phase).values_list("pk", flat=True))
        case_services.case_checklist_set(
            actor=self.project_leader, case=self.case, phase=phase, done_step_ids=steps[:how_many]
        )

    def _gate(self, on, decision, fields) -> None:
        case_services.case_gate_decide(
            actor=self.people["coordinator"],
            case=self.case,
            decision=decision,
            decided_by=LEADER_GROUP,
            decided_on=on,
            **fields,
        )

    def _record(self, on, kind, values) -> None:
        values = dict(values)
        if kind == "insight":
            values.setdefault("recorded_on", on)
        if kind == "decision":
            values.setdefault("decided_on", on)
        case_services.case_record_create(
            actor=self.project_leader, case=self.case, kind=kind, values=values
        )

    def _result(self, on, index, result, learning) -> None:
        hypothesis = list(Hypothesis.objects.filter(case=self.case))[index]
        case_services.case_record_update(
            actor=self.project_leader,
            record=hypothesis,
            values={"result": result, "learning": learning},
        )

    def _stakeholder(self, on, row) -> None:
        name, group, interest, influence, attitude, involvement = row
        case_services.case_record_create(
            actor=self.project_leader,
            case=self.case,
            kind="stakeholder",
            values={
                "name": name,
                "group": group,
                "interest": interest,
                "influence": influence,
                "attitude": attitude,
                "planned_involvement": involvement,
            },
        )
