"""`{% page_has_form_errors as flag %}` for base.html's title («Feil: …»)."""

from django import template

from slik.core.forms import page_has_form_errors as _page_has_form_errors

register = template.Library()


@register.simple_tag(takes_context=True)
def page_has_form_errors(context) -> bool:
    return _page_has_form_errors(context)
