"""The WeasyPrint side of `html_to_pdf`: a fetcher that serves only static files and data:
URLs, and a document stripped of attachments before it is written."""

from __future__ import annotations

import logging
import mimetypes
from urllib.parse import urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .static import PDF_BASE_URL, PdfResourceRefused, static_path_for

logger = logging.getLogger("slik.core.pdf")


class StaticFilesFetcher(URLFetcher):
    """WeasyPrint's fetcher, allowed only `data:` URLs and the app's static files.

    Static files are read from disk (no request to ourselves); everything else – `file:`,
    `http(s):`, other hosts, paths outside the static files – is refused. A refused resource
    is logged and left out; the PDF is still made.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        if urlsplit(url).scheme.lower() == "data":
            return super().fetch(url, headers)
        try:
            path = static_path_for(url)
        except PdfResourceRefused:
            logger.warning("A PDF asked for %s; it was not loaded.", url[:200])
            raise
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def _drop_attachments(document) -> None:
    """`<link rel=attachment>` and `<a rel=attachment>` would embed files; a report has none."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]


def _laid_out(html: str):
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticFilesFetcher()).render()


def _written(document, *, tagged: bool) -> bytes:
    _drop_attachments(document)
    options = {"pdf_variant": "pdf/ua-1"} if tagged else {}
    return document.write_pdf(**options)


def write_pdf(html: str, *, tagged: bool) -> bytes:
    return _written(_laid_out(html), tagged=tagged)


def write_first_fitting(htmls, *, pages: int, tagged: bool) -> bytes:
    document = None
    for html in htmls:
        document = _laid_out(html)
        if len(document.pages) <= pages:
            break
    if document is None:
        raise ValueError("No HTML to make a PDF of")
    return _written(document, tagged=tagged)
