import functools

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info, gettext

from slik.core.audit import action_label, field_label
from slik.core.markdown import render_markdown
from slik.core.seed import seed_text as _seed_text

from . import formats

register = template.Library()
# This library is a builtin of every template (settings.TEMPLATES), and so are the number and
# date filters and the chart config tag of `formats`, without a {% load %}.
register.filters.update(formats.register.filters)
register.tags.update(formats.register.tags)


@register.filter
def markdown(text):
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 has sanitised it


@register.filter
def seed_text(text):
    """A default text (roadmap step, benefit category, sector) in the reader's language."""
    return _seed_text(text)


@register.filter
def audit_action(code):
    return action_label(code)


@register.filter
def audit_value(value):
    """Before/after values as people read them: yes/no, lists joined, blanks as a dash."""
    if value is True:
        return gettext("Yes")
    if value is False:
        return gettext("No")
    if value in (None, "", []):
        return "–"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value


@register.filter
def audit_field(name):
    return field_label(name)


@register.simple_tag(takes_context=True)
def can(context, perm, obj=None):
    """`{% can "cases.decide_gate" case as allowed %}` – the same rules the views use."""
    user = context["request"].user
    return user.has_perm(perm, obj)


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """Keep the current filters in pagination links while changing one parameter."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag
def language_options(current: str):
    """The options of the language switch on every page, `current` selected: written once per
    language, as settings.LANGUAGES and the names never change while the process runs."""
    return _language_options(current)


@functools.lru_cache(maxsize=16)
def _language_options(current: str) -> SafeString:
    selected = mark_safe(" selected")
    return format_html_join(
        "",
        '<option value="{}" lang="{}"{}>{}</option>',
        (
            (code, code, selected if code == current else "", get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ),
    )


@register.simple_tag
def fixed_url(name: str) -> str:
    """`{% url name %}` for a URL without arguments, reversed once per process: the links of
    every page's header and footer never change while it runs, and each `{% url %}` costs
    0.1 ms a page."""
    return _fixed_url(name, get_script_prefix())


@functools.lru_cache(maxsize=64)
def _fixed_url(name: str, script_prefix: str) -> str:
    return reverse(name)


@register.simple_tag
def page_assets():
    """The stylesheets and scripts of every page (includes/page_assets.html). Rendered once per
    process: static file URLs are fixed while it runs, and the eight lookups cost 0.2 ms a page."""
    return _page_assets()


@functools.cache
def _page_assets() -> str:
    return render_to_string("includes/page_assets.html")
