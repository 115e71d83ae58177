"""PDF from HTML with WeasyPrint – the one way the app makes a PDF.

WeasyPrint fetches every URL a document names: stylesheets, images, fonts, and any file a
`<link rel=attachment>` or `<a rel=attachment>` points at, which it embeds in the PDF. Left to
its defaults it reads `file:` URLs too, so one unescaped title could put the database into a
download. Hence every PDF goes through `html_to_pdf`: its fetcher serves only the app's own
static files and `data:` URLs, and the PDF never carries attachments. Text written into CSS (the
running header and footer in `@page` margin boxes) goes through `css_string`.

The WeasyPrint import costs about a second, so `engine` is imported only when a PDF is made.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .static import PDF_BASE_URL, PdfResourceRefused, static_path_for

__all__ = [
    "PDF_BASE_URL",
    "PdfResourceRefused",
    "css_string",
    "html_to_pdf",
    "html_to_pdf_fitted",
    "page_counter_css",
    "page_label_parts",
    "static_path_for",
]


def html_to_pdf(html: str, *, tagged: bool = False) -> bytes:
    """The PDF of `html`. Relative URLs resolve against `PDF_BASE_URL`, so "/static/…" works;
    `tagged` makes a tagged PDF/UA-1 document for screen readers."""
    from .engine import write_pdf

    return write_pdf(html, tagged=tagged)


def html_to_pdf_fitted(htmls: Iterable[str], *, pages: int, tagged: bool = False) -> bytes:
    """The PDF of the first of `htmls` that lays out on at most `pages` pages (of the last one
    when none does): the same content set tighter step by step, laid out until it fits."""
    from .engine import write_first_fitting

    return write_first_fitting(htmls, pages=pages, tagged=tagged)


def _css_char(char: str) -> str:
    if char.isalnum() or char == " ":
        return char
    # A hex escape always ends with one space, which CSS consumes: "\3C " is "<".
    return f"\\{ord(char):X} "


def css_string(text) -> str:
    """`text` as a double-quoted CSS string that nothing in it can end.

    Everything but letters, digits and spaces becomes a CSS hex escape, so quotes, backslashes,
    newlines and control characters stay inside the string, and "<", ">" and "&" never appear
    raw – the string may sit inside an HTML <style> element.
    """
    return '"' + "".join(_css_char(char) for char in str(text)) + '"'


def page_label_parts() -> tuple[str, str, str]:
    """The translated "Page X of Y" split around the numbers: ("Side ", " av ", "")."""
    text = _("Page %(page)s of %(pages)s")
    before, _sep, rest = text.partition("%(page)s")
    middle, _sep, after = rest.partition("%(pages)s")
    return before, middle, after


def page_counter_css() -> str:
    """The CSS `content` value for "Page X of Y" in a page margin box."""
    before, middle, after = page_label_parts()
    parts = [css_string(before), "counter(page)", css_string(middle), "counter(pages)"]
    if after:
        parts.append(css_string(after))
    return " ".join(parts)
