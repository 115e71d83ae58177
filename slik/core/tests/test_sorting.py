from django.contrib.auth.models import Group, Permission

from slik.core.sorting import norwegian_key, order_by_name


def test_norwegian_letters_come_after_z():
    names = ["Åsnes", "Ørsta", "Zeta", "Ærlig", "alta", "Bø"]
    assert sorted(names, key=norwegian_key) == ["alta", "Bø", "Zeta", "Ærlig", "Ørsta", "Åsnes"]


def test_case_is_ignored():
    assert norwegian_key("ÅSNES") == norwegian_key("åsnes")


def test_empty_and_none():
    assert norwegian_key(None) == ""


def test_order_by_name_on_queryset(db):
    for name in ["Årdal", "Østre Toten", "Alta", "Zeta", "Ås"]:
        Group.objects.create(name=name)
    ordered = [group.name for group in order_by_name(Group.objects.all())]
    assert ordered == ["Alta", "Zeta", "Østre Toten", "Årdal", "Ås"]


def test_order_by_related_field(db):
    group = Group.objects.create(name="Ledergruppen")
    group.permissions.set(Permission.objects.filter(codename__startswith="view_"))
    permissions = order_by_name(
        group.permissions.select_related("content_type"), "content_type__model"
    )
    models = [permission.content_type.model for permission in permissions]
    assert models == sorted(models, key=norwegian_key)
