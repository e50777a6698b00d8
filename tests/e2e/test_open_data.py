"""The published open data (docs/open-data.md), read as a monitor would:
every /data/*.json validates against /data/schema.json (JSON Schema draft
2020-12, `jsonschema`), every CSV starts with a BOM and re-adds to the JSON's
computed totals in decimal arithmetic, and all.zip holds every file byte for
byte. Runs over the real site and over Tests/Fixtures/open-data, whose invented
plan has monitoring reports, indicator values and every reconciliation path."""
import csv, io, json, os, pathlib, subprocess, zipfile
from decimal import Decimal

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("open-data") / "site"
    binary = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
    build = subprocess.run([binary, "build", "--content", str(REPO / "Tests/Fixtures/open-data/Content"),
                            "--templates", str(REPO / "Templates"), "--output", str(out)], capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    return out


@pytest.fixture(scope="session", params=["real", "fixture"])
def data_dir(request, server, fixture_site):
    site = server.site_dir if request.param == "real" else fixture_site
    return pathlib.Path(site) / "data"


def load(path):
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def plan_files(data_dir):
    files = sorted(p for p in data_dir.glob("*.json") if p.name != "schema.json")
    assert files, f"no plan JSON in {data_dir}"
    return files


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte-order mark"
    text = raw[3:].decode("utf-8")
    assert text.endswith("\r\n"), f"{path.name}: rows must end with CRLF"
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_schema_is_a_valid_2020_12_schema(data_dir):
    schema = load(data_dir / "schema.json")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_published_json_validates_against_the_schema(data_dir):
    validator = Draft202012Validator(load(data_dir / "schema.json"))
    failures = []
    for path in plan_files(data_dir):
        for error in validator.iter_errors(load(path)):
            failures.append(f"{path.name}: {'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")
    assert not failures, "\n".join(failures[:20])


def test_budget_csv_re_adds_to_the_computed_totals(data_dir):
    checked = 0
    for path in plan_files(data_dir):
        plan = load(path)
        budget_csv = data_dir / f"{plan['plan']['id']}-budget.csv"
        if plan["budget"] is None:
            assert not budget_csv.exists()
            continue
        sums = {}
        for row in read_csv(budget_csv):
            key = (row["source"], int(row["year"]))
            sums[key] = sums.get(key, Decimal(0)) + Decimal(row["amount"])
        expected = {(e["source"], e["year"]): e["amount"] for e in plan["budget"]["computed_totals"]["by_source_year"]}
        assert sums == expected, path.name
        by_year = {e["year"]: e["amount"] for e in plan["budget"]["computed_totals"]["by_year"]}
        rows = read_csv(data_dir / f"{plan['plan']['id']}-measures.csv")
        for year, amount in by_year.items():
            assert sum(Decimal(r[f"amount_{year}"]) for r in rows if r[f"amount_{year}"]) == amount, (path.name, year)
        checked += 1
    assert checked >= 1


def test_stated_and_computed_totals_are_published_side_by_side(data_dir):
    for path in plan_files(data_dir):
        budget = load(path)["budget"]
        if budget is None or budget["stated_totals"] is None:
            continue
        for check in budget["checks"]:
            assert check["difference"] == check["computed"] - (check["stated"] or 0)
            assert check["matches"] == (check["stated"] == check["computed"])
        assert budget["mismatches"] == [c for c in budget["checks"] if not c["matches"]]


def test_measures_csv_has_one_row_per_measure(data_dir):
    for path in plan_files(data_dir):
        plan = load(path)
        rows = read_csv(data_dir / f"{plan['plan']['id']}-measures.csv")
        assert [r["number"] for r in rows] == [m["number"] for m in plan["measures"]]
        assert [r["funding_status"] for r in rows] == [m["funding"]["status"] for m in plan["measures"]]


def test_the_archive_holds_every_file_byte_for_byte(data_dir):
    published = sorted(p.name for p in data_dir.iterdir() if p.name not in ("all.zip", "index.html"))
    with zipfile.ZipFile(data_dir / "all.zip") as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == published
        for name in published:
            assert archive.read(name) == (data_dir / name).read_bytes(), name
    assert read_csv(data_dir / "executors.csv")
