from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from slik.core.audit import action_label, field_label
from slik.core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 has sanitised it


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
