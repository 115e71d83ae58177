"""Showing on a form what the service behind it would refuse, from the service's own check."""

from django.core.exceptions import NON_FIELD_ERRORS


def show_refusals(form, errors: dict) -> None:
    """Add `errors` ({field: messages}, as the services' `*_check` functions return them) to
    `form`; a name the form has no field for is shown above the form."""
    for name, messages in errors.items():
        field = name if name in form.fields else None
        if name == NON_FIELD_ERRORS:
            field = None
        for message in messages:
            form.add_error(field, message)
