"""The published open data (docs/open-data.md), read as a monitor would:
every /data/*.json validates against /data/schema.json (JSON Schema draft
2020-12, `jsonschema`), the Frictionless Data Package /data/datapackage.json
validates every CSV (`frictionless`: types, primary and foreign keys), every
CSV starts with a BOM and re-adds to the JSON's computed totals in decimal
arithmetic, the XLSX workbooks open in openpyxl and in LibreOffice headless
with ids as text, and all.zip holds every file byte for byte. Runs over the
real site and over Tests/Fixtures/open-data, whose invented plan has
monitoring reports, indicator values and every reconciliation path. The
monitoring template is filled with openpyxl, imported with `planpress import
report`, and the built site equals the one built from the hand-written report."""
import csv, io, json, os, pathlib, shutil, subprocess, zipfile
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


@pytest.fixture(scope="session")
def history_site(tmp_path_factory):
    """Tests/Fixtures/monitoring-history: two periods of both voices, a standalone reply, a reply awaited."""
    out = tmp_path_factory.mktemp("history") / "site"
    binary = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
    build = subprocess.run([binary, "build", "--content", str(REPO / "Tests/Fixtures/monitoring-history/Content"),
                            "--templates", str(REPO / "Templates"), "--output", str(out)], capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    return out


@pytest.fixture(scope="session", params=["real", "fixture", "history"])
def data_dir(request, server, fixture_site, history_site):
    site = {"real": server.site_dir, "fixture": fixture_site, "history": history_site}[request.param]
    return pathlib.Path(site) / "data"


def load(path):
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def plan_files(data_dir):
    files = sorted(p for p in data_dir.glob("*.json") if p.name not in ("schema.json", "datapackage.json"))
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


def test_budget_csv_re_adds_to_the_computed_totals(data_dir, request):
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
    # The history fixture publishes no budget (nothing to re-add there); the other two do.
    assert checked >= (0 if request.node.callspec.params["data_dir"] == "history" else 1)


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


# --- tidy tables, data package, workbooks (issue 14 §6) ---

def test_the_data_package_validates_with_frictionless(data_dir):
    from frictionless import Package, validate
    descriptor = data_dir / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    csvs = sorted(p.name for p in data_dir.glob("*.csv"))
    assert sorted(r["path"] for r in package["resources"]) == csvs, "every CSV is described, and only CSVs"
    report = validate(str(descriptor))
    errors = [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors]
    assert report.valid, "\n".join(errors[:20])
    # Types come from the descriptor: ids are strings, positions integers, booleans booleans.
    resource = Package(str(descriptor)).get_resource("measure-executors")
    rows = resource.read_rows()
    assert rows and all(isinstance(r["consent"], bool) and isinstance(r["position"], int) for r in rows)
    assert all(isinstance(r["measure_id"], str) and "/" in r["measure_id"] for r in rows)


def test_the_vocabularies_voices_and_reply_keys_are_declared(data_dir):
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    statuses = ["not-started", "in-progress", "completed", "partly-completed", "not-completed", "no-information"]
    for resource in package["resources"]:
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        keys = {tuple(k["fields"]): k["reference"] for k in resource["schema"].get("foreignKeys", [])}
        if "voice" in fields:
            assert fields["voice"]["constraints"]["enum"] == ["official", "civil-society"], resource["name"]
        for name in ("status", "status_official", "status_civil_society", "previous_status"):
            if name in fields:
                assert fields[name]["constraints"]["enum"] == statuses, (resource["name"], name)
        if resource["name"].endswith("measures"):
            assert "status" not in fields, "no merged status: neither voice stands for the other"
            assert fields["number"]["type"] == "string"
            assert keys[("status_official_report",)]["fields"] == ["id"]
            assert keys[("status_civil_society_report",)]["resource"].endswith("reports")
        if resource["name"].endswith("statuses"):
            assert keys[("reply_to",)]["resource"].endswith("reports")


def test_per_voice_columns_and_history_read_in_frictionless(history_site):
    from frictionless import Package
    package = Package(str(pathlib.Path(history_site) / "data/datapackage.json"))
    measures = {r["id"]: r for r in package.get_resource("city-plan-measures").read_rows()}
    first = measures["city-plan/1.1"]
    assert (first["status_official"], first["status_civil_society"], first["disputed"]) == ("completed", "partly-completed", True)
    history = package.get_resource("city-plan-status-history").read_rows()
    changed = sorted((r["voice"], r["period"]) for r in history if r["changed"])
    assert changed == [("civil-society", "2026-H2"), ("official", "2026-H2"), ("official", "2026-H2")]
    replies = [r for r in package.get_resource("city-plan-statuses").read_rows() if r["reply_to"]]
    assert [(r["report"], r["status"], r["reply_to"]) for r in replies] == [("2026-oda-2026-h2-replies", None, "2026-coalition-2026-h1")]


def test_frictionless_catches_a_status_outside_the_vocabulary_and_a_broken_reply(history_site, tmp_path):
    from frictionless import validate
    copy = tmp_path / "data"
    shutil.copytree(pathlib.Path(history_site) / "data", copy)
    path = copy / "city-plan-status-history.csv"
    path.write_bytes(path.read_bytes().replace(b",completed,", b",done,", 1))
    statuses = copy / "city-plan-statuses.csv"
    statuses.write_bytes(statuses.read_bytes().replace(b"2026-coalition-2026-h1\r\n", b"no-such-report\r\n", 1))
    report = validate(str(copy / "datapackage.json"))
    kinds = {e.type for task in report.tasks for e in task.errors}
    assert not report.valid and "constraint-error" in kinds and "foreign-key" in kinds, kinds


def test_frictionless_catches_a_broken_foreign_key(data_dir, tmp_path):
    from frictionless import validate
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    path = copy / "measure-executors.csv"
    text = path.read_bytes().decode("utf-8-sig").splitlines(keepends=True)
    first = text[1].split(",", 1)
    text[1] = "no-such-plan/9.9," + first[1]
    path.write_bytes(b"\xef\xbb\xbf" + "".join(text).encode("utf-8"))
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert any(e.type == "foreign-key" for task in report.tasks for e in task.errors)


def test_no_cell_lists_several_values_on_separate_lines(data_dir):
    free_text = {"text", "narrative", "summary", "result", "title", "responsible_printed", "term_printed", "funding_printed",
                 "target_printed", "results", "indicators_printed", "note", "name", "short", "alias", "executor_name", "goal_path"}
    for path in data_dir.glob("*.csv"):
        rows = read_csv(path)
        for row in rows:
            for column, value in row.items():
                if column not in free_text:
                    assert "\n" not in value, (path.name, column, value)
            for column in ("overdue", "disputed", "consent"):
                if column in row:
                    assert row[column] in ("true", "false"), (path.name, column, row[column])


def test_measure_ids_are_strings_and_tables_join(data_dir):
    measures = {r["id"]: r for r in read_csv(data_dir / "measures.csv")}
    assert measures and all(i.count("/") == 1 for i in measures)
    for name in ("measure-executors", "measure-sources", "results", "statuses", "evidence", "indicators"):
        for row in read_csv(data_dir / f"{name}.csv"):
            assert row["measure_id"] in measures, (name, row["measure_id"])


def test_every_plan_workbook_opens_in_openpyxl_with_ids_as_text(data_dir):
    import openpyxl
    for path in plan_files(data_dir):
        plan = load(path)["plan"]["id"]
        book = openpyxl.load_workbook(data_dir / f"{plan}.xlsx", read_only=True)
        assert "measures" in book.sheetnames and "statuses" in book.sheetnames
        rows = list(book["measures"].iter_rows(values_only=True))
        header = rows[0]
        numbers = [r[header.index("number")] for r in rows[1:]]
        assert numbers == [r["number"] for r in read_csv(data_dir / f"{plan}-measures.csv")]
        assert all(isinstance(n, str) for n in numbers), "measure numbers must stay text"
        assert all(isinstance(r[header.index("id")], str) for r in rows[1:])


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_libreoffice_opens_the_workbooks_and_keeps_numbers_as_text(data_dir, tmp_path):
    binary = soffice()
    assert binary, "LibreOffice is missing: tests/e2e/setup.sh installs libreoffice-calc-nogui"
    plan = load(plan_files(data_dir)[0])["plan"]["id"]
    out = tmp_path / "lo"
    out.mkdir()
    # Convert the first sheet (measures) back to CSV in a Ukrainian locale, where «1.1» would otherwise become a date.
    env = dict(os.environ, HOME=str(tmp_path), LANG="uk_UA.UTF-8", LC_ALL="uk_UA.UTF-8")
    for name in (f"{plan}.xlsx", f"{plan}-monitoring-template.xlsx"):
        done = subprocess.run([binary, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                               "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(data_dir / name)],
                              capture_output=True, text=True, timeout=180, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
    rows = list(csv.reader(io.StringIO((out / f"{plan}.csv").read_text(encoding="utf-8"))))
    header = rows[0]
    assert header[:3] == ["id", "plan", "number"]
    expected = [r["number"] for r in read_csv(data_dir / f"{plan}-measures.csv")]
    assert [r[2] for r in rows[1:]] == expected
    # The template's first sheet: plan id as written.
    about = list(csv.reader(io.StringIO((out / f"{plan}-monitoring-template.csv").read_text(encoding="utf-8"))))
    assert about[1][0] == "plan" and about[1][2] == plan


# --- the monitoring template round trip (issue 14 §7) ---

def test_template_filled_with_openpyxl_imports_to_the_same_site(tmp_path):
    import openpyxl
    binary = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
    fixture = REPO / "Tests/Fixtures/open-data/Content"
    content = tmp_path / "Content"
    shutil.copytree(fixture, content)
    (content / "reports/money-2025.yaml").unlink()

    def build(src, out):
        done = subprocess.run([binary, "build", "--content", str(src), "--templates", str(REPO / "Templates"), "--output", str(out)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr

    build(content, tmp_path / "without")
    book = openpyxl.load_workbook(tmp_path / "without/data/money-monitoring-template.xlsx")
    assert book.sheetnames == ["Звіт", "Заходи", "Показники", "Відповіді"]
    measures = book["Заходи"]
    validation = measures.data_validations.dataValidation[0]
    assert "виконано частково" in validation.formula1 and str(validation.sqref).startswith("E2")
    for row in book["Звіт"].iter_rows(min_row=2):
        if row[0].value == "title":
            row[2].value = "Звіт за 2025 рік"
    for row in measures.iter_rows(min_row=2):
        if row[0].value == "1.1":
            row[4].value, row[5].value = "виконано", "Проведено 4 семінари."
            row[6].value, row[7].value = "Новина на сайті", "https://example.org/news/1"
    sheet = book["Показники"]
    rows = list(sheet.iter_rows(min_row=2))
    for row in rows:
        # An indicator number the document does not print is the site's own, shown in brackets.
        if (row[0].value or "").strip("[]") == "1.1-1":
            assert row[3].value == "осіб"  # the target's unit, shown beside the target
            row[4].value, row[5].value, row[6].value = "2025-12-31", 120.5, "осіб"
    free = [r for r in rows if r[0].value is None]
    for row, (group, value) in zip(free, [("жінки", 70), ("чоловіки", 50.5)]):
        row[0].value, row[4].value, row[5].value, row[7].value, row[8].value = "1.1-1", "2025-12-31", value, "стать", group
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    args = [binary, "import", "report", str(filled), "--reporter", "Обласна державна адміністрація", "--voice", "official",
            "--executor", "oda", "--period", "2025", "--published", "2026-01-20", "--id", "money-2025",
            "--content", str(content), "--templates", str(REPO / "Templates")]
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    again = subprocess.run(args, capture_output=True, text=True)
    assert again.returncode != 0 and "не перезаписано" in again.stderr  # Ukrainian by default

    build(content, tmp_path / "imported")
    build(fixture, tmp_path / "hand-written")
    for page in (tmp_path / "hand-written").rglob("*"):
        if page.is_file():
            other = tmp_path / "imported" / page.relative_to(tmp_path / "hand-written")
            assert other.read_bytes() == page.read_bytes(), page.relative_to(tmp_path / "hand-written")
