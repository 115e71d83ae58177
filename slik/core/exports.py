"""Helpers shared by every exporter (Excel, CSV): data separate from format, injection blocked."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell value that a spreadsheet will never run as a formula.

    Text that starts with a formula trigger gets a leading apostrophe, as spreadsheet users do
    by hand; numbers, dates and None pass through unchanged so they keep their cell types.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
