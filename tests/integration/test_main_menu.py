"""The main menu on every page of an organisation (config/menu.py): each role sees the entries
its permissions allow, the page it is on is marked, and building it asks the database nothing."""

from django.urls import reverse

from config.menu import ENTRIES


def _menu(response):
    return [(item.url, str(item.label), item.current) for item in response.context["main_menu"]()]


def _url(name, org):
    return reverse(name, kwargs={"org_slug": org.slug})


def test_coordinator_sees_every_entry_and_the_current_page(client_as, coordinator, org):
    menu = _menu(client_as(coordinator).get(_url("organisations:overview", org)))
    assert [url for url, _label, _current in menu] == [_url(name, org) for name, *_ in ENTRIES]
    assert [current for *_rest, current in menu] == [True] + [False] * (len(ENTRIES) - 1)


def test_politician_sees_no_entry_it_may_not_open(client_as, politician, org):
    client = client_as(politician)
    for url, _label, _current in _menu(client.get(_url("organisations:overview", org))):
        assert client.get(url).status_code == 200, url
    response = client.get(_url("organisations:overview", org))
    assert _url("organisations:settings", org) not in [url for url, *_ in _menu(response)]


def test_the_page_shows_the_menu_links(client_as, leader, org):
    page = client_as(leader).get(_url("organisations:overview", org)).content.decode()
    assert f'<a href="{_url("organisations:overview", org)}" aria-current="page">' in page
    assert f'<a href="{_url("cases:list", org)}">' in page


def test_no_menu_outside_an_organisation(client_as, leader):
    response = client_as(leader).get(reverse("accounts:profile"))
    assert "main_menu" not in response.context
    assert 'class="slik-nav"' not in response.content.decode()


def test_building_the_menu_queries_nothing(client_as, leader, org, django_assert_num_queries):
    response = client_as(leader).get(_url("organisations:overview", org))
    with django_assert_num_queries(0):
        response.context["main_menu"]()


# What base.html's template loops wrote before the links were written in Python.
MAIN_LOOP = (
    "{% for item in main_menu %}\n"
    '      <li><a href="{{ item.url }}"{% if item.current %} aria-current="page"{% endif %}>'
    "{{ item.label }}</a></li>{% endfor %}"
)
ACCOUNT_LOOP = (
    '{% for item in account_menu %}<a class="ds-link" href="{{ item.url }}"'
    '{% if item.current %} aria-current="page"{% endif %}>{{ item.label }}</a>\n'
    "      {% endfor %}"
)
LANGUAGE_LOOP = (
    '{% for code, name in languages %}<option value="{{ code }}" lang="{{ code }}"'
    "{% if code == LANGUAGE_CODE %} selected{% endif %}>{{ name }}</option>{% endfor %}"
)


def test_the_links_are_written_as_the_template_wrote_them(client_as, coordinator, org):
    from django.template import Context, Template

    for name in ("organisations:overview", "benefits:calendar", "cases:list"):
        context = client_as(coordinator).get(_url(name, org)).context
        for loop, key in ((MAIN_LOOP, "main_menu"), (ACCOUNT_LOOP, "account_menu")):
            items = context[key]()
            assert items
            expected = Template(loop).render(Context({key: items}))
            assert str(context[f"{key}_html"]()) == expected


def test_the_language_options_are_written_as_the_template_wrote_them():
    from django.conf import settings
    from django.template import Context, Template
    from django.utils.translation import get_language_info

    from slik.core.templatetags.slik import language_options

    languages = [(code, get_language_info(code)["name_local"]) for code, _ in settings.LANGUAGES]
    for code, _name in settings.LANGUAGES:
        context = Context({"languages": languages, "LANGUAGE_CODE": code})
        assert str(language_options(code)) == Template(LANGUAGE_LOOP).render(context)
        assert language_options(code).count(" selected") == 1
