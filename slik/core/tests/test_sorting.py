from slik.core.sorting import norwegian_key, order_by_name
from slik.organisations.models import Membership, Organisation


def test_norwegian_letters_come_after_z():
    names = ["Åsnes", "Ørsta", "Zeta", "Ærlig", "alta", "Bø"]
    assert sorted(names, key=norwegian_key) == ["alta", "Bø", "Zeta", "Ærlig", "Ørsta", "Åsnes"]


def test_case_is_ignored():
    assert norwegian_key("ÅSNES") == norwegian_key("åsnes")


def test_empty_and_none():
    assert norwegian_key(None) == ""


def test_order_by_name_on_queryset(db):
    for name in ["Årdal", "Østre Toten", "Alta", "Zeta", "Ås"]:
        Organisation.objects.create(
            kind="municipality",
            name=name,
            short_name=name,
            slug=name.lower().replace(" ", "-").replace("å", "a").replace("ø", "o"),
        )
    ordered = [o.name for o in order_by_name(Organisation.objects.all())]
    assert ordered == ["Alta", "Zeta", "Østre Toten", "Årdal", "Ås"]


def test_order_by_related_field(personas, org):
    members = order_by_name(
        Membership.objects.filter(organisation=org).select_related("user"), "user__full_name"
    )
    names = [m.user.full_name for m in members]
    assert names == sorted(names, key=norwegian_key)
    assert names[-1] == "Per Prosjekt"
