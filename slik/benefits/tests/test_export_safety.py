"""The plan's Excel file and the benefit map's SVG with hostile user text: no formula, link or
markup of the user's making, and the text shown as typed (control characters dropped)."""

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from django.urls import reverse
from django_scopes import scope
from openpyxl import load_workbook

from slik.benefits.graph import map_svg
from slik.benefits.selectors import benefit_map_for
from slik.benefits.services import map as map_services
from slik.benefits.services.plan import PLAN_FIELDS, benefits_plan_update

pytestmark = pytest.mark.django_db
CONTROL = "\x01\x1b"
SVG = "{http://www.w3.org/2000/svg}"
LABELS = [
    "</text><script>alert(1)</script>",
    '<<b>html</b>> a" URL="file:///etc/passwd" href="x',
    "Tom & Jerry &amp; &lt;b&gt; &#60;i&#62;",
    "back\\slash \\N \\G \\L end\\",
    'line] [URL="http://evil" tooltip="x"]',
    f"Kontroll{CONTROL}tegn på Åsen",
]


def test_plan_excel_with_hostile_text_has_no_formula_or_link(
    client_as, coordinator, case, make_benefit, make_indicator
):
    formula = f'{CONTROL}=HYPERLINK("file:///etc/passwd","x")'
    benefit = make_benefit(case, title=formula, description=f"Beskrivelse{CONTROL}")
    make_indicator(benefit, name=f"@SUM(A1){CONTROL}", data_source=f"-2+3{CONTROL}")
    with scope(organisation=case.organisation_id):
        values = {name: f"+{name}{CONTROL}" for name in PLAN_FIELDS}
        benefits_plan_update(actor=coordinator, case=case, values=values)
    url = reverse("benefits:plan_xlsx", kwargs={"org_slug": "hvaler", "case_id": case.pk})
    response = client_as(coordinator).get(url)
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith("ls"))
    assert 'TargetMode="External"' not in xml and "<hyperlink" not in xml
    workbook = load_workbook(io.BytesIO(response.content))
    texts = [c.value for s in workbook for row in s.iter_rows() for c in row if c.value]
    assert all(not isinstance(t, str) or not t.startswith(("=", "+", "-", "@")) for t in texts)
    assert '\'=HYPERLINK("file:///etc/passwd","x")' in texts
    assert "'+goals" in texts and "Beskrivelse" in texts


def test_map_svg_keeps_hostile_labels_as_text(case, coordinator):
    with scope(organisation=case.organisation_id):
        for label in LABELS:
            map_services.map_node_create(actor=coordinator, case=case, kind="measure", label=label)
        the_map = benefit_map_for(organisation=case.organisation, case=case)
    svg = map_svg(the_map, title='Kart "</svg><script>"')
    root = ET.fromstring(svg)  # well-formed: no control character, no stray markup
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "g", "title", "text", "polygon", "ellipse", "path", "polyline"}
    attributes = [name for element in root.iter() for name in element.attrib]
    assert not [name for name in attributes if re.search("href|url|tooltip", name, re.I)]
    assert root.get("aria-label") == 'Kart "</svg><script>"'
    # Long words wrap onto several lines: compare without whitespace.
    shown = "".join("".join(t.text or "" for t in root.iter(f"{SVG}text")).split())
    for label in LABELS:
        assert "".join(label.replace(CONTROL, "").split()) in shown
