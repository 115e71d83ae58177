"""Hostile user text for the document tests, and the checks that a PDF fetched nothing.

A probe is a real directory with an SVG image and a stylesheet that each carry a unique
marker: if a PDF engine ever follows a `file:` URL from user text, the marker shows up in the
PDF's text (an image or stylesheet drawn) or in its bytes (a file attached). The path is kept
short so the payloads fit the shortest user fields (titles, names, units).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

# Found once, at import: some tests take `dot` off PATH, and poppler must still be found.
PDFTOTEXT = shutil.which("pdftotext") or "pdftotext"
PDFDETACH = shutil.which("pdfdetach") or "pdfdetach"


@dataclass(frozen=True)
class Probe:
    directory: Path
    marker: str

    @property
    def image_url(self) -> str:
        return f"file://{self.directory}/i.svg"

    @property
    def css_url(self) -> str:
        return f"file://{self.directory}/s.css"

    def breakout(self) -> str:
        """Ends a <style> element and asks for the image as an attachment (the reported attack)."""
        return f"</style><link rel=attachment href={self.image_url}><style>"

    def css(self) -> str:
        """Ends a CSS string and rule, then imports a stylesheet and sets a background."""
        return (
            f'"; }} @import url({self.css_url}); * {{ background: url({self.image_url}) }} '
            f'@page {{ x: "'
        )

    def html(self) -> str:
        return f"<img src={self.image_url}><a rel=attachment href={self.image_url}>a</a>"

    def short(self) -> str:
        """For fields of at most 100 characters."""
        return f"Ø {self.breakout()}"

    def text(self) -> str:
        """Every payload at once, for titles and longer text (under 200 characters)."""
        return f"Å {self.breakout()}{self.css()}\\ æøå"

    def long(self) -> str:
        """For text fields (descriptions, comments, Markdown)."""
        markdown = f"[lenke]({self.image_url}) ![bilde]({self.image_url})"
        return f"{self.text()}\n\n{self.html()}\n\n{markdown}"


def make_probe() -> Probe:
    directory = Path(tempfile.mkdtemp(prefix="sp", dir="/tmp"))
    marker = f"PROBE{uuid.uuid4().hex[:12].upper()}"
    (directory / "i.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40">'
        f'<text x="0" y="30" font-size="20">{marker}</text></svg>'
    )
    (directory / "s.css").write_text(f'body::before {{ content: "{marker}" }}')
    return Probe(directory=directory, marker=marker)


def remove_probe(probe: Probe) -> None:
    shutil.rmtree(probe.directory, ignore_errors=True)


def pdf_text(data: bytes) -> str:
    """The PDF's text, whitespace collapsed (table cells and margin boxes wrap)."""
    text = subprocess.run(
        [PDFTOTEXT, "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


def pdf_objects(data: bytes) -> bytes:
    """The raw PDF plus every Flate stream decompressed (object streams hide dictionaries)."""
    found = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(found)


def embedded_file_count(data: bytes) -> int:
    """What poppler's `pdfdetach -list` counts: embedded files and file attachment annotations."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        listing = subprocess.run(
            [PDFDETACH, "-list", handle.name], capture_output=True, check=True, text=True
        ).stdout
    return int(re.match(r"(\d+) embedded files", listing).group(1))


def assert_pdf_fetched_nothing(data: bytes, probe: Probe) -> str:
    """No attachment, nothing of the probe drawn or embedded; returns the PDF's text."""
    assert data.startswith(b"%PDF")
    assert embedded_file_count(data) == 0
    objects = pdf_objects(data)
    assert b"/EmbeddedFile" not in objects
    assert b"/FileAttachment" not in objects
    assert probe.marker.encode() not in objects
    text = pdf_text(data)
    assert probe.marker not in text
    return text
