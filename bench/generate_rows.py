"""The rows of the benchmark data set: floker and cases with full histories (bulk_create only).

Imported after Django is set up (by bench.generate).
"""

from __future__ import annotations

import datetime

from slik.cases.models import (
    Case,
    CaseDecision,
    CaseStepCheck,
    GateDecision,
    Hypothesis,
    Insight,
    PhasePeriod,
)
from slik.challenges.models import Challenge, CriterionScore, KeyFigure, Stakeholder
from slik.core.models import AuditEvent

BATCH = 2000
PHASE_WEIGHTS = [(1, 6), (2, 6), (3, 6), (4, 5), (5, 4), (6, 3)]
CHALLENGE_STATUSES = ["candidate"] * 5 + ["prioritised"] * 3 + ["in_work", "set_aside"]
WORDS = [
    "ungdom",
    "eldre",
    "omsorg",
    "skole",
    "bolig",
    "ensomhet",
    "rekruttering",
    "digitalisering",
    "transport",
    "frivillighet",
    "integrering",
    "folkehelse",
    "barnehage",
    "hjemmetjeneste",
    "vann",
    "klima",
    "næring",
]


def _bulk(model, rows) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _title(rng, prefix: str) -> str:
    return f"{prefix} {' og '.join(rng.sample(WORDS, 2))} {rng.randint(1, 999)}"


def _event(gen, *, org, actor, action, obj, content_type, data=None) -> AuditEvent:
    return AuditEvent(
        organisation=org,
        actor=actor,
        action=action,
        content_type=content_type,
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        data=data or {},
    )


# --- floker -----------------------------------------------------------------------------------


def add_floker(gen, contexts, count: int) -> dict[int, list]:
    """`count` floker per organisation with sectors, scores from every leader and stakeholders."""
    rng = gen.rng
    challenges = []
    for ctx in contexts:
        for _index in range(count):
            challenges.append(
                Challenge(
                    organisation=ctx["org"],
                    title=_title(rng, "Floke om"),
                    description="Generert for ytelsestesten. " * 8,
                    status=rng.choice(CHALLENGE_STATUSES),
                    owner=ctx["leaders"][0],
                    created_by=ctx["leaders"][0],
                    external_actors=["users"],
                    is_published=rng.random() < 0.4,
                )
            )
    _bulk(Challenge, challenges)
    by_org: dict[int, list] = {}
    for challenge in challenges:
        by_org.setdefault(challenge.organisation_id, []).append(challenge)
    _floke_children(gen, contexts, by_org)
    return by_org


def _floke_children(gen, contexts, by_org) -> None:
    rng = gen.rng
    sectors, scores, stakeholders, figures, events = [], [], [], [], []
    through = Challenge.sectors.through
    for ctx in contexts:
        org = ctx["org"]
        for challenge in by_org[org.pk]:
            for sector_id in rng.sample(ctx["sectors"], min(2, len(ctx["sectors"]))):
                sectors.append(through(challenge_id=challenge.pk, sector_id=sector_id))
            for leader in ctx["leaders"]:
                scores.extend(
                    CriterionScore(
                        organisation=org,
                        criterion_id=criterion_id,
                        challenge=challenge,
                        rater=leader,
                        score=rng.randint(1, 5),
                    )
                    for criterion_id in ctx["criteria"]
                )
                events.append(
                    _event(
                        gen,
                        org=org,
                        actor=leader,
                        action="challenge.scored",
                        obj=challenge,
                        content_type=gen.challenge_type,
                    )
                )
            for name in ("Brukerrådet", "Tillitsvalgte"):
                stakeholders.append(
                    Stakeholder(
                        organisation=org,
                        challenge=challenge,
                        name=name,
                        interest=rng.randint(1, 5),
                        influence=rng.randint(1, 5),
                        strategy="keep_informed",
                    )
                )
            figures.append(
                KeyFigure(
                    organisation=org,
                    challenge=challenge,
                    label="Andel innbyggere 80 år og over",
                    value=rng.randint(300, 900) / 100,
                    unit="%",
                    year=2026,
                )
            )
            events.append(
                _event(
                    gen,
                    org=org,
                    actor=ctx["leaders"][0],
                    action="challenge.created",
                    obj=challenge,
                    content_type=gen.challenge_type,
                )
            )
    for model, rows in (
        (through, sectors),
        (CriterionScore, scores),
        (Stakeholder, stakeholders),
        (KeyFigure, figures),
        (AuditEvent, events),
    ):
        _bulk(model, rows)


# --- cases ------------------------------------------------------------------------------------


def _phase(rng) -> int:
    phases, weights = zip(*PHASE_WEIGHTS, strict=True)
    return rng.choices(phases, weights)[0]


def add_cases(gen, contexts, count: int, challenges: dict[int, list]) -> list[Case]:
    rng = gen.rng
    cases = []
    for ctx in contexts:
        for _index in range(count):
            status = rng.choices(["active", "postponed", "stopped"], [16, 2, 2])[0]
            cases.append(
                Case(
                    organisation=ctx["org"],
                    title=_title(rng, "Case om"),
                    summary="Generert for ytelsestesten. " * 10,
                    owner=rng.choice(ctx["leaders"]),
                    leader=rng.choice(ctx["leaders"]),
                    units="Oppvekst, helse",
                    template=ctx["template"],
                    phase=_phase(rng),
                    status=status,
                    created_by=ctx["leaders"][0],
                    is_published=rng.random() < 0.3,
                    # Resources for the portfolio dashboard; one case in ten has none yet.
                    budget=rng.randrange(50_000, 3_000_000, 10_000) if rng.random() < 0.9 else None,
                    hours=rng.randrange(100, 5_000, 50) if rng.random() < 0.9 else None,
                )
            )
    _bulk(Case, cases)
    org_context = {ctx["org"].pk: ctx for ctx in contexts}
    links = [
        Case.challenges.through(
            case_id=case.pk, challenge_id=rng.choice(challenges[case.organisation_id]).pk
        )
        for case in cases
    ]
    _bulk(Case.challenges.through, links)
    _case_histories(gen, cases, org_context)
    return cases


def _case_histories(gen, cases, org_context) -> None:
    rows: dict[type, list] = {
        model: []
        for model in (
            PhasePeriod,
            GateDecision,
            CaseStepCheck,
            Hypothesis,
            Insight,
            CaseDecision,
            AuditEvent,
        )
    }
    for case in cases:
        _history(gen, case, org_context[case.organisation_id], rows)
    for model, items in rows.items():
        _bulk(model, items)


def _history(gen, case, ctx, rows) -> None:
    """Phase periods and gate decisions up to the case's phase, with checks and records."""
    rng, org, actor = gen.rng, ctx["org"], case.created_by
    day = gen.today - datetime.timedelta(days=rng.randint(60 * case.phase, 150 * case.phase))
    rows[AuditEvent].append(_case_event(gen, case, actor, "case.created"))
    for phase in range(1, case.phase + 1):
        end = None if phase == case.phase else day + datetime.timedelta(days=rng.randint(20, 90))
        if phase == case.phase and case.status == "stopped":
            end = gen.today - datetime.timedelta(days=rng.randint(1, 30))
        rows[PhasePeriod].append(PhasePeriod(case=case, phase=phase, started_on=day, ended_on=end))
        steps = ctx["steps"].get(phase, [])
        done = steps if end else steps[: len(steps) // 2]
        rows[CaseStepCheck].extend(
            CaseStepCheck(case=case, step_id=step_id, is_done=True, done_by=actor)
            for step_id in done
        )
        rows[AuditEvent].append(_case_event(gen, case, actor, "case.checklist.changed"))
        if end is not None:
            last = phase == case.phase
            decision = "stop" if last else "go"
            rows[GateDecision].append(
                GateDecision(
                    case=case,
                    from_phase=phase,
                    to_phase=phase if last else phase + 1,
                    decision=decision,
                    decided_by="Ledergruppen",
                    decided_on=end,
                    basis="Statusrapport og sjekkliste.",
                    reason="Stanset etter innsikt." if last else "",
                    checklist=[{"step": "Steg", "done": True}] * len(steps),
                    recorded_by=actor,
                )
            )
            rows[AuditEvent].append(_case_event(gen, case, actor, f"case.gate.{decision}"))
            day = end
    _records(gen, case, org, actor, rows)


def _records(gen, case, org, actor, rows) -> None:
    rng = gen.rng
    for index in range(2):
        rows[Hypothesis].append(
            Hypothesis(
                case=case,
                statement=f"Hypotese {index + 1}: brukerne vil {rng.choice(WORDS)}.",
                result=rng.choice(["open", "confirmed", "refuted"]),
            )
        )
        rows[Insight].append(
            Insight(
                case=case,
                kind=rng.choice(["need", "interview", "observation"]),
                title=f"Innsikt om {rng.choice(WORDS)}",
                description="Generert innsikt. " * 6,
                recorded_on=gen.today - datetime.timedelta(days=rng.randint(1, 400)),
                created_by=actor,
            )
        )
        rows[AuditEvent].append(_case_event(gen, case, actor, "case.hypothesis.added"))
        rows[AuditEvent].append(_case_event(gen, case, actor, "case.insight.added"))
    rows[CaseDecision].append(
        CaseDecision(
            case=case,
            title="Prosjektmandat vedtatt",
            decided_by="Ledergruppen",
            decided_on=gen.today - datetime.timedelta(days=rng.randint(1, 400)),
            recorded_by=actor,
        )
    )


def _case_event(gen, case, actor, action) -> AuditEvent:
    return _event(
        gen,
        org=case.organisation,
        actor=actor,
        action=action,
        obj=case,
        content_type=gen.case_type,
    )
