"""Helpers shared by every exporter (Excel, CSV): data separate from format, injection blocked."""

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# What XML 1.0 cannot hold: control characters other than tab, newline and carriage return,
# lone surrogates, U+FFFE and U+FFFF. Excel, Word and SVG are XML; one such character in a
# title made openpyxl and python-docx raise, and vl-convert abort the whole process.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` without the characters an XML document cannot hold (they are invisible anyway)."""
    return NOT_XML.sub("", text)


def safe_cell(value):
    """A cell value that a spreadsheet will never run as a formula and can always store.

    Text that starts with a formula trigger gets a leading apostrophe, as spreadsheet users do
    by hand; numbers, dates and None pass through unchanged so they keep their cell types.
    """
    if not isinstance(value, str):
        return value
    value = xml_text(value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
