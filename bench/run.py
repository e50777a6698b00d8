#!/usr/bin/env python3
"""PlanPress benchmark: full builds at several sizes, plus a one-measure edit
(as a new process, and as `build --watch`/`serve` rebuild it).

    python3 bench/run.py [--sizes shipped,5k,20k,100k,import,scaling] [--runs 3] [--binary .build/release/planpress]

For each size it reports pages written, wall time, CPU time, peak memory (max
RSS of the build process) and per-stage times, as medians of several runs,
and writes them to bench/results/latest.json and appends a line per size to
bench/results/history.csv so results can be compared over time.

`scaling` runs bench/scaling.py: per input dimension, CPU time and peak memory
at n, 2n and 4n with everything else fixed (bench/results/scaling.md); the
benchmark exits 1 when doubling an input costs more than 2.3× the time.
"""
import argparse, csv, datetime, json, os, platform, re, resource, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench")
# measures per size; pages ≈ 2 languages × (measure + indicator pages) + goals + executors
SIZES = {"5k": 575, "20k": 2300, "100k": 11500}
STAGE = re.compile(r"^(load content|load templates|link and validate|render|write): ([0-9.]+) s$")
PAGES = re.compile(r"built (\d+) pages \((\d+) files, (\d+) unchanged\)")


def run_build(binary, content, output, templates, extra=()):
    # Earlier runs' files still being written back to disk would compete for the cores.
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([binary, "build", "--lang", "en", *extra, "--content", content, "--templates", templates, "--output", output],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"build failed for {content}:\n{proc.stderr[-3000:]}")
    stages = {m.group(1): float(m.group(2)) for m in map(STAGE.match, proc.stdout.splitlines()) if m}
    pages = PAGES.search(proc.stdout)
    return {
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_mb": after.ru_maxrss / 1024.0,  # max RSS of any child so far (KiB on Linux)
        "stages": stages,
        "pages": int(pages.group(1)), "files": int(pages.group(2)), "unchanged": int(pages.group(3)),
    }


def measure_rss(binary, content, output, templates):
    """Peak RSS of one build alone, via /usr/bin/time when present (ru_maxrss is a running maximum)."""
    if not shutil.which("/usr/bin/time"):
        return None
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "build", "--lang", "en", "--content", content, "--templates", templates,
                           "--output", output], capture_output=True, text=True)
    try:
        return int(proc.stderr.strip().splitlines()[-1]) / 1024.0
    except (ValueError, IndexError):
        return None


def shorten_first_measure_text(text):
    """Drops the last word of the first measure's text: the text changes but is
    still in the source row it cites (`lines:`), so the citation check passes."""
    return re.sub(r'(  text: "[^"\n]*) [^ "\n]+"', r'\1"', text, count=1)


def edit_one_measure(content):
    """Changes the text of one measure, as a press office saving a file would."""
    plan = os.path.join(content, "plans", sorted(os.listdir(os.path.join(content, "plans")))[0], "plan.yaml")
    text = open(plan, encoding="utf-8").read()
    edited = shorten_first_measure_text(text)
    assert edited != text, "no measure text to edit"
    open(plan, "w", encoding="utf-8").write(edited)


def edit_one_value(content):
    """Changes one indicator value of the newest report by one, as a monitor correcting a figure would."""
    folder = os.path.join(content, "reports")
    path = os.path.join(folder, sorted(os.listdir(folder))[-1])
    text = open(path, encoding="utf-8").read()
    edited = re.sub(r'value: "(\d+)"', lambda m: f'value: "{int(m.group(1)) + 1}"', text, count=1)
    assert edited != text, "no value to edit"
    open(path, "w", encoding="utf-8").write(edited)


def watch_rebuild(binary, content, output, templates, edits=3, edit=edit_one_measure):
    """`planpress build --watch` as serve uses it: one full build, then a measure
    edited `edits` times; returns the median rebuild time the tool reports, the
    median time from the save to the finished rebuild (includes the 0.05 s poll),
    pages rendered and output files whose modification time stayed."""
    proc = subprocess.Popen([binary, "build", "--lang", "en", "--watch", "--poll", "0.05", "--content", content, "--templates", templates,
                             "--output", output], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    built = re.compile(r"^built (\d+) pages \((?:(\d+) of \d+ pages rendered|all pages rendered: [^;]*); (\d+) files written.* in ([0-9.]+) s$")
    def next_build():
        for line in proc.stdout:
            m = built.match(line.strip())
            if m:
                return m
        sys.exit("build --watch stopped")
    try:
        next_build()
        for line in proc.stdout:
            if line.startswith("watching"):
                break
        internal, external, rendered, kept, total = [], [], 0, 0, 0
        for _ in range(edits):
            before = {}
            for folder, _, names in os.walk(output):
                for n in names:
                    before[os.path.join(folder, n)] = os.stat(os.path.join(folder, n)).st_mtime_ns
            start = time.perf_counter()
            edit(content)
            m = next_build()
            external.append(time.perf_counter() - start)
            internal.append(float(m.group(4)))
            rendered = int(m.group(2) or m.group(1))
            kept = sum(1 for path, t in before.items() if os.path.exists(path) and os.stat(path).st_mtime_ns == t)
            total = len(before)
        return {"internal": statistics.median(internal), "external": statistics.median(external),
                "rendered": rendered, "kept": kept, "files": total}
    finally:
        proc.terminate()
        proc.wait()


SERIES_VALUES = 4000


def bench_series_edit(binary, templates):
    """One indicator with a 4,000-value series (daily values of one voice, one report per half-year:
    the `values` site of bench/scaling.py): the full build, then one value edited three times as
    `serve` rebuilds it (`build --watch`)."""
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    import scaling
    folder = os.path.join(WORK, "series")
    content = scaling.dim_values(SERIES_VALUES).write(folder)
    output = os.path.join(WORK, "out-series")
    shutil.rmtree(output, ignore_errors=True)
    watched = watch_rebuild(binary, content, output, templates, edit=edit_one_value)
    return {"size": f"series-{SERIES_VALUES}", "values": SERIES_VALUES, "rebuild_one_value_edit_s": watched["internal"],
            "value_edit_to_rebuilt_s": round(watched["external"], 3), "rebuild_one_value_edit_pages_rendered": watched["rendered"],
            "rebuild_one_value_edit_files_kept": watched["kept"], "rebuild_one_value_edit_files": watched["files"]}


def bench_size(name, binary, runs, templates):
    if name == "shipped":
        content = os.path.join(ROOT, "Content")
    else:
        folder = os.path.join(WORK, name)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), folder, "--measures", str(SIZES[name])],
                       check=True, capture_output=True)
        content = os.path.join(folder, "Content")
    # Every build writes into a folder of its own; all are deleted only at the end (`main`).
    # On ext4 without a journal (this VM's disk), creating files within ~30 s of deleting
    # thousands scans the recently freed inodes on every create (`recently_deleted` in a
    # kernel profile): deleting the last run's 21k files first made a 20k build 4-6 s slower.
    output = os.path.join(WORK, f"out-{name}")
    results = []
    for run in range(runs):
        results.append(run_build(binary, content, f"{output}-{run}", templates))
    rss = measure_rss(binary, content, output + "-rss", templates)
    # `--precompress` (a gzip twin of every text file, docs/deploy.md): its cost against the plain builds of this run.
    gz = run_build(binary, content, output + "-gz", templates, extra=("--precompress",))
    first = f"{output}-0"
    unchanged = run_build(binary, content, first, templates)  # output exists: nothing should be rewritten
    edited = watched = None
    if name != "shipped":
        edit_one_measure(content)
        edited = run_build(binary, content, first, templates)
        watched = watch_rebuild(binary, content, output + "-watch", templates)
    stage_names = sorted({s for r in results for s in r["stages"]})
    row = {
        "size": name, "pages": results[0]["pages"], "files": results[0]["files"], "runs": runs,
        "wall_s": round(statistics.median(r["wall"] for r in results), 3),
        "cpu_s": round(statistics.median(r["cpu"] for r in results), 3),
        "peak_mb": round(rss if rss is not None else max(r["peak_mb"] for r in results), 1),
        "stages_s": {s: round(statistics.median(r["stages"].get(s, 0) for r in results), 3) for s in stage_names},
        "rebuild_unchanged_s": round(unchanged["wall"], 3), "rebuild_unchanged_files_kept": unchanged["unchanged"],
        "bytes_by_kind": bytes_by_kind(first),
        "precompress_wall_s": round(gz["wall"], 3), "precompress_cpu_s": round(gz["cpu"], 3),
        "precompress": gzip_twins(output + "-gz"),
    }
    if edited:
        # A new process: loads, links and renders everything, writes only what changed.
        row["cold_rebuild_one_edit_s"] = round(edited["wall"], 3)
        row["cold_rebuild_one_edit_files_kept"] = edited["unchanged"]
    if watched:
        # As serve does: the running process renders only what the edit changed.
        row["rebuild_one_edit_s"] = round(watched["internal"], 3)
        row["edit_to_rebuilt_s"] = round(watched["external"], 3)
        row["rebuild_one_edit_pages_rendered"] = watched["rendered"]
        row["rebuild_one_edit_files_kept"] = watched["kept"]
        row["rebuild_one_edit_files"] = watched["files"]
    return row


PAGE_KINDS = [  # (kind, pattern on the path relative to the output root, English twins included)
    ("measure", r"plans/[^/]+/measures/"), ("goal", r"plans/[^/]+/goals/"), ("indicator", r"plans/[^/]+/indicators/"),
    ("print", r"plans/[^/]+/print/"), ("timeline", r"plans/[^/]+/timeline/"), ("source", r"plans/[^/]+/source/"),
    ("report", r"reports/"), ("plan", r"plans/[^/]+/index\.html$"), ("executor", r"executors/[^/]+/"),
    ("executors", r"executors/index\.html$"), ("update", r"updates/[^/]+/"), ("updates", r"updates/index\.html$"),
    ("search-index", r"search/.*\.json$"), ("search", r"search/"), ("open-data", r"data/"), ("asset", r"assets/"),
    ("feed", r"\.xml$"), ("home", r"index\.html$"),
]


def bytes_by_kind(root):
    """Files and bytes per page kind (both languages), so a change in bytes shows where it comes from."""
    kinds = {}
    for folder, _, names in os.walk(root):
        for n in names:
            path = os.path.join(folder, n)
            rel = os.path.relpath(path, root)
            if rel.startswith("en/"):
                rel = rel[3:]
            kind = next((k for k, pat in PAGE_KINDS if re.search(pat, rel)), "other")
            entry = kinds.setdefault(kind, {"files": 0, "bytes": 0})
            entry["files"] += 1
            entry["bytes"] += os.lstat(path).st_size
    for entry in kinds.values():
        entry["avg_bytes"] = entry["bytes"] // entry["files"]
    return dict(sorted(kinds.items(), key=lambda kv: -kv[1]["bytes"]))


def gzip_twins(root):
    """Bytes of the text files that have a gzip twin, and of the twins."""
    plain = packed = 0
    for folder, _, names in os.walk(root):
        for n in names:
            if n.endswith(".gz"):
                packed += os.lstat(os.path.join(folder, n)).st_size
                plain += os.lstat(os.path.join(folder, n[:-3])).st_size
    return {"text_bytes": plain, "gz_bytes": packed}


def remove_outputs():
    for entry in os.listdir(WORK):
        if entry.startswith("out-"):
            shutil.rmtree(os.path.join(WORK, entry), ignore_errors=True)


IMPORT_MEASURES = 300


def timed(command):
    """Wall time, CPU time and peak RSS (MB) of one command (peak RSS via /usr/bin/time)."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{proc.stdout[-2000:]}{proc.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), int(proc.stderr.strip().splitlines()[-1]) / 1024.0


def bench_import(binary, runs, templates):
    """`planpress import plan`: a generated document of IMPORT_MEASURES measures (four levels, merged
    task cells, three bodies and three indicators a measure) into a small site, and the real-size
    fixture of the 2026–2030 plan (41 measures, tests/e2e/word_fixtures.py) into the shipped content
    without that plan. Wall time includes reading the document, writing the files and the `check` of
    the whole site the import runs before it keeps them."""
    try:
        import docx  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "python-docx", "PyYAML"], check=True)
    folder = os.path.join(WORK, "import")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    fixtures = os.path.join(ROOT, "tests", "e2e", "word_fixtures.py")
    generated = os.path.join(folder, f"plan-{IMPORT_MEASURES}.docx")
    subprocess.run([sys.executable, fixtures, "--bench", str(IMPORT_MEASURES), generated], check=True)
    subprocess.run([sys.executable, fixtures, folder], check=True)
    real = os.path.join(folder, "luhansk-wps-2026-2030.docx")
    out = {}
    for key, document, plan_id, base in [("generated", generated, "bench-import", None),
                                          ("real_size", real, "luhansk-wps-2026-2030", os.path.join(ROOT, "Content"))]:
        walls, cpus, peaks = [], [], []
        for n in range(runs):
            content = os.path.join(folder, f"content-{key}-{n}")
            if base:
                shutil.copytree(base, content)
                shutil.rmtree(os.path.join(content, "plans", plan_id))
                for name in os.listdir(os.path.join(content, "sources")):
                    if name.startswith(plan_id + "."):
                        os.remove(os.path.join(content, "sources", name))
            else:
                os.makedirs(content)
                with open(os.path.join(content, "site.yaml"), "w") as f:
                    f.write('title: "Бенчмарк імпорту"\nbase_url: "/"\nas_of: 2026-11-21\n')
            wall, cpu, peak = timed([binary, "import", "plan", document, "--id", plan_id, "--content", content, "--templates", templates])
            walls.append(wall); cpus.append(cpu); peaks.append(peak)
        plan = os.path.join(folder, f"content-{key}-0", "plans", plan_id, "plan.yaml")
        out[key] = {"document": os.path.basename(document), "bytes": os.path.getsize(document),
                    "measures": sum(1 for line in open(plan, encoding="utf-8") if line.strip().startswith("text:")),
                    "wall_s": round(statistics.median(walls), 3), "wall_min_s": round(min(walls), 3),
                    "cpu_s": round(statistics.median(cpus), 3), "peak_mb": round(max(peaks), 1), "runs": runs}
    shutil.rmtree(folder, ignore_errors=True)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="shipped,5k,20k,100k,series,import,scaling")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "planpress"))
    parser.add_argument("--templates", default=os.path.join(ROOT, "Templates"))
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)
    if any(entry.startswith("out-") for entry in os.listdir(WORK)):
        remove_outputs()  # left by an interrupted run
        print("removed old outputs; waiting 40 s so the file system's recently freed inodes do not slow the builds", flush=True)
        time.sleep(40)
    rows = []
    imported = None
    scaling_failed = False
    for name in args.sizes.split(","):
        if name == "scaling":
            # Its own table and check (bench/scaling.py); a dimension over the limit fails the benchmark at the end.
            scaling = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "scaling.py"), "--binary", args.binary,
                                      "--templates", args.templates, "--runs", str(args.runs)])
            scaling_failed = scaling.returncode != 0
            continue
        if name == "series":
            row = bench_series_edit(args.binary, args.templates)
            rows.append(row)
            print(f"  series: one value edited in a {row['values']}-value series: rebuild {row['rebuild_one_value_edit_s']} s "
                  f"(save→done {row['value_edit_to_rebuilt_s']} s, {row['rebuild_one_value_edit_pages_rendered']} pages rendered, "
                  f"{row['rebuild_one_value_edit_files_kept']}/{row['rebuild_one_value_edit_files']} files kept)", flush=True)
            continue
        if name == "import":
            imported = bench_import(args.binary, max(args.runs, 3), args.templates)
            for key, r in imported.items():
                print(f"  import {key}: {r['measures']} measures ({r['bytes'] / 1024:.0f} KB .docx)  wall {r['wall_s']:.3f} s "
                      f"(min {r['wall_min_s']:.3f})  cpu {r['cpu_s']:.3f} s  peak {r['peak_mb']:.1f} MB", flush=True)
            continue
        runs = 1 if name == "100k" else args.runs
        row = bench_size(name, args.binary, runs, args.templates)
        rows.append(row)
        print(f"{name:>8}: {row['pages']:>6} pages  wall {row['wall_s']:>7.3f} s  cpu {row['cpu_s']:>7.3f} s  "
              f"peak {row['peak_mb']:>7.1f} MB  stages {row['stages_s']}  "
              f"unchanged-rebuild {row['rebuild_unchanged_s']} s ({row['rebuild_unchanged_files_kept']} kept)"
              + (f"  cold-one-edit {row['cold_rebuild_one_edit_s']} s" if "cold_rebuild_one_edit_s" in row else "")
              + (f"  watch-one-edit {row['rebuild_one_edit_s']} s (save→done {row['edit_to_rebuilt_s']} s, "
                 f"{row['rebuild_one_edit_pages_rendered']} pages rendered, {row['rebuild_one_edit_files_kept']}/{row['rebuild_one_edit_files']} files kept)"
                 if "rebuild_one_edit_s" in row else ""),
              flush=True)
        twins = row["precompress"]
        print(f"          --precompress: wall {row['precompress_wall_s']:.3f} s ({row['precompress_wall_s'] / row['wall_s']:.2f}× the plain build), "
              f"cpu {row['precompress_cpu_s']:.3f} s; text {twins['text_bytes'] / 1e6:.1f} MB → gzip {twins['gz_bytes'] / 1e6:.1f} MB", flush=True)
        print("          bytes per kind: " + ", ".join(f"{k} {v['files']}×{v['avg_bytes'] / 1024:.1f} KB" for k, v in row["bytes_by_kind"].items()),
              flush=True)
    results = os.path.join(ROOT, "bench", "results")
    os.makedirs(results, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # latest.json keeps the newest row of every size, so a run of some sizes does not drop the others.
    latest = os.path.join(results, "latest.json")
    order = ["shipped", *SIZES]
    merged = {r["size"]: r for r in rows}
    if os.path.exists(latest):
        for old in json.load(open(latest)).get("rows", []):
            merged.setdefault(old["size"], old)
    for r in rows:
        r["when"] = stamp
    meta = {"when": stamp, "machine": platform.node(), "cores": os.cpu_count(),
            "rows": sorted(merged.values(), key=lambda r: order.index(r["size"]) if r["size"] in order else len(order))}
    previous_import = json.load(open(latest)).get("import") if os.path.exists(latest) else None
    if imported or previous_import:
        meta["import"] = dict(imported or previous_import, when=stamp if imported else previous_import.get("when"))
    with open(latest, "w") as f:
        json.dump(meta, f, indent=2, ensure_ascii=False)
    history = os.path.join(results, "history.csv")
    new = not os.path.exists(history)
    with open(history, "a", newline="") as f:
        w = csv.writer(f)
        if new:
            w.writerow(["when", "size", "pages", "wall_s", "cpu_s", "peak_mb", "rebuild_one_edit_s"])
        for r in rows:
            if "pages" in r:
                w.writerow([stamp, r["size"], r["pages"], r["wall_s"], r["cpu_s"], r["peak_mb"], r.get("rebuild_one_edit_s", "")])
            else:  # the series edit: a rebuild, no full-build figures
                w.writerow([stamp, r["size"], "", "", "", "", r["rebuild_one_value_edit_s"]])
    remove_outputs()
    print(f"results: bench/results/latest.json, bench/results/history.csv")
    if scaling_failed:
        sys.exit("scaling: doubling an input cost more than 2.3× the time (bench/results/scaling.md)")


if __name__ == "__main__":
    main()
