"""«Mine målinger» and the calendar subscription are reached from the menus, not by typing the
address: a benefit responsible signs in, opens «Mine målinger» from the main menu and finds the
reminder the scheduled job made, then opens the calendar subscription from the user menu. The
user menu still fits a 320 px wide screen. Every page goes through axe."""

import re

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from slik.benefits.tests.factories import BenefitFactory, IndicatorFactory
from slik.core.schedule import Scheduler

from .conftest import follow, login


def _menu_link(page, menu: str, label: str):
    with translation.override("nb"):
        menu_name, link_name = gettext(menu), gettext(label)
    return page.get_by_role("navigation", name=menu_name).get_by_role(
        "link", name=link_name, exact=True
    )


def test_my_measurements_and_the_calendar_from_the_menus(page, case, project_leader):
    benefit = BenefitFactory(case=case, title="Færre sykedager", responsible=project_leader)
    indicator = IndicatorFactory(benefit=benefit, name="Sykefravær i hjemmetjenesten")
    # The measurement reminder, made by the scheduled job as `make run` makes it.
    assert "benefits.measurement_reminders" in Scheduler().run_due()

    login(page, project_leader)
    follow(page, lambda: _menu_link(page, "Main menu", "My measurements").click(), "my-tasks")
    expect(page).to_have_url(re.compile(rf"/k/{case.organisation.slug}/gevinster/oppgaver/$"))
    expect(page.locator("#task-list")).to_contain_text(indicator.name)
    expect(_menu_link(page, "Main menu", "My measurements")).to_have_attribute(
        "aria-current", "page"
    )

    follow(page, lambda: _menu_link(page, "Your account", "Calendar").click(), "calendar")
    expect(page).to_have_url(re.compile(rf"/k/{case.organisation.slug}/gevinster/kalender/$"))
    expect(page.locator("#calendar-url")).to_have_value(re.compile(r"/kalender/[^/]+\.ics$"))

    # The user menu shares one line with the name and «Sign out»; on a phone it must not make
    # the page wider than the screen.
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.querySelector('.slik-usernav').getBoundingClientRect().right")
    assert width <= 320, f"the user menu reaches {width} px on a 320 px screen"
