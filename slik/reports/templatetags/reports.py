from django import template

from ..selectors import report_title as _report_title

register = template.Library()


@register.filter
def report_title(key: str) -> str:
    return _report_title(key)
