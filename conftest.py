"""Test personas shared by every test (healthchecks' alice/bob/charlie, in SLIK's roles).

Hvaler is "our" municipality with one person in each role; Råde is the other municipality,
whose coordinator is the outsider every tenancy test uses. Tests that touch tenant data enter
the tenant scope explicitly (`with scope(organisation=…)`) – the safety net stays on.
"""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "test-passord-123"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so no outcome depends on the tests that ran before
    (benefit map drawings are cached by their content)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_sign_in_limits():
    """Sign-in lockout and reset limits stay on in tests; each test starts with clean counters.

    django-axes counts failures in the database, which is rolled back (or flushed) after each
    test; the password reset counters live in the "throttle" cache, emptied here.
    """
    from django.core.cache import caches

    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


@pytest.fixture
def make_user(db):
    from slik.accounts.models import User

    def make(email, full_name="", **extra):
        return User.objects.create_user(
            email=email, password=PASSWORD, full_name=full_name or email.split("@")[0], **extra
        )

    return make


def _organisation(number, name, slug):
    from slik.organisations.models import Organisation
    from slik.organisations.services import organisation_ensure_defaults

    org = Organisation.objects.create(
        kind=Organisation.Kind.MUNICIPALITY, number=number, name=name, short_name=name, slug=slug
    )
    organisation_ensure_defaults(organisation=org)
    return org


@pytest.fixture
def org(db):
    return _organisation("3110", "Hvaler", "hvaler")


@pytest.fixture
def other_org(db):
    return _organisation("3112", "Råde", "rade")


def _member(make_user, organisation, role, email, full_name, **extra):
    from slik.organisations.models import Membership

    user = make_user(email, full_name)
    Membership.objects.create(user=user, organisation=organisation, role=role, **extra)
    return user


@pytest.fixture
def coordinator(make_user, org):
    return _member(make_user, org, "coordinator", "koordinator@hvaler.test", "Kari Koordinator")


@pytest.fixture
def leader(make_user, org):
    return _member(
        make_user, org, "leader", "leder@hvaler.test", "Lars Leder", is_chief_executive=True
    )


@pytest.fixture
def second_leader(make_user, org):
    return _member(make_user, org, "leader", "kommunalsjef@hvaler.test", "Kristin Kommunalsjef")


@pytest.fixture
def project_leader(make_user, org):
    return _member(make_user, org, "project_leader", "prosjekt@hvaler.test", "Per Prosjekt")


@pytest.fixture
def employee(make_user, org):
    return _member(make_user, org, "employee", "ansatt@hvaler.test", "Anne Ansatt")


@pytest.fixture
def politician(make_user, org):
    return _member(make_user, org, "politician", "politiker@hvaler.test", "Paul Politiker")


@pytest.fixture
def observer(make_user, org):
    return _member(make_user, org, "observer", "observator@hvaler.test", "Olga Observatør")


@pytest.fixture
def outsider(make_user, other_org):
    """The coordinator of another municipality: must see nothing of Hvaler's."""
    return _member(make_user, other_org, "coordinator", "koordinator@rade.test", "Rita Råde")


@pytest.fixture
def personas(coordinator, leader, project_leader, employee, politician, observer):
    return {
        "coordinator": coordinator,
        "leader": leader,
        "project_leader": project_leader,
        "employee": employee,
        "politician": politician,
        "observer": observer,
    }


@pytest.fixture
def client_as(client):
    """`client_as(user)` – the Django test client signed in as `user`."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def case(org, coordinator, project_leader):
    """Hvaler's case most tests use: owned by the project leader, started on 1 January 2024."""
    import datetime

    from slik.cases.tests.factories import CaseFactory

    return CaseFactory(
        organisation=org,
        actor=coordinator,
        title="Ungdom inn i arbeid",
        owner=project_leader,
        started_on=datetime.date(2024, 1, 1),
    )
