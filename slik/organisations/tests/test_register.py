"""Importing the register: the real shared files and SSB KLASS samples."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from slik.organisations.models import Organisation
from slik.organisations.register import RegisterError, norwegian_part, parse_register_file

Kind = Organisation.Kind


def _run(*args) -> str:
    out = StringIO()
    call_command("import_municipalities", *args, stdout=out)
    return out.getvalue()


def _municipality(number):
    return Organisation.objects.select_related("county").get(kind=Kind.MUNICIPALITY, number=number)


@pytest.fixture
def imported(db):
    _run("--shared")


def test_shared_register_has_all_municipalities_and_counties(imported):
    assert Organisation.objects.filter(kind=Kind.MUNICIPALITY).count() == 357
    assert Organisation.objects.filter(kind=Kind.COUNTY).count() == 15


@pytest.mark.parametrize(
    ("number", "short_name", "county"),
    [
        ("3110", "Hvaler", "31"),
        ("3112", "Råde", "31"),
        ("1106", "Haugesund", "11"),
        ("1508", "Ålesund", "15"),
        ("1580", "Haram", "15"),
    ],
)
def test_known_municipalities_are_imported_with_county(imported, number, short_name, county):
    municipality = _municipality(number)
    assert municipality.short_name == short_name
    assert municipality.county.number == county
    assert municipality.county.kind == Kind.COUNTY
    assert municipality.population > 0


def test_old_alesund_number_does_not_exist(imported):
    assert not Organisation.objects.filter(number="1507").exists()


def test_parallel_names_keep_official_and_norwegian_short_name(imported):
    hamaroy = _municipality("1875")
    assert hamaroy.name == "Hábmer - Hamarøy"
    assert hamaroy.short_name == "Hamarøy"
    assert hamaroy.display_name == "Hábmer - Hamarøy"
    assert hamaroy.slug == "hamaroy"


def test_slugs_use_ssb_disambiguation(imported):
    assert _municipality("3114").slug == "valer-ostfold"
    assert _municipality("3419").slug == "valer-innlandet"
    assert _municipality("3112").slug == "rade"
    # Oslo is both a county and a municipality: the addresses stay distinct.
    assert _municipality("0301").slug == "oslo"
    assert Organisation.objects.get(kind=Kind.COUNTY, number="03").slug != "oslo"


def test_second_run_creates_nothing(imported):
    count = Organisation.objects.count()
    output = _run("--shared")
    assert Organisation.objects.count() == count
    assert "0 opprettet, 0 oppdatert" in output


def test_existing_organisation_is_updated_not_duplicated(org):
    _run("--shared")
    org.refresh_from_db()
    assert Organisation.objects.filter(kind=Kind.MUNICIPALITY, number="3110").count() == 1
    assert org.slug == "hvaler"  # addresses survive a re-import
    assert org.county.number == "31"
    assert org.population


def test_import_does_not_create_defaults(imported):
    from django_scopes import scopes_disabled

    from slik.organisations.models import Sector

    with scopes_disabled():
        assert not Sector.objects.exists()


KLASS_CSV = """\
"code";"parentCode";"level";"name";"shortName";"presentationName";"validFrom";"validTo";"notes"
"3110";"";"1";"Hvaler";"";"";"2024-01-01";"";""
"3114";"";"1";"Våler (Østfold)";"";"";"2024-01-01";"";""
"1875";"";"1";"Hábmer - Hamarøy";"";"";"2024-01-01";"";""
"1507";"";"1";"Ålesund";"";"";"2020-01-01";"2024-01-01";""
"9999";"";"1";"Uoppgitt";"";"";"2024-01-01";"";""
"""


def test_klass_csv_semicolon(db, tmp_path):
    counties = tmp_path / "fylker.json"
    counties.write_text(
        json.dumps(
            {
                "codes": [
                    {"code": "31", "name": "Østfold", "validFrom": "2024-01-01"},
                    {"code": "18", "name": "Nordland - Nordlánnda", "validFrom": "2024-01-01"},
                ]
            }
        ),
        encoding="utf-8",
    )
    municipalities = tmp_path / "kommuner.csv"
    municipalities.write_text(KLASS_CSV, encoding="utf-8")
    _run(str(counties), str(municipalities))
    assert Organisation.objects.filter(kind=Kind.MUNICIPALITY).count() == 3
    assert not Organisation.objects.filter(number__in=["1507", "9999"]).exists()
    valer = _municipality("3114")
    assert (valer.short_name, valer.slug, valer.county.number) == ("Våler", "valer-ostfold", "31")
    hamaroy = _municipality("1875")
    assert (hamaroy.short_name, hamaroy.county.short_name) == ("Hamarøy", "Nordland")
    assert str(hamaroy.valid_from) == "2024-01-01"


def test_klass_json_bare_list_and_comma_csv(db, tmp_path):
    data = tmp_path / "kommuner.json"
    data.write_text(
        json.dumps([{"code": "3112", "name": "Råde", "validFrom": "2024-01-01", "validTo": None}]),
        encoding="utf-8",
    )
    csv_file = tmp_path / "fylker.csv"
    csv_file.write_text("code,name,validFrom,validTo,shortName\n31,Østfold,2024-01-01,,Østfold\n")
    _run(str(data), str(csv_file))
    assert _municipality("3112").county.number == "31"
    _run(str(data), str(csv_file))
    assert Organisation.objects.count() == 2


def test_klass_without_county_warns(db, tmp_path):
    data = tmp_path / "kommuner.json"
    data.write_text(json.dumps({"codes": [{"code": "3112", "name": "Råde"}]}), encoding="utf-8")
    output = _run(str(data))
    assert "3112" in output
    assert _municipality("3112").county is None


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        '{"something": 1}',
        "a;b;c\n1;2;3\n",
        "code;name;validFrom\n123;X;2024-01-01\n",
        "code;name;validFrom\n3110;Hvaler;første januar\n",
        "kommunenummer,kommunenavn,kommunenavn_norsk\n3110,,\n",
    ],
)
def test_bad_files_give_command_error(db, tmp_path, content):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError):
        _run(str(path))
    assert not Organisation.objects.exists()


def test_missing_file_and_no_arguments_give_command_error(db, tmp_path):
    with pytest.raises(CommandError):
        _run(str(tmp_path / "finnes-ikke.csv"))
    with pytest.raises(CommandError):
        _run()


def test_latin1_klass_export_is_read(tmp_path):
    path = tmp_path / "kommuner.csv"
    path.write_bytes("code;name;validFrom\n3112;Råde;2024-01-01\n".encode("cp1252"))
    (entry,) = parse_register_file(path)
    assert entry.name == "Råde"


def test_parse_error_names_the_line(tmp_path):
    path = tmp_path / "kommuner.csv"
    path.write_text("code;name;validFrom\n3112;Råde;2024-01-01\n12345;X;2024-01-01\n")
    with pytest.raises(RegisterError, match="linje/element 3"):
        parse_register_file(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Porsanger - Porsáŋgu - Porsanki", "Porsanger"),
        ("Kárášjohka - Karasjok", "Karasjok"),
        ("Våler (Østfold)", "Våler"),
        ("Aurskog-Høland", "Aurskog-Høland"),
        ("Troms - Romsa - Tromssa", "Troms"),
    ],
)
def test_norwegian_part_of_parallel_names(name, expected):
    assert norwegian_part(name) == expected
