"""Charts on paper (vl-convert) with hostile text: drawn as text, no URL loaded, and never an
abort of the process – vl-convert aborted on a control character instead of raising, so these
run it in a child process, where an abort fails the test instead of ending the test run."""

import functools
import json
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

HOSTILE = '</text><script>alert(1)</script><image href="file:///etc/passwd"/> & "q" \\ æøå'
SVG = "{http://www.w3.org/2000/svg}"


def _spec(values, **extra) -> dict:
    return {
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "x": {"field": "category", "type": "nominal", "title": HOSTILE},
            "y": {"field": "amount", "type": "quantitative"},
        },
        "title": HOSTILE,
        **extra,
    }


def _draw(spec: dict) -> subprocess.CompletedProcess:
    script = (
        "import json, sys\n"
        "from slik.core.charts import chart_svg\n"
        "sys.stdout.write(chart_svg(json.loads(sys.stdin.read())))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], input=json.dumps(spec), capture_output=True, text=True,
        cwd=settings.BASE_DIR, timeout=120,
    )  # fmt: skip


def test_chart_with_control_characters_is_drawn_with_the_text_as_typed():
    done = _draw(_spec([{"category": f"{HOSTILE}\x01\x1b\x0b", "amount": 3}]))
    assert done.returncode == 0, done.stderr[-500:]
    root = ET.fromstring(done.stdout)
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "image", "a", "foreignObject"}
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert HOSTILE in texts


@pytest.fixture
def local_server(tmp_path):
    """A real HTTP server on 127.0.0.1 serving one data file: reachable, so only the chart's
    own refusal keeps the data out."""
    (tmp_path / "data.json").write_text(json.dumps([{"category": "SECRETROW", "amount": 1}]))
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_chart_loads_no_data_from_a_url(local_server, tmp_path):
    for url in (f"{local_server}/data.json", f"file://{tmp_path}/data.json"):
        done = _draw({**_spec([]), "data": {"url": url}})
        assert "SECRETROW" not in done.stdout
