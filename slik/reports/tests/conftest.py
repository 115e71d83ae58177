"""A small portfolio for report tests: cases with Norwegian letters, a benefit with a kroner
indicator and a measurement, gate and board decisions, hypotheses, team, commission, goal."""

import datetime
import re
import shutil
import subprocess
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from django_scopes import scope

ARTIFACTS = Path(django_settings.BASE_DIR) / "test-artifacts"
YEAR = timezone.localdate().year


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_portfolio(org, actor, *, cases: int = 3, owner=None):
    from slik.benefits.models import Benefit, Indicator, Measurement
    from slik.benefits.services.summaries import indicator_summaries_update
    from slik.cases import services
    from slik.cases.models import CaseDecision, GateDecision, Hypothesis, Phase, Responsibility
    from slik.challenges.models import Challenge
    from slik.portfolio.models import Commission, PlanGoal

    today = timezone.localdate()
    with scope(organisation=org.pk):
        floke = Challenge.objects.create(organisation=org, title="Ensomhet blant eldre på øyene")
        made = []
        for n in range(cases):
            case = services.case_create(
                actor=actor,
                organisation=org,
                title=f"Æøå-sak {n + 1}: Trygghetsalarm på Sørøya",
                started_on=today - datetime.timedelta(days=40 + n),
                owner=owner,
                leader=owner,
                budget=Decimal(1250000 + n),
                hours=300 + n,
            )
            case.challenges.add(floke)
            made.append(case)
        first = made[0]
        first.summary = "Flere eldre skal bo trygt hjemme på øyene."
        first.phase = Phase.INNSIKT
        first.save()
        GateDecision.objects.create(
            case=first, from_phase=1, to_phase=2, decision="go", decided_by="Ledergruppen",
            decided_on=today, conditions="Intervju 15 brukere",
        )  # fmt: skip
        GateDecision.objects.create(
            case=made[-1], from_phase=1, to_phase=1, decision="stop", decided_by="Porteføljerådet",
            decided_on=today, reason="Ikke behov",
        )  # fmt: skip
        CaseDecision.objects.create(
            case=first, title="Velg leverandør", decided_by="Kommunedirektøren", decided_on=today
        )
        Hypothesis.objects.create(
            case=first, statement="Eldre ønsker digital tilsyn", result="refuted", learning="Nei"
        )
        Responsibility.objects.create(case=first, name="Åse Øvrebø", area="Innsikt", raci="R")
        benefit = Benefit.objects.create(
            organisation=org,
            case=first,
            title="Spart tid i hjemmetjenesten",
            status="partly_realised",
        )
        indicator = Indicator.objects.create(
            benefit=benefit, name="Kostnad", unit="kr", direction="lower",
            baseline_value=Decimal(500000), baseline_on=today - datetime.timedelta(days=300),
            target_value=Decimal(300000), target_on=today + datetime.timedelta(days=300),
        )  # fmt: skip
        Measurement.objects.create(indicator=indicator, measured_on=today, value=Decimal(423456))
        indicator_summaries_update([indicator.pk])
        commission = Commission.objects.create(
            organisation=org, body="Kommunestyret", decided_on=today, case_number="24/1234",
            title="Trygge eldre på øyene", text="=HYPERLINK(\"x\") kommunestyret ber om …",
        )  # fmt: skip
        commission.cases.add(first)
        goal = PlanGoal.objects.create(
            organisation=org, source="community_plan", title="@SUM(A1) Gode liv", year=YEAR
        )
        goal.cases.add(first)
    return made


def pdf_text(data: bytes) -> str:
    path = Path("/tmp") / f"slik-report-{id(data)}.pdf"
    path.write_bytes(data)
    try:
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
        return " ".join(text.split())  # table cells wrap; compare words, not lines
    finally:
        path.unlink(missing_ok=True)


def pdf_objects(data: bytes) -> bytes:
    """The raw PDF plus every Flate stream decompressed (object streams hide the catalog)."""
    found = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(found)


def save_first_page_png(data: bytes, name: str) -> Path | None:
    if shutil.which("pdftoppm") is None:
        return None
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"reports-{name}.pdf"
    pdf.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(ARTIFACTS / f"reports-{name}")],
        check=True,
    )  # fmt: skip
    pdf.unlink()
    return ARTIFACTS / f"reports-{name}.png"
