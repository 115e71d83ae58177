"""`manage.py load_demo`: the whole demo, once. A second run finds it and changes nothing."""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope

from slik.accounts.models import User
from slik.cases import services as case_services
from slik.cases.models import Case
from slik.challenges import services as challenge_services
from slik.organisations.models import Organisation

from .accounts import DEMO_PEOPLE, HVALER, RADE
from .build_benefits import benefits_exist, build_benefits
from .build_cases import build_cases
from .build_floker import build_floker
from .build_portfolio import build_portfolio
from .data_cases import RADE_CASE, RADE_FLOKE, YOUTH_CASE
from .organisations import ensure_organisations, ensure_people, import_reference_data


def demo_exists() -> bool:
    org = Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY, number=HVALER).first()
    if org is None:
        return False
    with scope(organisation=org.pk):
        return Case.objects.filter(organisation=org, title=YOUTH_CASE).exists()


def load_demo(*, write=print) -> bool:
    """Load the demo; False when it was already there."""
    if demo_exists():
        added = _add_missing()
        if added:
            parts = ", ".join(str(part) for part in added)
            write(_("Added to the demo data loaded earlier: %(parts)s.") % {"parts": parts})
            return True
        write(_("The demo data is already loaded; nothing changed."))
        return False
    import_reference_data(write)
    # Names computed from data (figure labels) are stored in the default language.
    with translation.override("nb"):
        _build()
    write(_("Demo data loaded."))
    return True


@transaction.atomic
def _build() -> None:
    orgs = ensure_organisations()
    people = ensure_people(orgs)
    hvaler, rade = orgs[HVALER], orgs[RADE]
    with scope(organisation=hvaler.pk):
        floker = build_floker(organisation=hvaler, people=people)
        build_cases(organisation=hvaler, people=people, floker=floker)
        build_benefits(organisation=hvaler, people=people)
        build_portfolio(organisation=hvaler, people=people)
    with scope(organisation=rade.pk):
        _build_rade(rade, people["rade_coordinator"])


@transaction.atomic
def _add_missing() -> list:
    """A demo loaded before the benefits or portfolio apps existed gets their parts (once);
    returns their names, lazily translated, for the output's language (this runs in bokmål)."""
    hvaler = Organisation.objects.get(kind=Organisation.Kind.MUNICIPALITY, number=HVALER)
    added = []
    with scope(organisation=hvaler.pk), translation.override("nb"):
        people = {
            person.key: User.objects.get(email=person.email)
            for person in DEMO_PEOPLE
            if person.municipality == HVALER
        }
        if not benefits_exist(hvaler):
            build_benefits(organisation=hvaler, people=people)
            added.append(gettext_lazy("benefits"))
        added += build_portfolio(organisation=hvaler, people=people)
    return added


def _build_rade(organisation, coordinator) -> None:
    challenge = challenge_services.challenge_create(
        actor=coordinator, organisation=organisation, **RADE_FLOKE
    )
    case_services.case_create(
        actor=coordinator,
        organisation=organisation,
        title=RADE_CASE,
        challenges=[challenge],
        summary="Flere lærlinger i helse og omsorg, med faste veiledere.",
    )
