"""A coordinator runs a case through its first gates: checklist, Go, "needs first", Back."""

from django_scopes import scope
from playwright.sync_api import expect

from slik.cases.models import Case, CaseStepCheck, GateDecision, Phase

from .conftest import assert_accessible, follow, login, logout


def _case(org, title) -> Case:
    with scope(organisation=org.pk):
        return Case.objects.get(organisation=org, title=title)


def _submit(page, label):
    follow(page, lambda: page.locator("#gate-form button[type=submit]").click(), label)


def _open_gate_form(page, case, label):
    follow(page, lambda: page.locator("#gate-link").click(), label)
    assert page.url.endswith(f"/case/{case.pk}/beslutningspunkt/")


def _back_to_case(page, case, label):
    link = page.locator(f"main a[href$='/case/{case.pk}/']").last
    follow(page, link.click, label)


def _create_case(page, title):
    follow(page, lambda: page.locator(".slik-nav a[href$='/case/']").click(), "cases")
    follow(page, lambda: page.locator("#case-create").click(), "new-case")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "case-error")
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Sensorer i stedet for **nattlige tilsyn**.")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "case")


def _tick_checklist(page, org, case):
    boxes = page.locator("#checklist input[type=checkbox]")
    assert boxes.count() >= 2
    second_step = page.locator("#checklist .slik-checklist label").nth(1).inner_text().strip()
    boxes.nth(0).check()
    boxes.nth(1).check()  # at once: each box saves its own step, one request after the other
    # The live region names the step saved last: both requests are answered.
    expect(page.locator("#checklist-status")).to_contain_text(second_step)
    expect(page.locator("#checklist input[type=checkbox]:checked")).to_have_count(2)
    assert_accessible(page, "checklist-ticked")
    with scope(organisation=org.pk):
        assert CaseStepCheck.objects.filter(case=case, is_done=True).count() == 2


def _go_to_insight(page, org, case):
    _open_gate_form(page, case, "gate-anchoring")
    page.locator("input[name=decision][value=go]").check()
    page.locator("#id_basis").fill("Forankret i ledergruppen.")
    _submit(page, "gate-go-recorded")
    assert _case(org, case.title).phase == Phase.INNSIKT
    _back_to_case(page, case, "case-in-insight")
    expect(page.locator("#phase-track li[aria-current=step]")).to_have_attribute(
        "data-phase", str(Phase.INNSIKT)
    )


def _leave_insight_with_override(page, org, case):
    _open_gate_form(page, case, "gate-insight")
    expect(page.locator("#gate-warnings")).to_be_visible()
    page.locator("input[name=decision][value=go]").check()
    _submit(page, "gate-override-missing")
    expect(page.locator("#id_override_reason")).to_have_attribute("aria-invalid", "true")
    assert _case(org, case.title).phase == Phase.INNSIKT
    page.locator("input[name=decision][value=go]").check()
    page.locator("#id_override").check()
    page.locator("#id_override_reason").fill("Brukerne er kartlagt i et tidligere prosjekt.")
    _submit(page, "gate-override-recorded")
    assert _case(org, case.title).phase == Phase.TJENESTEUTVIKLING
    _back_to_case(page, case, "case-in-development")


def _go_back_with_reason(page, org, case):
    _open_gate_form(page, case, "gate-development")
    page.locator("input[name=decision][value=back]").check()
    page.locator("#id_to_phase").select_option(str(Phase.INNSIKT))
    _submit(page, "gate-back-missing-reason")
    expect(page.locator("#id_reason")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_to_phase")).to_have_value(str(Phase.INNSIKT))
    page.locator("input[name=decision][value=back]").check()
    page.locator("#id_reason").fill("Vi må snakke med nattevaktene først.")
    _submit(page, "gate-back-recorded")
    assert _case(org, case.title).phase == Phase.INNSIKT
    _back_to_case(page, case, "case-history")


def test_coordinator_takes_a_case_through_gates_and_sees_its_history(page, org, coordinator):
    login(page, coordinator)
    _create_case(page, "Digitalt nattilsyn")
    case = _case(org, "Digitalt nattilsyn")
    assert page.url.endswith(f"/case/{case.pk}/")
    expect(page.locator("#phase-track li[aria-current=step]")).to_have_attribute(
        "data-phase", str(Phase.FORANKRING)
    )

    _tick_checklist(page, org, case)
    _go_to_insight(page, org, case)
    _leave_insight_with_override(page, org, case)
    _go_back_with_reason(page, org, case)

    with scope(organisation=org.pk):
        gates = list(GateDecision.objects.filter(case=case).order_by("id"))
    assert [(g.decision, g.from_phase, g.to_phase) for g in gates] == [
        ("go", Phase.FORANKRING, Phase.INNSIKT),
        ("go", Phase.INNSIKT, Phase.TJENESTEUTVIKLING),
        ("back", Phase.TJENESTEUTVIKLING, Phase.INNSIKT),
    ]
    assert gates[0].checklist[:2] == [
        {"step": gates[0].checklist[0]["step"], "done": True},
        {"step": gates[0].checklist[1]["step"], "done": True},
    ]
    assert gates[1].override_reason and gates[2].reason
    # The case page shows all three decisions and the history with the reasons.
    expect(page.locator("#gate-table tbody tr")).to_have_count(3)
    history = page.locator(".slik-history")
    expect(history).to_contain_text("Brukerne er kartlagt i et tidligere prosjekt.")
    expect(history).to_contain_text("Vi må snakke med nattevaktene først.")
    logout(page)
