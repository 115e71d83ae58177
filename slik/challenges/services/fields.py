"""The one helper the update services share: set only the fields a service accepts."""


def assign_fields(obj, fields: dict, allowed: tuple[str, ...]) -> None:
    """Set `fields` on `obj`; a name outside `allowed` is a programming error, not input."""
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        setattr(obj, name, value)
