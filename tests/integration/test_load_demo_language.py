"""`manage.py load_demo` (the first thing `make run` prints) speaks one language: every line it
prints, including what the register and population imports report, follows the active
language – run in bokmål, no line is the English text, and no line names a file path."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from slik.demo.accounts import DEMO_PASSWORD, DEMO_PEOPLE

SOURCE = Path(settings.SHARED_DATA_DIR)
# The county of the demo municipalities: enough of the register to print every line.
COUNTY = "31"


class _Undo(Exception):
    pass


def _copy(name: str, target: Path, keep) -> None:
    with (SOURCE / name).open(newline="", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    with (target / name).open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(row for row in rows if keep(row))


@pytest.fixture
def small_shared_data(settings, tmp_path):
    """The shared reference files cut down to one county, so both imports run and report."""
    if not (SOURCE / "kommuner_2024.csv").is_file():
        pytest.skip(f"the shared reference data is not at {SOURCE}")
    target = tmp_path / "shared"
    target.mkdir()
    in_county = {
        row["kommunenummer"]
        for row in csv.DictReader((SOURCE / "kommuner_2024.csv").open(encoding="utf-8"))
        if row["fylkesnummer"] == COUNTY
    }
    _copy("fylker_2024.csv", target, lambda row: row["fylkesnummer"] == COUNTY)
    _copy("kommuner_2024.csv", target, lambda row: row["fylkesnummer"] == COUNTY)
    _copy("pilotkommuner_2024.csv", target, lambda row: row["fylkesnummer"] == COUNTY)
    _copy(
        "befolkning_alder_kommune_2006_2026.csv",
        target,
        lambda row: row["kommunenummer"] in in_county,
    )
    settings.SHARED_DATA_DIR = target
    settings.SLIK_DEMO = True
    settings.MEDIA_ROOT = tmp_path / "media"
    return target


def _load(language: str) -> list[str]:
    out = StringIO()
    with translation.override(language):
        call_command("load_demo", stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_load_demo_prints_every_line_in_the_active_language(small_shared_data):
    # The same first load in English, undone, then in bokmål: line by line the same messages.
    with pytest.raises(_Undo), transaction.atomic():
        english = _load("en")
        raise _Undo
    bokmal = _load("nb")

    assert len(bokmal) == len(english), (english, bokmal)
    # Both imports ran and reported (their own output, if it leaked, is caught below).
    assert "Imported the municipality register." in english, english
    assert "Imported the population figures." in english, english
    for nb_line, en_line in zip(bokmal, english, strict=True):
        if not en_line.strip():
            continue
        assert nb_line != en_line, f"printed in English under bokmål: {nb_line!r}"
        assert str(small_shared_data) not in nb_line
    login_lines = [line for line in bokmal if DEMO_PASSWORD in line]
    assert len(login_lines) == len(DEMO_PEOPLE)
