#!/usr/bin/env python3
"""A national-scale run, once (not in CI, not in `make bench`): about a million pages.

    python3 bench/national.py [--measures 115000] [--work /path/with/40GB] [--binary .build/release/planpress]

Generates the content with bench/generate.py (115,000 measures ≈ 1,000,000 pages in both interface
languages), then one full build with the release binary into an empty folder (wall time, CPU time,
peak memory), then the rebuild as `serve` does it: `build --watch` makes the site once more and one
measure's text is edited; reported are the full build's time and memory, the watch process's peak
memory and the one-edit rebuild time the tool prints. The output is about 25 GB: `--work` must have
room for it. Results go to bench/results/national.json (docs/performance.md, «A national-scale run»).
"""
import argparse, datetime, json, os, re, resource, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from run import PAGES, STAGE, edit_one_measure  # noqa: E402

BUILT = re.compile(r"^built (\d+) pages \((?:(\d+) of \d+ pages rendered|all pages rendered: [^;]*); (\d+) files written.* in ([0-9.]+) s$")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--measures", type=int, default=115000)
    parser.add_argument("--work", default=os.path.join(ROOT, ".build-bench", "national"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "planpress"))
    parser.add_argument("--templates", default=os.path.join(ROOT, "Templates"))
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), args.work, "--measures", str(args.measures)],
                   check=True, stdout=subprocess.DEVNULL)
    generated = time.perf_counter() - start
    content = os.path.join(args.work, "Content")
    output = os.path.join(args.work, "out")
    shutil.rmtree(output, ignore_errors=True)
    os.sync()

    # 1. The full build, alone.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", args.binary, "build", "--lang", "en", "--content", content,
                           "--templates", args.templates, "--output", output], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stderr[-3000:]}")
    pages = PAGES.search(proc.stdout)
    full = {"pages": int(pages.group(1)), "files": int(pages.group(2)), "wall_s": round(wall, 1),
            "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1),
            "peak_mb": round(int(proc.stderr.strip().splitlines()[-1]) / 1024.0),
            "stages_s": {m.group(1): float(m.group(2)) for m in map(STAGE.match, proc.stdout.splitlines()) if m}}
    print(f"full build: {full}", flush=True)
    shutil.rmtree(output, ignore_errors=True)
    os.sync()

    # 2. `build --watch` as serve runs it: the site once more, then one measure edited twice.
    watch = subprocess.Popen([args.binary, "build", "--lang", "en", "--watch", "--poll", "0.05",
                              "--content", content, "--templates", args.templates, "--output", output],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def next_build():
        for line in watch.stdout:
            m = BUILT.match(line.strip())
            if m:
                return m
        sys.exit("build --watch stopped")

    first = next_build()
    for line in watch.stdout:
        if line.startswith("watching"):
            break
    rebuilds = []
    for _ in range(2):
        edit_one_measure(content)
        m = next_build()
        rebuilds.append({"s": float(m.group(4)), "pages_rendered": int(m.group(2) or m.group(1)), "files_written": int(m.group(3))})
    # The watch process's peak resident memory so far (the two builds and the rebuilds), from the kernel.
    status = open(f"/proc/{watch.pid}/status").read()
    watch_peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))
    watch.terminate()
    watch.wait(timeout=600)
    result = {"when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "measures": args.measures,
              "generate_s": round(generated, 1), "full": full, "watch_first_build_s": float(first.group(4)),
              "watch_peak_mb": round(watch_peak / 1024.0), "one_edit_rebuilds": rebuilds}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    with open(os.path.join(ROOT, "bench", "results", "national.json"), "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
