"""Reads compiled once (slik/core/compiled.py) give what the ORM gives, on SQLite and
PostgreSQL: the session, the signed-in person and their memberships are read this way on every
request."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from slik.accounts.backends import PasswordBackend
from slik.accounts.sessions import SessionStore
from slik.accounts.tests.factories import UserFactory
from slik.core.compiled import CompiledRead
from slik.organisations.models import Membership
from slik.organisations.tenancy import memberships_of
from slik.organisations.tests.factories import OrganisationFactory, member


def _fields(obj) -> dict:
    return {name: value for name, value in obj.__dict__.items() if name != "_state"}


def test_memberships_are_the_orms_with_their_organisations(db):
    first, second = OrganisationFactory(), OrganisationFactory()
    user = member(first)
    Membership.objects.create(user=user, organisation=second, role="leader")
    member(second)  # someone else's
    expected = {
        m.organisation_id: m
        for m in Membership.objects.filter(user=user).select_related("organisation")
    }
    with CaptureQueriesContext(connection) as queries:
        found = memberships_of(user)
        names = {m.organisation.slug for m in found.values()}
    assert len(queries) == 1  # the organisations came with the memberships
    assert names == {first.slug, second.slug}
    assert found.keys() == expected.keys()
    for pk, read in found.items():
        assert _fields(read) == _fields(expected[pk])
        assert _fields(read.organisation) == _fields(expected[pk].organisation)
        assert read._state.adding is False
    # Converted as the ORM converts: an aware datetime, not the database's text.
    assert isinstance(found[first.pk].created_at, datetime.datetime)
    assert timezone.is_aware(found[first.pk].created_at)


def test_the_person_is_read_as_model_backend_reads_them(db):
    user = UserFactory()
    backend = PasswordBackend()
    read = backend.get_user(str(user.pk))
    assert _fields(read) == _fields(type(user).objects.get(pk=user.pk))
    assert backend.get_user("not a number") is None
    assert backend.get_user(str(user.pk + 1000)) is None
    user.is_active = False
    user.save()
    assert backend.get_user(user.pk) is None


def test_a_session_is_read_until_it_expires(db):
    store = SessionStore()
    store["colour"] = "blå"
    store.create()
    assert SessionStore(store.session_key).load() == {"colour": "blå"}
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None
    assert SessionStore("unknown-key-of-some-length").load() == {}


def test_a_marker_must_appear_once(db):
    read = CompiledRead(lambda pk: Membership.objects.filter(pk=pk, user_id=pk), -1)
    with pytest.raises(ValueError, match="once"):
        read.objects(1)
    missing = CompiledRead(lambda pk: Membership.objects.all(), -1)
    with pytest.raises(ValueError, match="once"):
        missing.objects(1)


def test_values_list_rows_in_the_asked_order_with_annotations(db):
    from django.db.models import F, Value
    from django.db.models.functions import Upper

    organisation = OrganisationFactory(name="Ås kommune")

    def build(pk):
        return (
            type(organisation)
            .objects.filter(pk=pk)
            .annotate(shout=Upper("name"), constant=Value(7))
            .values_list("shout", "pk", "constant", "valid_from", F("slug"))
        )

    read = CompiledRead(build, -7_300_901)
    assert read.rows(organisation.pk) == list(build(organisation.pk))
    assert read.rows(organisation.pk)[0][:3] == ("ÅS KOMMUNE", organisation.pk, 7)
    assert read.rows(-1) == []
    with pytest.raises(TypeError):
        read.objects(organisation.pk)


def test_objects_carry_annotations_and_defer_what_only_leaves_out(db):
    from django.db.models import F

    user = member(OrganisationFactory())

    def build(user_id):
        return (
            Membership.objects.filter(user_id=user_id)
            .only("pk", "role", "organisation_id")
            .annotate(org_slug=F("organisation__slug"))
        )

    read = CompiledRead(build, -7_300_902)
    (found,) = read.objects(user.pk)
    (expected,) = build(user.pk)
    assert found.org_slug == expected.org_slug
    assert found.get_deferred_fields() == expected.get_deferred_fields() != set()
    title = expected.title
    with CaptureQueriesContext(connection) as queries:
        assert found.title == title  # a deferred field is read when used
    assert len(queries) == 1
    with pytest.raises(TypeError):
        read.rows(user.pk)
    with pytest.raises(TypeError):
        read.objects()


def test_a_marker_outside_its_fields_range_is_refused(db):
    from slik.cases.models import PhasePeriod

    read = CompiledRead(lambda phase: PhasePeriod.objects.filter(phase=phase), -5)
    with pytest.raises(ValueError, match="range"):
        read.objects(1)


def test_an_id_beyond_every_integer_column_finds_nothing(db):
    read = CompiledRead(lambda pk: Membership.objects.filter(pk=pk), -7_300_903)
    assert read.objects(10**25) == []
    assert read.objects(-(10**25)) == []
