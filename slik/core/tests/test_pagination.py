import pytest
from django.test import RequestFactory

from slik.core.pagination import paginate

ITEMS = list(range(55))


def _page(side, per_page=25):
    request = RequestFactory().get("/", {"side": side} if side is not None else {})
    return paginate(request, ITEMS, per_page=per_page)


def test_first_page_by_default():
    page = _page(None)
    assert page.number == 1
    assert list(page.object_list) == list(range(25))


def test_given_page():
    assert list(_page(3).object_list) == list(range(50, 55))


@pytest.mark.parametrize(("side", "expected"), [("99", 3), ("abc", 1), ("-1", 3), ("0", 3)])
def test_bad_page_gives_nearest(side, expected):
    assert _page(side).number == expected


def test_page_size_from_settings(settings):
    settings.PAGE_SIZE = 10
    request = RequestFactory().get("/")
    assert paginate(request, ITEMS).paginator.num_pages == 6


def test_query_replace_keeps_filters():
    from django.template import engines

    request = RequestFactory().get("/", {"q": "oppvekst", "side": "1"})
    template = engines["django"].from_string("{% query_replace side=2 %}")
    rendered = template.render({"request": request})
    assert "q=oppvekst" in rendered and "side=2" in rendered
