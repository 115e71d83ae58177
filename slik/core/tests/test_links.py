from django.urls import reverse

from slik.core.links import link_maker


def test_a_link_maker_writes_what_reverse_writes():
    detail = link_maker("cases:detail", id_name="case_id", org_slug="hvaler")
    for pk in (1, 7, 987654, 12345678901234):
        assert detail(pk) == reverse("cases:detail", kwargs={"org_slug": "hvaler", "case_id": pk})
