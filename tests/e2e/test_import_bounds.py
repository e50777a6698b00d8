"""`planpress import report` against hostile workbooks, with the release
binary (docs/reliability.md, «Limits»; docs/monitoring.md, «An import that
never loses a row»): a sheet that unpacks to 2 GiB, an unused 4 GiB part,
1,048,576 rows, an impossible cell reference. Each is refused with a
Ukrainian message naming the sheet, exits non-zero, writes nothing under
Content/, and the process's peak memory (its own rusage, `os.wait4`) stays
under PEAK_MB. Two imports of one report at once: exactly one writes it.
An unknown --voice is answered in Ukrainian."""
import os, pathlib, shutil, subprocess, tempfile, zipfile

import pytest

from conftest import REPO

BINARY = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
FIXTURE = REPO / "Tests/Fixtures/open-data/Content"
# «A few hundred MB for any file»: the reader unpacks at most 64 MB of one part.
PEAK_MB = 300
SHEET_HEADER = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_FOOTER = b"</sheetData></worksheet>"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The fixture plan's published monitoring template (parts by name)."""
    out = tmp_path_factory.mktemp("import-bounds") / "site"
    done = subprocess.run([BINARY, "build", "--content", str(FIXTURE), "--templates", str(REPO / "Templates"), "--output", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(out / "data/money-monitoring-template.xlsx") as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "Content"
    shutil.copytree(FIXTURE, folder)
    (folder / "reports/money-2025.yaml").unlink()
    return folder


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


def workbook(path, parts, replace=None, extra=None):
    """The template's parts, one replaced by chunks streamed from `replace[name]`, and further parts streamed from `extra`."""
    replace, extra = replace or {}, extra or {}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1, allowZip64=True) as z:
        for name, data in parts.items():
            if name in replace:
                with z.open(name, "w", force_zip64=True) as out:
                    for chunk in replace[name]():
                        out.write(chunk)
            else:
                z.writestr(name, data)
        for name, chunks in extra.items():
            with z.open(name, "w", force_zip64=True) as out:
                for chunk in chunks():
                    out.write(chunk)
    return path


def run_import(book, content, *extra):
    """Runs the release binary; returns (exit status, stderr, its own peak resident memory in MB)."""
    args = [BINARY, "import", "report", str(book), "--reporter", "Коаліція 1325", "--period", "2025", "--published", "2026-01-20",
            "--content", str(content), "--templates", str(REPO / "Templates"), *extra]
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return process.returncode, err.read().decode("utf-8"), usage.ru_maxrss / 1024


def refused(book, content, *extra):
    before = snapshot(content)
    code, stderr, peak = run_import(book, content, *extra)
    assert code != 0, stderr
    assert snapshot(content) == before, "nothing is written"
    assert "звіт не записано" in stderr, stderr
    assert peak < PEAK_MB, f"peak memory {peak:.0f} MB"
    print(f"{book.name}: refused, peak {peak:.0f} MB")
    return stderr, peak


def test_a_sheet_that_unpacks_to_two_gigabytes_is_refused_while_unpacking(template, content, tmp_path):
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c></row>'
    block = row * (1 << 14)

    def sheet():
        yield SHEET_HEADER
        for _ in range((2 << 30) // len(block)):
            yield block
        yield SHEET_FOOTER

    book = workbook(tmp_path / "bomb.xlsx", template, replace={"xl/worksheets/sheet2.xml": sheet})
    assert book.stat().st_size < 16 << 20
    stderr, _ = refused(book, content)
    assert "аркуш «Заходи» після розпакування більший за 64 МБ" in stderr


def test_an_unused_four_gigabyte_part_is_never_unpacked(template, content, tmp_path):
    zeros = b"\0" * (1 << 24)

    def unused():
        for _ in range((4 << 30) // len(zeros)):
            yield zeros

    book = workbook(tmp_path / "unused.xlsx", template, extra={"xl/media/unused.bin": unused})
    # The template as published (it carries the site's statuses): the import reads only the parts it needs and writes the report.
    code, stderr, peak = run_import(book, content)
    assert code == 0, stderr
    assert peak < PEAK_MB, f"peak memory {peak:.0f} MB"
    assert "більший за" not in stderr and "ZIP" not in stderr, stderr
    print(f"unused 4 GiB part: exit {code}, peak {peak:.0f} MB")


def test_a_million_rows_are_refused_at_the_row_limit(template, content, tmp_path):
    def sheet():
        yield SHEET_HEADER
        for start in range(1, 1_048_577, 4096):
            yield b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(start, min(start + 4096, 1_048_577)))
        yield SHEET_FOOTER

    book = workbook(tmp_path / "rows.xlsx", template, replace={"xl/worksheets/sheet2.xml": sheet})
    stderr, _ = refused(book, content)
    assert "аркуш «Заходи» має понад 100000 рядків" in stderr


def test_an_impossible_reference_is_refused_at_once(template, content, tmp_path):
    def sheet():
        yield SHEET_HEADER + b'<row r="1"><c r="E99999999999"><v>1</v></c></row>' + SHEET_FOOTER

    book = workbook(tmp_path / "reference.xlsx", template, replace={"xl/worksheets/sheet2.xml": sheet})
    stderr, _ = refused(book, content)
    assert "аркуш «Заходи»: адреса клітинки «E99999999999» неможлива" in stderr


def test_an_unknown_voice_is_answered_in_ukrainian(template, content, tmp_path):
    book = workbook(tmp_path / "plain.xlsx", template)
    stderr, _ = refused(book, content, "--voice", "ngo")
    assert "голос 'ngo' невідомий; можливі: official, civil-society" in stderr


def test_two_imports_of_one_report_at_once_write_it_once(template, content, tmp_path):
    import openpyxl
    plain = workbook(tmp_path / "plain.xlsx", template)
    book = openpyxl.load_workbook(plain)
    for row in book["Заходи"].iter_rows(min_row=2):
        if row[0].value == "1.1":
            row[4].value = "виконується"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    args = [BINARY, "import", "report", str(filled), "--reporter", "Коаліція 1325", "--period", "2025", "--published", "2026-01-20",
            "--id", "same", "--content", str(content), "--templates", str(REPO / "Templates")]
    for attempt in range(5):
        target = content / "reports/same.yaml"
        if target.exists():
            target.unlink()
        processes = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(), p.stderr.read()) for p in processes]
        assert sorted(code for code, _ in results) == [0, 1], results
        loser = next(err for code, err in results if code != 0)
        assert "уже є, і його не перезаписано" in loser, loser
        assert target.exists()
