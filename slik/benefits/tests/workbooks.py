"""Hand-built .xlsx archives for the import tests: the XML parts written with zipfile, so a
test can make exactly the hostile file it needs (a bomb, a lying size, a malformed cell)."""

from __future__ import annotations

import io
import struct
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _content_types(shared_strings: bool) -> str:
    strings = (
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{OFFICE}.sharedStrings+xml"/>'
        if shared_strings
        else ""
    )
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OFFICE}.worksheet+xml"/>'
        f"{strings}</Types>"
    )


def _workbook_rels(shared_strings: bool) -> str:
    strings = (
        f'<Relationship Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        if shared_strings
        else ""
    )
    return (
        f'{XML_HEAD}<Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f"{strings}</Relationships>"
    )


def _write_parts(archive: zipfile.ZipFile, shared_strings: bool) -> None:
    archive.writestr("[Content_Types].xml", _content_types(shared_strings))
    archive.writestr(
        "_rels/.rels",
        f'{XML_HEAD}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    )
    archive.writestr(
        "xl/workbook.xml",
        f'{XML_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
        '<sheet name="Målinger" sheetId="1" r:id="rId1"/></sheets></workbook>',
    )
    archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(shared_strings))


def _stream(archive, name, chunks) -> None:
    with archive.open(name, "w") as member:
        for chunk in chunks:
            member.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def _repeated(text: str, times: int, per_chunk: int = 10_000) -> list[str]:
    full, rest = divmod(times, per_chunk)
    chunks = [text * per_chunk] * full if full else []
    return chunks + ([text * rest] if rest else [])


def workbook(rows, *, strings=None, prologue="", filler="", repeat: int = 0) -> bytes:
    """An .xlsx whose sheet holds `rows` (the XML of <row> elements, as one string or a list)
    followed by `filler` written `repeat` times, and a shared-strings part if `strings` (its
    <si> elements, as one string or an iterable of strings) is given."""
    rows = "".join(rows) if isinstance(rows, list | tuple) else rows
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        _write_parts(archive, shared_strings=strings is not None)
        _stream(
            archive,
            "xl/worksheets/sheet1.xml",
            [f'{XML_HEAD}{prologue}<worksheet xmlns="{MAIN}"><sheetData>', rows]
            + _repeated(filler, repeat)
            + ["</sheetData></worksheet>"],
        )
        if strings is not None:
            chunks = [strings] if isinstance(strings, str) else strings
            _stream(
                archive,
                "xl/sharedStrings.xml",
                [f'{XML_HEAD}<sst xmlns="{MAIN}">', *chunks, "</sst>"],
            )
    return buffer.getvalue()


def header_row(*titles) -> str:
    return row(1, *(text(title) for title in titles))


def row(number: int, *cells: str) -> str:
    return f'<row r="{number}">' + "".join(cells) + "</row>"


def text(value: str) -> str:
    return f'<c t="inlineStr"><is><t>{value}</t></is></c>'


def cell(value: str, kind: str = "n", style: int | None = None) -> str:
    """A <c> holding `value` in <v>, with type `kind` (n, s, d, b, str, e)."""
    styled = f' s="{style}"' if style is not None else ""
    return f'<c t="{kind}"{styled}><v>{value}</v></c>'


def declare_smaller(content: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size the archive declares for `member` (local header and
    central directory), as a forged file would, keeping the data itself."""
    info = zipfile.ZipFile(io.BytesIO(content)).getinfo(member)
    data = bytearray(content)
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, size)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)
