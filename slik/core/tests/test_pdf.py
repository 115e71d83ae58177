"""The one way the app makes a PDF: only static files and data: URLs are fetched, nothing is
ever attached, and text put into CSS strings stays a string."""

import base64
import re
from pathlib import Path

import pytest
import tinycss2
from django.contrib.staticfiles import finders

from slik.core.pdf import (
    PDF_BASE_URL,
    PdfResourceRefused,
    css_string,
    html_to_pdf,
)
from slik.core.pdf.engine import StaticFilesFetcher
from slik.core.tests.hostile import (
    assert_pdf_fetched_nothing,
    embedded_file_count,
    make_probe,
    pdf_text,
    remove_probe,
)

STATIC_CSS = "slik/slik.css"


@pytest.fixture
def probe():
    made = make_probe()
    yield made
    remove_probe(made)


@pytest.fixture
def fetcher():
    return StaticFilesFetcher()


def test_fetcher_serves_a_static_file(fetcher):
    response = fetcher.fetch(f"{PDF_BASE_URL}static/{STATIC_CSS}")
    with open(finders.find(STATIC_CSS), "rb") as handle:
        assert response.read() == handle.read()
    assert response.content_type == "text/css"


def test_fetcher_serves_a_data_url(fetcher):
    encoded = base64.b64encode(b"<svg/>").decode()
    response = fetcher.fetch(f"data:image/svg+xml;base64,{encoded}")
    assert response.read() == b"<svg/>"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///proc/self/environ",
        "FILE:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/static/slik/slik.css",  # the static path on another host
        "ftp://example.com/x",
        "/etc/passwd",
        "etc/passwd",
    ],
)
def test_fetcher_refuses_what_is_not_ours(fetcher, url):
    with pytest.raises(PdfResourceRefused):
        fetcher.fetch(url)


@pytest.mark.parametrize(
    "path",
    [
        "static/../../pyproject.toml",
        "static/%2e%2e/%2e%2e/pyproject.toml",
        "static/slik/%2E%2E/%2E%2E/%2E%2E/config/settings/base.py",
        "static/vendor/inter/../../../../pyproject.toml",
        "static//etc/passwd",
        "static/%2Fetc%2Fpasswd",
        "static/slik\\..\\..\\pyproject.toml",
        "static/slik/slik.css%00.png",
        "static/",
        "static/slik/no-such-file.css",
        "media/report.pdf",
        "pyproject.toml",
    ],
)
def test_fetcher_refuses_paths_outside_static(fetcher, path):
    with pytest.raises(PdfResourceRefused):
        fetcher.fetch(PDF_BASE_URL + path)


def test_fetcher_serves_from_static_root_without_traversal(fetcher, settings, tmp_path):
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "collected.css").write_text("p { color: red }")
    (tmp_path / "secret.txt").write_text("secret")
    settings.STATIC_ROOT = tmp_path / "root"
    assert fetcher.fetch(f"{PDF_BASE_URL}static/collected.css").read() == b"p { color: red }"
    with pytest.raises(PdfResourceRefused):
        fetcher.fetch(f"{PDF_BASE_URL}static/%2e%2e/secret.txt")


def test_pdf_of_hostile_html_fetches_and_attaches_nothing(probe):
    """Even if a template let markup through, the fetcher is the second wall."""
    html = f"""<!DOCTYPE html><html><head>
    <link rel="attachment" href="{probe.image_url}">
    <link rel="stylesheet" href="{probe.css_url}">
    <style>@import url({probe.css_url}); body {{ background: url({probe.image_url}) }}</style>
    </head><body>
    <p>Brødtekst</p>
    <img src="{probe.image_url}" alt="">
    <a rel="attachment" href="{probe.image_url}">vedlegg</a>
    <object data="{probe.image_url}"></object><embed src="{probe.image_url}">
    <svg width="100" height="40"><image href="{probe.image_url}" width="100" height="40"/></svg>
    <img src="/proc/self/environ"><img src="../../../../etc/passwd">
    </body></html>"""
    text = assert_pdf_fetched_nothing(html_to_pdf(html), probe)
    assert "Brødtekst" in text


def test_pdf_never_embeds_an_attachment_even_from_static():
    html = (
        f'<html><head><link rel="attachment" href="/static/{STATIC_CSS}"></head>'
        f'<body><a rel="attachment" href="/static/{STATIC_CSS}">x</a></body></html>'
    )
    assert embedded_file_count(html_to_pdf(html)) == 0


def test_pdf_draws_a_static_image_and_a_data_url(settings, tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="30">'
        '<text x="0" y="20">STATICMARK</text></svg>'
    )
    settings.STATICFILES_DIRS = [static]
    inline = base64.b64encode(
        b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="30">'
        b'<text x="0" y="20">DATAMARK</text></svg>'
    ).decode()
    html = (
        '<html><body><img src="/static/logo.svg" alt="">'
        f'<img src="data:image/svg+xml;base64,{inline}" alt=""></body></html>'
    )
    text = pdf_text(html_to_pdf(html))
    assert "STATICMARK" in text and "DATAMARK" in text


HOSTILE_STRINGS = [
    "</style><link rel=attachment href=file:///etc/passwd><style>",
    '"; } @import url(file:///etc/passwd); @page { x: "',
    'it\'s \\ a "quote"\n& <b> \r\t\f',
    "Ærlig økonomi på Åsen – «sitat»",
    "\\3C \\\\\\",
    "\x01\x1b\x7f\u2028",
]


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_css_string_is_one_string_token_holding_the_text(text):
    literal = css_string(text)
    # Between the quotes: only characters that cannot end anything, and hex escapes.
    assert re.fullmatch(r'(?:[^\x00-\x1f\x7f<>&\'"\\]|\\[0-9A-F]{1,6} )*', literal[1:-1])
    tokens = [t for t in tinycss2.parse_component_value_list(literal) if t.type != "whitespace"]
    assert [t.type for t in tokens] == ["string"]
    assert tokens[0].value == text


def test_css_string_turns_a_null_into_the_replacement_character():
    tokens = tinycss2.parse_component_value_list(css_string("a\x00b"))
    assert tokens[0].value == "a\ufffdb"


def test_weasyprint_is_imported_only_by_the_pdf_engine(settings):
    """Every PDF goes through html_to_pdf: no other module may call WeasyPrint itself."""
    root = Path(settings.BASE_DIR)
    users = [
        path.relative_to(root).as_posix()
        for path in (root / "slik").rglob("*.py")
        if re.search(r"^\s*(from|import)\s+weasyprint\b", path.read_text(), re.M)
    ]
    assert users == ["slik/core/pdf/engine.py"]
