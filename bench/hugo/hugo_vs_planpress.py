#!/usr/bin/env python3
"""PlanPress vs Hugo on the same synthetic work (see README.md in this folder).

    python3 hugo_vs_planpress.py setup  --sizes 5k,20k           # generate content, convert to Hugo
    python3 hugo_vs_planpress.py full   --sizes 5k,20k --pairs 5 # interleaved timed builds
    python3 hugo_vs_planpress.py instr  --sizes 5k               # instruction counts (callgrind)
    python3 hugo_vs_planpress.py floor  --sizes 20k              # physical floor estimate
    python3 hugo_vs_planpress.py incr   --sizes 20k              # one-edit rebuilds (watch / hugo server)
    python3 hugo_vs_planpress.py report                          # results/*.json → results/RESULTS.md
    python3 hugo_vs_planpress.py clean                           # delete large folders under --work

Work folders live under --work (default: planpress-hugo-compare in the system temp folder); results are written to
results/ under --results (default: bench/results/hugo-compare in the checkout) (one JSON per phase and size, plus RESULTS.md).
Every loop is bounded; every process started is ended by its own PID.
"""
import argparse, tempfile, datetime, glob, json, os, platform, re, shutil, signal, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.environ.get("HUGO_COMPARE_RESULTS", os.path.join(os.getcwd(), "bench", "results", "hugo-compare"))
SIZES = {"5k": 575, "20k": 2300, "100k": 11500}  # measures per size, as PlanPress's bench/run.py
# The PlanPress checkout whose bench/generate.py and Templates/ are used (default: the current folder).
PP_SRC = os.path.abspath(os.environ.get("PLANPRESS_ROOT", os.getcwd()))


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def load1():
    return float(open("/proc/loadavg").read().split()[0])


def wait_for_load(limit, max_wait_s, poll_s=10):
    """Waits (bounded) until the 1-minute load average is below `limit`; returns what was seen."""
    start = time.time()
    first = load1()
    while True:
        cur = load1()
        if cur < limit:
            return {"load1_at_start": cur, "waited_s": round(time.time() - start), "load1_first_seen": first, "reached": True}
        if time.time() - start > max_wait_s:
            log(f"load {cur:.2f} still ≥ {limit} after {max_wait_s} s: running anyway (flagged)")
            return {"load1_at_start": cur, "waited_s": round(time.time() - start), "load1_first_seen": first, "reached": False}
        log(f"load1 {cur:.2f} ≥ {limit}; waiting")
        time.sleep(poll_s)


def paths(work, size):
    return {"content": os.path.join(work, f"content-{size}", "Content"),
            "site": os.path.join(work, f"hugo-{size}"),
            "templates": os.path.join(work, "gen", "Templates"),
            "out": os.path.join(work, "out", size)}


def tree_stats(root, kinds=None):
    """Files, folders, bytes and HTML files under root; with a dict for `kinds`, files and bytes per
    page kind (`KIND_PATTERNS`) are counted into it in the same walk."""
    files = dirs = size = html = 0
    for folder, dnames, fnames in os.walk(root):
        dirs += len(dnames)
        for n in fnames:
            path = os.path.join(folder, n)
            bytes_ = os.lstat(path).st_size
            files += 1
            size += bytes_
            html += n.endswith(".html")
            if kinds is not None:
                rel = os.path.relpath(path, root)
                rel = rel[3:] if rel.startswith("en/") else rel
                kind = next((k for k, pattern in KIND_PATTERNS if pattern.fullmatch(rel)), "other")
                c = kinds.setdefault(kind, {"files": 0, "bytes": 0})
                c["files"] += 1
                c["bytes"] += bytes_
    return {"files": files, "dirs": dirs, "bytes": size, "html_files": html}


# Page kinds by address (both sites use the same URLs): the twin's equivalence, checked on every run.
KIND_PATTERNS = [(k, re.compile(p)) for k, p in (
    ("indicator", r"plans/[^/]+/indicators/[^/]+/index\.html$"), ("measure", r"plans/[^/]+/measures/[^/]+/index\.html$"),
    ("goal lists", r"plans/[^/]+/goals/[^/]+/lists/index\.html$"), ("goal", r"plans/[^/]+/goals/[^/]+/index\.html$"),
    ("plan lists", r"plans/[^/]+/lists/index\.html$"), ("plan source", r"plans/[^/]+/source/index\.html$"),
    ("plan print", r"plans/[^/]+/print/index\.html$"), ("plan timeline", r"plans/[^/]+/timeline/index\.html$"),
    ("plan", r"plans/[^/]+/index\.html$"), ("plan feeds", r"plans/[^/]+/(feed|reports)\.xml$"),
    ("executor lists", r"executors/[^/]+/lists/index\.html$"), ("executor", r"executors/[^/]+/index\.html$"),
    ("report", r"reports/[^/]+/index\.html$"), ("year", r"years/[^/]+/index\.html$"),
    ("update", r"updates/.+\.html$"), ("data csv", r"data/[^/]+\.csv$"), ("data json", r"data/[^/]+\.json$"),
    ("data xlsx/zip", r"data/[^/]+\.(xlsx|zip)$"))]



def save(name, data):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, name), "w") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
    log("wrote", os.path.join(RESULTS, name))


def env_info(args):
    hv = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    return {"when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "host": platform.node(), "kernel": platform.release(), "cores": os.cpu_count(),
            "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
            "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
            "hugo": hv, "planpress": args.planpress,
            "planpress_sha256_head": subprocess.run(["sha256sum", args.planpress], capture_output=True, text=True).stdout[:16]}


# ---------------------------------------------------------------- setup

def cmd_setup(args):
    gen = os.path.join(args.work, "gen")
    os.makedirs(gen, exist_ok=True)
    shutil.copy(os.path.join(PP_SRC, "bench", "generate.py"), gen)
    if not os.path.isdir(os.path.join(gen, "Templates")):
        shutil.copytree(os.path.join(PP_SRC, "Templates"), os.path.join(gen, "Templates"))
    for size in args.sizes:
        p = paths(args.work, size)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(gen, "generate.py"), os.path.dirname(p["content"]),
                        "--measures", str(SIZES[size])], check=True)
        t1 = time.perf_counter()
        r = subprocess.run([sys.executable, os.path.join(HERE, "pp2hugo.py"), p["content"], p["site"],
                            "--templates", p["templates"]], check=True, capture_output=True, text=True)
        t2 = time.perf_counter()
        conv = json.loads(r.stdout)
        src = tree_stats(p["content"])
        log(f"{size}: PlanPress content {src['files']} files {src['bytes']} B (gen {t1 - t0:.1f} s); "
            f"Hugo site content {conv['content_files']} files {conv['content_bytes']} B (convert {t2 - t1:.1f} s)")
        save(f"setup-{size}.json", {"size": size, "measures": SIZES[size], "planpress_content": src,
                                    "hugo_content": conv, "generate_s": round(t1 - t0, 2), "convert_s": round(t2 - t1, 2)})


# ---------------------------------------------------------------- full builds

TIME_FIELDS = {"User time (seconds)": "user_s", "System time (seconds)": "sys_s",
               "Maximum resident set size (kbytes)": "maxrss_kb", "Elapsed (wall clock) time (h:mm:ss or m:ss)": "elapsed",
               "Voluntary context switches": "vcsw", "Involuntary context switches": "ivcsw",
               "File system outputs": "fs_outputs", "Percent of CPU this job got": "cpu_pct"}


def parse_time_v(text):
    out = {}
    for line in text.splitlines():
        line = line.strip()
        for k, v in TIME_FIELDS.items():
            if line.startswith(k + ":"):
                out[v] = line.split(":", 1)[1].strip() if v == "elapsed" else float(line.rsplit(":", 1)[1].strip().rstrip("%"))
    return out


def build_cmd(tool, p, out):
    if tool == "planpress":
        return [ARGS.planpress, "build", "--lang", "en", "--content", p["content"], "--templates", p["templates"], "--output", out]
    return ["hugo", "-s", p["site"], "-d", out, "--quiet"]


def timed_build(tool, p, out, timeout):
    assert not os.path.exists(out), out
    os.makedirs(os.path.dirname(out), exist_ok=True)
    os.sync()  # earlier outputs still being written back must not compete with this build
    l1 = load1()
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", *build_cmd(tool, p, out)], capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"{tool} build failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}")
    tv = parse_time_v(r.stderr)
    res = {"tool": tool, "wall_s": round(wall, 3), "user_s": tv.get("user_s"), "sys_s": tv.get("sys_s"),
           "cpu_s": round(tv.get("user_s", 0) + tv.get("sys_s", 0), 2), "maxrss_mb": round(tv.get("maxrss_kb", 0) / 1024, 1),
           "ivcsw": tv.get("ivcsw"), "load1_before": l1}
    if tool == "planpress":
        m = re.search(r"built (\d+) pages \((\d+) files", r.stdout)
        res["pages_reported"] = int(m.group(1)) if m else None
    return res


def summarize(runs):
    def s(key):
        v = [r[key] for r in runs]
        return {"min": min(v), "median": round(statistics.median(v), 3), "max": max(v)}
    return {"n": len(runs), "wall_s": s("wall_s"), "cpu_s": s("cpu_s"), "user_s": s("user_s"), "sys_s": s("sys_s"),
            "maxrss_mb": s("maxrss_mb")}


def remove_outputs(work, pause_s):
    out = os.path.join(work, "out")
    if os.path.isdir(out) and os.listdir(out):
        log("removing earlier outputs")
        shutil.rmtree(out)
        os.sync()
        # ext4 without a journal here: creating files within ~30 s of deleting thousands is slower
        # (PlanPress's docs/performance.md); wait before any timed build.
        log(f"pausing {pause_s} s after the deletion")
        time.sleep(pause_s)


def cmd_full(args):
    remove_outputs(args.work, args.delete_pause)
    for size in args.sizes:
        p = paths(args.work, size)
        timeout = {"5k": 600, "20k": 1800, "100k": 3600}[size]
        # one untimed pair first: warms the page cache with inputs and binaries
        log(f"{size}: warm-up pair")
        for tool in ("planpress", "hugo"):
            timed_build(tool, p, os.path.join(p["out"], f"warm-{tool}"), timeout)
        load = wait_for_load(args.max_load, args.load_wait)
        log(f"{size}: timed series at load1 {load['load1_at_start']:.2f}")
        runs = {"planpress": [], "hugo": []}
        loads = [open("/proc/loadavg").read().strip()]
        for i in range(args.pairs):
            for tool in ("planpress", "hugo"):
                r = timed_build(tool, p, os.path.join(p["out"], f"{tool}-{i}"), timeout)
                runs[tool].append(r)
                log(f"{size} pair {i} {tool}: wall {r['wall_s']:.2f} s cpu {r['cpu_s']:.2f} s rss {r['maxrss_mb']} MB load1 {r['load1_before']}")
        loads.append(open("/proc/loadavg").read().strip())
        result = {"size": size, "env": env_info(args), "load": load, "loadavg_start_end": loads, "pairs": args.pairs,
                  "commands": {t: " ".join(build_cmd(t, p, "OUT")) for t in runs}, "runs": runs}
        for tool in runs:
            result[tool] = summarize(runs[tool])
            result[tool]["kinds"] = {}
            result[tool]["output"] = tree_stats(os.path.join(p["out"], f"{tool}-0"), kinds=result[tool]["kinds"])
        result["ratio_hugo_over_planpress"] = {
            k: round(result["hugo"][k]["median"] / result["planpress"][k]["median"], 2) for k in ("wall_s", "cpu_s", "maxrss_mb")}
        save(f"full-{size}.json", result)
        log(f"{size}: ratio Hugo/PlanPress {result['ratio_hugo_over_planpress']}")
        remove_outputs(args.work, args.delete_pause)


# ---------------------------------------------------------------- control: Hugo with trivial templates

STUB_MAIN = '{{ define "main" }}{{ .Title }}{{ .Content }}{{ end }}\n'
STUB_BASE = '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n'


def cmd_control(args):
    """Same Hugo content, every layout replaced by one printing only the title: Hugo's own cost
    (read, parse front matter, render the Markdown bodies, assemble, write)."""
    for size in args.sizes:
        p = paths(args.work, size)
        site = os.path.join(args.work, f"hugo-{size}-stub")
        if os.path.exists(site):
            shutil.rmtree(site)
        shutil.copytree(p["site"], site)
        for f in glob.glob(os.path.join(site, "layouts", "**", "*.*"), recursive=True):
            if "/partials/" in f or "/_markup/" in f:
                continue
            open(f, "w").write(STUB_BASE if f.endswith("baseof.html") else STUB_MAIN)
        q = dict(p, site=site)
        remove_outputs(args.work, args.delete_pause)
        timed_build("hugo", q, os.path.join(q["out"], "stub-warm"), 1800)
        load = wait_for_load(args.max_load, args.load_wait)
        runs = []
        for i in range(args.pairs):
            runs.append(timed_build("hugo", q, os.path.join(q["out"], f"stub-{i}"), 1800))
            log(f"{size} hugo stub templates: {runs[-1]}")
        res = {"size": size, "load": load, "runs": runs, "summary": summarize(runs),
               "output": tree_stats(os.path.join(q["out"], "stub-0"))}
        save(f"control-{size}.json", res)
        remove_outputs(args.work, 0)
        shutil.rmtree(site)


# ---------------------------------------------------------------- instruction counts

def cmd_instr(args):
    for size in args.sizes:
        p = paths(args.work, size)
        res = {"size": size, "tool_note": "valgrind --tool=callgrind (user-space instructions, all threads; kernel work not counted)"}
        for tool in ("planpress", "hugo"):
            counts = []
            for i in range(args.instr_runs):
                out = os.path.join(args.work, "out", size, f"cg-{tool}-{i}")
                cg = os.path.join(args.work, f"callgrind-{size}-{tool}-{i}.out")
                os.sync()
                t0 = time.perf_counter()
                # Go's asynchronous preemption signals trip a callgrind assertion; turning them off
                # changes scheduling only. PlanPress (Swift 6.3) makes valgrind 3.19 crash (internal
                # SIGSEGV while loading the Swift runtime), even with stripped copies of binary and libs.
                envv = dict(os.environ, GODEBUG="asyncpreemptoff=1")
                r = subprocess.run(["valgrind", "--tool=callgrind", "--cache-sim=no", "--branch-sim=no",
                                    f"--callgrind-out-file={cg}", *build_cmd(tool, p, out)],
                                   capture_output=True, text=True, timeout=3600, env=envv)
                wall = time.perf_counter() - t0
                m = re.search(r"Collected\s*:\s*(\d+)", r.stderr)
                if r.returncode != 0 or not m:
                    res[tool] = {"error": r.stderr[-1500:]}
                    log(f"{size} {tool}: callgrind failed")
                    break
                counts.append(int(m.group(1)))
                log(f"{size} {tool}: {int(m.group(1)) / 1e9:.2f} G instructions ({wall:.0f} s under valgrind)")
                if os.path.exists(cg):
                    os.remove(cg)
            if counts:
                res[tool] = {"instructions": counts, "median_G": round(statistics.median(counts) / 1e9, 3)}
        if "median_G" in res.get("planpress", {}) and "median_G" in res.get("hugo", {}):
            res["ratio_hugo_over_planpress"] = round(res["hugo"]["median_G"] / res["planpress"]["median_G"], 2)
        save(f"instr-{size}.json", res)


# ---------------------------------------------------------------- floor

def compile_floor():
    bindir = os.path.join(ARGS.work, "bin")
    os.makedirs(bindir, exist_ok=True)
    for name, libs in (("cmark_floor", ["-lcmark", "-lpthread"]), ("write_floor", ["-lpthread"])):
        subprocess.run(["gcc", "-O2", "-o", os.path.join(bindir, name), os.path.join(HERE, "floor", name + ".c"), *libs], check=True)
    return bindir


def cmd_floor(args):
    bindir = compile_floor()
    for size in args.sizes:
        p = paths(args.work, size)
        remove_outputs(args.work, args.delete_pause)
        ref = os.path.join(p["out"], "floor-ref")
        log(f"{size}: reference PlanPress build")
        ref_build = timed_build("planpress", p, ref, 1800)
        time.sleep(args.delete_pause)
        ref_stats = tree_stats(ref)
        md = sorted(glob.glob(os.path.join(p["content"], "commentary", "*.md")))
        load = wait_for_load(args.max_load, args.load_wait)
        res = {"size": size, "load": load, "reference_output": ref_stats, "cmark": {}, "write": {}, "cp": []}
        for threads in (1, 2):
            runs = []
            for _ in range(3):
                r = subprocess.run([os.path.join(bindir, "cmark_floor"), "2", str(threads), *md], capture_output=True, text=True, check=True)
                runs.append(json.loads(r.stdout))
            res["cmark"][f"{threads}t"] = {"runs": runs, "median_wall_s": statistics.median(x["wall_s"] for x in runs)}
            log(f"{size} cmark {threads} thread(s): {res['cmark'][f'{threads}t']['median_wall_s']:.3f} s for {runs[0]['files']} files × 2 languages")
        for k in range(args.floor_reps):
            for threads in (1, 2):
                dst = os.path.join(p["out"], f"floor-w{threads}-{k}")
                os.sync()
                r = subprocess.run([os.path.join(bindir, "write_floor"), ref, dst, str(threads)], capture_output=True, text=True, check=True)
                res["write"].setdefault(f"{threads}t", []).append(json.loads(r.stdout))
                log(f"{size} write {threads}t: {res['write'][f'{threads}t'][-1]}")
            dst = os.path.join(p["out"], f"floor-cp-{k}")
            os.sync()
            t0 = time.perf_counter()
            subprocess.run(["cp", "-r", ref, dst], check=True)
            res["cp"].append(round(time.perf_counter() - t0, 3))
            log(f"{size} cp -r: {res['cp'][-1]} s")
        w1 = statistics.median(x["wall_s"] for x in res["write"]["1t"])
        w2 = statistics.median(x["wall_s"] for x in res["write"]["2t"])
        c1 = res["cmark"]["1t"]["median_wall_s"]
        res["floor_s"] = {"cmark_1t": c1, "write_1t": w1, "write_2t": w2, "cp_r": statistics.median(res["cp"]),
                          "write_1t_min": min(x["wall_s"] for x in res["write"]["1t"]), "write_2t_min": min(x["wall_s"] for x in res["write"]["2t"]),
                          "sum_1t": round(c1 + w1, 3), "sum_over_2_cores": round((c1 + w1) / 2, 3)}
        full = os.path.join(RESULTS, f"full-{size}.json")
        if os.path.exists(full):
            med = json.load(open(full))["planpress"]["wall_s"]["median"]
            res["planpress_median_wall_s"] = med
            res["planpress_over_floor"] = round(med / res["floor_s"]["sum_over_2_cores"], 1)
            # issue 19's goal: ≤ 2× writing the same files and bytes from memory with two threads
            res["planpress_over_write_2t"] = round(med / res["floor_s"]["write_2t"], 2)
        save(f"floor-{size}.json", res)
        remove_outputs(args.work, 0)


# ---------------------------------------------------------------- incremental

def read_until(proc, pattern, timeout):
    """Reads proc's stdout lines (bounded by `timeout`) until one matches; returns (match, lines, seconds).
    Bytes after the matching line are kept on the process object for the next call."""
    import select
    rx = re.compile(pattern)
    t0 = time.perf_counter()
    lines = []
    buf = getattr(proc, "_pending", b"")
    fd = proc.stdout.fileno()
    while True:
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            s = line.decode("utf-8", "replace").rstrip("\r")
            lines.append(s)
            m = rx.search(s)
            if m:
                proc._pending = buf
                return m, lines, time.perf_counter() - t0
        if time.perf_counter() - t0 >= timeout:
            break
        rl, _, _ = select.select([fd], [], [], 0.02)
        if not rl:
            if proc.poll() is not None:
                break
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buf += chunk
    proc._pending = buf
    return None, lines, time.perf_counter() - t0


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def edit_pp(content, k):
    plan = os.path.join(content, "plans", "plan-0", "plan.yaml")
    text = open(plan, encoding="utf-8").read()
    # Drop the last word of a measure's text: still in the source row it cites (`lines:`).
    edited = re.sub(r'(  text: "[^"\n]*) [^ "\n]+"', r'\1"', text, count=1)
    assert edited != text, "no measure text to edit"
    open(plan, "w", encoding="utf-8").write(edited)


def edit_hugo(site, k):
    """The same edit in Hugo's content: measure 1.1.1.1's text, in both language trees."""
    changed = []
    for lang in ("uk", "en"):
        f = glob.glob(os.path.join(site, "content", lang, "plans", "plan-0", "**", "m1-1-1-1.md"), recursive=True) or \
            glob.glob(os.path.join(site, "content", lang, "plans", "plan-0", "**", "m1-1-1.md"), recursive=True)
        path = f[0]
        text = open(path, encoding="utf-8").read()
        text = text.replace('text: "', f'text: "Змінено {k}. ', 1)
        open(path, "w", encoding="utf-8").write(text)
        changed.append(path)
    return changed


def marker_files(out, marker):
    """Output files that contain the text of the last edit (how far the edit reached on disk)."""
    r = subprocess.run(["grep", "-rlF", marker, out], capture_output=True, text=True)
    return sorted(os.path.relpath(x, out) for x in r.stdout.split())


def cmd_incr(args):
    for size in args.sizes:
        p = paths(args.work, size)
        base = os.path.join(args.work, f"incr-{size}")
        if os.path.exists(base):
            shutil.rmtree(base)
        os.makedirs(base)
        content = os.path.join(base, "Content")
        shutil.copytree(p["content"], content)
        site = os.path.join(base, "hugo")
        shutil.copytree(p["site"], site)
        res = {"size": size, "edits": args.edits}
        load = wait_for_load(args.max_load, args.load_wait)
        res["load"] = load
        # PlanPress: build --watch, as its bench/run.py drives it
        out = os.path.join(base, "out-pp")
        cmd = [args.planpress, "build", "--lang", "en", "--watch", "--poll", "0.05", "--content", content, "--templates", p["templates"], "--output", out]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        built = r"^built (\d+) pages \((?:(\d+) of \d+ pages rendered|all pages rendered: [^;]*); (\d+) files written.* in ([0-9.]+) s$"
        try:
            m, lines, secs = read_until(proc, r"^watching", 900)
            if not m:
                raise SystemExit("planpress --watch did not start:\n" + "\n".join(lines[-20:]))
            runs = []
            for k in range(args.edits):
                time.sleep(1.0)
                t0 = time.perf_counter()
                edit_pp(content, k)
                m, lines, _ = read_until(proc, built, 120)
                ext = time.perf_counter() - t0
                if not m:
                    raise SystemExit("no rebuild line:\n" + "\n".join(lines[-20:]))
                runs.append({"reported_s": float(m.group(4)), "save_to_done_s": round(ext, 3),
                             "pages_rendered": int(m.group(2) or m.group(1)), "files_written": int(m.group(3)), "line": m.group(0)})
                log(f"{size} planpress watch edit {k}: {runs[-1]}")
            reached = marker_files(out, f"Змінено {args.edits - 1}.")
        finally:
            stop(proc)
        res["planpress_watch"] = {"command": " ".join(cmd), "runs": runs, "files_with_last_edit": len(reached),
                                  "files_with_last_edit_sample": reached[:80],
                                  "median_reported_s": statistics.median(r["reported_s"] for r in runs),
                                  "median_save_to_done_s": statistics.median(r["save_to_done_s"] for r in runs)}
        # Hugo server: rebuilds to disk, default fast render and full re-render
        for mode, extra in (("renderToDisk", []), ("renderToDisk+disableFastRender", ["--disableFastRender"]),
                            ("in-memory", None)):
            out = os.path.join(base, f"out-hugo-{len(res)}")
            port = str(args.port)
            cmd = ["hugo", "server", "-s", site, "--bind", "127.0.0.1", "--port", port, "--disableLiveReload",
                   "--disableBrowserError", "--noHTTPCache"]
            cmd += ["--renderToDisk", "-d", out, *extra] if extra is not None else []
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            runs = []
            try:
                m, lines, secs = read_until(proc, r"Web Server is available|Press Ctrl\+C", 1800)
                if not m:
                    raise SystemExit("hugo server did not start:\n" + "\n".join(lines[-30:]))
                first = [l for l in lines if "Built in" in l or "Total in" in l]
                for k in range(args.edits):
                    time.sleep(2.0)
                    t0 = time.perf_counter()
                    edit_hugo(site, k)
                    m, lines, _ = read_until(proc, r"Total in (\d+) ms", 300)
                    if not m:
                        raise SystemExit("no hugo rebuild line:\n" + "\n".join(lines[-30:]))
                    totals = [int(m.group(1))]
                    ext = time.perf_counter() - t0
                    # both files may be seen as one change or as two: collect a second rebuild if it follows
                    m2, lines2, _ = read_until(proc, r"Total in (\d+) ms", 1.5)
                    if m2:
                        totals.append(int(m2.group(1)))
                        ext = time.perf_counter() - t0 - 0.0
                    runs.append({"reported_ms": totals, "reported_total_s": round(sum(totals) / 1000, 3),
                                 "save_to_done_s": round(ext, 3), "log": [l for l in lines + (lines2 if m2 else []) if l.strip()][-6:]})
                    log(f"{size} hugo server {mode} edit {k}: {runs[-1]['reported_ms']} ms (save→done {runs[-1]['save_to_done_s']} s)")
                reached = marker_files(out, f"Змінено {args.edits - 1}.") if extra is not None else []
            finally:
                stop(proc)
            res[f"hugo_server_{mode}"] = {"command": " ".join(cmd), "initial_build": first, "runs": runs,
                                          "files_with_last_edit": len(reached) if extra is not None else None,
                                          "files_with_last_edit_sample": reached[:80],
                                          "median_reported_s": statistics.median(r["reported_total_s"] for r in runs),
                                          "median_save_to_done_s": statistics.median(r["save_to_done_s"] for r in runs)}
        save(f"incr-{size}.json", res)
        shutil.rmtree(base)


# ---------------------------------------------------------------- report / clean

def fmt(x, nd=2):
    return f"{x:.{nd}f}" if isinstance(x, float) else str(x)


def cmd_report(args):
    lines = ["# PlanPress vs Hugo — results (made by `hugo_vs_planpress.py report`)", ""]
    order = lambda f: SIZES.get(re.sub(r"^[a-z]+-|\.json$", "", os.path.basename(f)), 0)
    for f in sorted(glob.glob(os.path.join(RESULTS, "full-*.json")), key=order):
        r = json.load(open(f))
        lines += [f"## Full builds, {r['size']} ({r['pairs']} interleaved pairs after one warm-up pair; load1 {r['load']['load1_at_start']} at start "
                  f"(waited {r['load']['waited_s']} s), /proc/loadavg at start / end: `{r['loadavg_start_end'][0]}` / `{r['loadavg_start_end'][1]}`)", "",
                  "| | files | html pages | folders | bytes | wall min / median / max (s) | CPU user+sys median (s) | user / sys median (s) | peak RSS median (MB) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for t in ("planpress", "hugo"):
            s_ = r[t]
            o = s_["output"]
            lines.append(f"| {t} | {o['files']:,} | {o['html_files']:,} | {o['dirs']:,} | {o['bytes'] / 1e6:.1f} MB | {s_['wall_s']['min']:.2f} / {s_['wall_s']['median']:.2f} / {s_['wall_s']['max']:.2f} | "
                         f"{s_['cpu_s']['median']:.2f} | {s_['user_s']['median']:.2f} / {s_['sys_s']['median']:.2f} | {s_['maxrss_mb']['median']:.0f} |")
        q = r["ratio_hugo_over_planpress"]
        if "kinds" in r["planpress"]:
            kp, kh = r["planpress"]["kinds"], r["hugo"]["kinds"]
            lines += ["", "Files per page kind (the same addresses in both; bytes in MB):", "",
                      "| kind | PlanPress files | Hugo files | PlanPress MB | Hugo MB |", "|---|---|---|---|---|"]
            for k in [k for k, _ in KIND_PATTERNS] + ["other"]:
                a, b = kp.get(k, {"files": 0, "bytes": 0}), kh.get(k, {"files": 0, "bytes": 0})
                if a["files"] or b["files"]:
                    lines.append(f"| {k} | {a['files']:,} | {b['files']:,} | {a['bytes'] / 1e6:.1f} | {b['bytes'] / 1e6:.1f} |")
        lines += ["", f"Hugo / PlanPress (medians): **wall {q['wall_s']}×**, CPU {q['cpu_s']}×, peak RSS {q['maxrss_mb']}×.", "",
                  "Per-run wall (s): " + "; ".join(f"{t}: " + ", ".join(str(x['wall_s']) for x in r['runs'][t]) for t in ("planpress", "hugo")), ""]
    for f in sorted(glob.glob(os.path.join(RESULTS, "control-*.json")), key=order):
        r = json.load(open(f))
        s_ = r["summary"]
        lines += [f"## Control: Hugo with trivial templates (title + rendered Markdown body only), {r['size']}", "",
                  f"{r['output']['files']:,} files, {r['output']['bytes'] / 1e6:.1f} MB; wall {s_['wall_s']['min']:.2f} / {s_['wall_s']['median']:.2f} / {s_['wall_s']['max']:.2f} s, "
                  f"CPU median {s_['cpu_s']['median']:.2f} s (user {s_['user_s']['median']:.2f}), peak RSS {s_['maxrss_mb']['median']:.0f} MB; load1 at start {r['load']['load1_at_start']}", ""]
    for f in sorted(glob.glob(os.path.join(RESULTS, "instr-*.json"))):
        r = json.load(open(f))
        lines += [f"## Instruction counts, {r['size']} (callgrind)", "",
                  f"PlanPress {r.get('planpress')}, Hugo {r.get('hugo')}, ratio {r.get('ratio_hugo_over_planpress')}", ""]
    for f in sorted(glob.glob(os.path.join(RESULTS, "floor-*.json")), key=order):
        r = json.load(open(f))
        fl = r["floor_s"]
        lines += [f"## Physical floor, {r['size']} (load1 at start {r['load']['load1_at_start']})", "",
                  f"- (a) libcmark, all {r['cmark']['1t']['runs'][0]['files']} commentary files × 2 languages "
                  f"({r['cmark']['1t']['runs'][0]['markdown_bytes'] / 1e6:.1f} MB Markdown): {fl['cmark_1t']:.3f} s on 1 thread, {r['cmark']['2t']['median_wall_s']:.3f} s on 2",
                  f"- (b) writing PlanPress's output ({r['reference_output']['files']:,} files, {r['reference_output']['dirs']:,} folders, {r['reference_output']['bytes'] / 1e6:.1f} MB) from memory: "
                  f"1 thread median {fl['write_1t']:.2f} s (min {fl['write_1t_min']:.2f}; runs " + ", ".join(f"{x['wall_s']:.2f}" for x in r['write']['1t']) + "), "
                  f"2 threads median {fl['write_2t']:.2f} s (min {fl['write_2t_min']:.2f}; runs " + ", ".join(f"{x['wall_s']:.2f}" for x in r['write']['2t']) + f"); `cp -r` median {fl['cp_r']:.2f} s (runs " + ", ".join(str(x) for x in r['cp']) + ")",
                  f"- (c) (a + b on 1 thread) / 2 cores = **{fl['sum_over_2_cores']:.2f} s**; PlanPress's median full build {r.get('planpress_median_wall_s')} s = **{r.get('planpress_over_floor')}× the floor**, "
                  f"**{r.get('planpress_over_write_2t')}× the two-thread write floor** (goal ≤ 2×)", ""]
    for f in sorted(glob.glob(os.path.join(RESULTS, "incr-*.json")), key=order):
        r = json.load(open(f))
        lines += [f"## One-measure edit, {r['size']} (load1 at start {r['load']['load1_at_start']})", "",
                  "| mode | reported rebuild, median (s) | save → done, median (s) | each edit (reported) | output files containing the new text |", "|---|---|---|---|---|"]
        for k, v in r.items():
            if isinstance(v, dict) and "median_reported_s" in v:
                each = ", ".join(str(x.get("reported_s", x.get("reported_total_s"))) for x in v["runs"])
                lines.append(f"| {k} | {v['median_reported_s']} | {v['median_save_to_done_s']} | {each} | {v.get('files_with_last_edit')} |")
        lines += [""] + [f"- `{v['command']}`" for v in r.values() if isinstance(v, dict) and "command" in v] + [""]
    latest = os.path.join(os.path.dirname(RESULTS), "latest.json")
    if os.path.exists(latest):
        rows = {r["size"]: r for r in json.load(open(latest)).get("rows", [])}
        lines += ["## From `bench/run.py` (bench/results/latest.json)", ""]
        if "20k" in rows and "100k" in rows:
            a, b = rows["20k"], rows["100k"]
            lines.append(f"- 100k / 20k wall: {b['wall_s']} / {a['wall_s']} s = **{b['wall_s'] / a['wall_s']:.2f}×** for {b['pages'] / a['pages']:.2f}× the pages "
                         f"(goal ≤ 5×); peak memory at 100k {b['peak_mb']} MB (goal ≤ 1 GB) — measured in the same `make bench` run only if both rows share a `when` "
                         f"({a.get('when')} / {b.get('when')})")
        for size in ("20k",):
            if size in rows and "rebuild_one_edit_s" in rows[size]:
                r = rows[size]
                lines.append(f"- one-edit rebuild at {size}: {r['rebuild_one_edit_s']} s (goal ≤ 0.5 s), {r['rebuild_one_edit_files_kept']}/{r['rebuild_one_edit_files']} files untouched")
        for size, r in rows.items():
            if "bytes_by_kind" in r:
                lines.append(f"- bytes per page kind, {size}: " + ", ".join(f"{k} {v['files']} × {v['avg_bytes'] / 1024:.1f} KB" for k, v in r["bytes_by_kind"].items()))
        lines.append("")
    open(os.path.join(RESULTS, "RESULTS.md"), "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))


def cmd_clean(args):
    for name in os.listdir(args.work):
        path = os.path.join(args.work, name)
        if name.startswith(("out", "content-", "hugo-", "incr-", "callgrind-")):
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
            log("removed", path)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("phase", choices=["setup", "full", "control", "instr", "floor", "incr", "report", "clean"])
    ap.add_argument("--sizes", default="5k,20k")
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "planpress-hugo-compare"))
    ap.add_argument("--planpress", default=os.path.join(PP_SRC, ".build", "release", "planpress"))
    ap.add_argument("--max-load", type=float, default=1.0)
    ap.add_argument("--load-wait", type=int, default=1200, help="seconds to wait at most for the load to drop")
    ap.add_argument("--delete-pause", type=int, default=40)
    ap.add_argument("--instr-runs", type=int, default=1)
    ap.add_argument("--edits", type=int, default=3)
    ap.add_argument("--floor-reps", type=int, default=5)
    ap.add_argument("--port", type=int, default=18313)
    ARGS = args = ap.parse_args()
    args.sizes = [s for s in args.sizes.split(",") if s]
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    globals()["cmd_" + args.phase](args)


if __name__ == "__main__":
    main()
