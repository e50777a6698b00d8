#!/usr/bin/env python3
"""Scaling table: for each input dimension, the build's CPU time and peak memory
at n, 2n and 4n with everything else fixed; fails when doubling an input costs
more than LIMIT × the time.

    python3 bench/scaling.py [--binary .build/release/planpress] [--runs 3] [--only values,plans-per-executor]
                             [--scale 1.0] [--no-fail] [--timeout 300]

Each dimension is a small site (one plan of a dozen measures, a few bodies)
grown along one axis only: values of one indicator, reports of one plan, and
so on (`DIMENSIONS`). Every point is built `--runs` times into a new folder
with the release binary; the figure is the median CPU time (user + system of
the build process, from `wait4`, so other work on the shared machine counts
little) and the largest peak RSS. The points of a dimension are built in
turn (n, 2n, 4n, n, 2n, 4n …) so a slow minute of the machine spreads over
all three. `base` is the site with every dimension at its smallest: the fixed
cost, printed beside each row so the share of the dimension can be read.

The check: CPU(2n) / CPU(n) and CPU(4n) / CPU(2n) at most LIMIT (2.3). A
linear dimension gives 2.0 (less while the fixed cost still counts); a
quadratic one 3–4. Results go to bench/results/scaling.json and
bench/results/scaling.md; exit status 1 when a ratio is over the limit.
"""
import argparse, datetime, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "scaling")
# Builds write into memory (tmpfs) where there is one: the table measures PlanPress, and on this VM's
# journal-less ext4 creating files after others were deleted costs kernel time that varies from run
# to run (docs/performance.md, «How the benchmark builds»).
OUT = f"/dev/shm/planpress-scaling-{os.getpid()}" if os.access("/dev/shm", os.W_OK) else os.path.join(WORK, "out")
LIMIT = 2.3

STATUSES = ["not-started", "in-progress", "completed", "partly-completed", "not-completed", "no-information"]
WORDS = ("забезпечення координації виконання плану заходів щодо реалізації громадянського суспільства жінок "
         "безпеки миру участі рівних прав можливостей навчання тренінгів інформаційних кампаній соціального "
         "захисту населення області громади внутрішньо переміщених осіб ветеранів молоді освіти").split()


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def words(i, count):
    """Deterministic text: `count` words chosen by `i`."""
    return " ".join(WORDS[(i * 7 + k * 13) % len(WORDS)] for k in range(count))


class Site:
    """A small site grown along one dimension; `files` maps paths under Content/ to text."""

    def __init__(self):
        self.files = {}
        self.executors = [("e0", "Обласна державна адміністрація", "authority"), ("e1", "Департамент освіти", "unit"),
                          ("e2", "Головне управління поліції", "territorial-body"), ("e3", "Центр соціальних служб", "institution")]
        self.plans = []     # (plan id, [measure dicts])
        self.reports = []   # (path, text)
        self.updates = []   # (slug, text)

    def add_plan(self, pid, measures, years=(2026, 2030), budget=True, goal_totals=False):
        self.plans.append((pid, measures, years, budget, goal_totals))

    def write(self, folder):
        content = os.path.join(folder, "Content")
        if os.path.exists(content):
            shutil.rmtree(content)
        files = dict(self.files)
        files["site.yaml"] = ('title: "Масштаб"\ndescription: "Набір для вимірювань масштабу"\n'
                              'base_url: "https://example.org/plany/"\nas_of: 2031-06-30\n')
        files["executors/all.yaml"] = "".join(
            f"- id: {eid}\n  name: {q(name)}\n  kind: {kind}\n" for eid, name, kind in self.executors)
        for pid, measures, years, budget, goal_totals in self.plans:
            files[f"plans/{pid}/plan.yaml"] = plan_yaml(pid, measures, years, budget, goal_totals)
        for path, text in self.reports:
            files[f"reports/{path}.yaml"] = text
        for slug, text in self.updates:
            files[f"updates/{slug}.md"] = text
        for path, text in files.items():
            full = os.path.join(content, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        return content


def measure(number, executors=("e0", "e1"), indicators=1, budget=True, years=(2026, 2030)):
    return {"number": number, "executors": list(executors), "indicators": indicators, "budget": budget, "years": years}


def plan_yaml(pid, measures, years, budget, goal_totals=False):
    span = list(range(years[0], years[1] + 1))
    out = [f"id: {pid}", f"title: {q('План заходів ' + pid)}", f"short_title: {q('План ' + pid)}", "issuer: e0",
           f"period: {{from: {years[0]}, to: {years[1]}}}", "levels:",
           '  - {name: "Ціль", plural: "Цілі", slug: goal}', '  - {name: "Захід", plural: "Заходи", slug: measure}']
    if budget:
        out += ["budget:", '  unit: "тис. грн"', f"  years: [{', '.join(map(str, span))}]", "  sources:",
                '    - {id: local, name: "Місцевий бюджет"}', '    - {id: state, name: "Державний бюджет"}']
    # Goals of at most 6 measures, in order; a measure dict may name its goal ("goal": "1").
    goals = {}
    for i, m in enumerate(measures):
        goals.setdefault(m.get("goal", str(i // 6 + 1)), []).append(m)
    out.append("goals:")
    for g, members in goals.items():
        out += [f'  - number: "{g}"', f"    title: {q('Ціль ' + words(int(g), 6))}"]
        if budget and goal_totals:
            # The goal's own total row, as printed: every other one differs from the sum of its measures.
            amounts = ", ".join(f'{y}: "{(int(g) * 13 + y) % 900 + 10},0"' for y in span)
            out += ['    stated_totals:', '      label: "Разом за ціллю"', f'      lines: [{{source: "Місцевий бюджет", amounts: {{{amounts}}}}}]']
        out.append("    measures:")
        for m in members:
            pad = "      "
            out.append(f"{pad}- number: {q(m['number'])}")
            out.append(f"{pad}  text: {q('Захід ' + m['number'] + ': ' + words(len(out), 14))}")
            if m["executors"]:
                out.append(f"{pad}  responsible:")
                out.append(f"{pad}    executors: [{', '.join(m['executors'])}]")
            out.append(f'{pad}  term: "{years[0]}–{years[1]}"')
            out.append(f"{pad}  indicators:")
            for k in range(m["indicators"]):
                out.append(f"{pad}    - text: {q('кількість учасників заходів ' + str(k + 1))}")
                out.append(f'{pad}      target: {{printed: "не менше 100 осіб", value: "100", unit: "осіб", comparator: at-least}}')
            if budget and m["budget"]:
                amounts = ", ".join(f'{y}: "{(len(out) * 7 + y) % 900 + 10},5"' for y in span)
                out += [f"{pad}  funding:", f"{pad}    lines:", f'{pad}      - {{source: "Місцевий бюджет", amounts: {{{amounts}}}}}']
    return "\n".join(out) + "\n"


def report(pid, period, kind, name, published, statuses=(), values=(), reply=None):
    """A report's YAML. statuses: (measure, status index[, reply_to]); values: (indicator, value, date, breakdown)."""
    out = [f"plan: {pid}", f"period: {period}", f"reporter: {{kind: {kind}, name: {q(name)}}}", f"published: {published}"]
    if statuses:
        out.append("measures:")
        for s in statuses:
            out.append(f'  - measure: "{s[0]}"')
            out.append(f"    status: {STATUSES[s[1] % len(STATUSES)]}")
            out.append(f"    narrative: {q(words(s[1], 12))}")
            if len(s) > 2 and s[2]:
                out.append(f'    reply_to: "{s[2]}"')
    if values:
        out.append("indicators:")
        for indicator, value, date, breakdown in values:
            out.append(f'  - {{indicator: "{indicator}", value: "{value}", date: {date}, unit: "осіб"'
                       + (", breakdown: [" + ", ".join(f'{{dimension: {d}, group: {q(g)}, value: "{v}"}}' for d, g, v in breakdown) + "]"
                          if breakdown else "") + "}")
    return "\n".join(out) + "\n"


def base_site(measures=12):
    site = Site()
    site.add_plan("p", [measure(f"{i // 6 + 1}.{i % 6 + 1}") for i in range(measures)])
    return site


# --- dates -------------------------------------------------------------------

DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def days_back(last_year, count):
    """`count` consecutive days ending on 31 December of `last_year`, oldest first."""
    out, y, m, d = [], last_year, 12, 31
    for _ in range(count):
        out.append((y, m, d))
        d -= 1
        if d == 0:
            m -= 1
            if m == 0:
                y, m = y - 1, 12
            d = DAYS[m - 1] + (1 if m == 2 and (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 0)
    return out[::-1]


def daily_reports(site, count, kinds, indicator="1.1-1", breakdown=None):
    """`count` daily values of one indicator per voice, one report per half-year per voice (every
    value dated inside its report's period), ending on 31 December 2030."""
    by_half = {}
    for i, (y, m, d) in enumerate(days_back(2030, count)):
        by_half.setdefault((y, 1 if m <= 6 else 2), []).append((i, f"{y}-{m:02d}-{d:02d}"))
    for (y, h), days in sorted(by_half.items()):
        for kind, name in kinds:
            values = [(indicator, 100 + (i * 37) % 900 + (0 if kind == "official" else 1), date,
                       breakdown(i) if breakdown else None) for i, date in days]
            published = f"{y + 1}-01-15" if h == 2 else f"{y}-07-15"
            site.reports.append((f"{kind}-{y}-h{h}", report("p", f"{y}-H{h}", kind, name, published, values=values)))


OFFICIAL = ("official", "Обласна державна адміністрація")
CIVIL = ("civil-society", "Коаліція 1325")


def quarter(i, first_year=1950):
    """The `i`-th quarter from `first_year` on, as (period code, published date)."""
    y, part = first_year + i // 4, i % 4 + 1
    return f"{y}-Q{part}", f"{y + (part == 4)}-{(part * 3) % 12 + 1:02d}-10"


# --- dimensions ----------------------------------------------------------------

def dim_values(n):
    site = base_site()
    daily_reports(site, n, [OFFICIAL])
    return site


def dim_values_both(n):
    site = base_site()
    daily_reports(site, n, [OFFICIAL, CIVIL])
    return site


def dim_breakdown_groups(n):
    """30 values of one indicator, each split into n groups of one dimension."""
    site = base_site()
    daily_reports(site, 30, [OFFICIAL], breakdown=lambda i: [("age", f"група {g}", (i + g) % 50) for g in range(n)])
    return site


def dim_breakdown_values(n):
    """n values of one indicator, each split into 6 groups over 3 dimensions."""
    site = base_site()
    daily_reports(site, n, [OFFICIAL], breakdown=lambda i: [("sex", "жінки", i % 40), ("sex", "чоловіки", i % 30),
                                                            ("age", "18–35", i % 20), ("age", "36–60", i % 25),
                                                            ("place", "місто", i % 11), ("place", "село", i % 13)])
    return site


def statuses_reports(site, n, measures, same_period=False, replies=False, values=False):
    """n reports of plan p; report r gives a status for measures(r) (and a value when `values`). Four
    reporters (two of each voice) report on each quarter from 1950, or all on one half-year (`same_period`)."""
    previous = None
    for r in range(n):
        kind, name = (OFFICIAL if r % 2 == 0 else CIVIL)
        if same_period:
            period, published, name = "2026-H1", "2026-07-15", f"{name} {r}"
        else:
            period, published = quarter(r // 4)
            name = f"{name} {r % 4}"  # a reporter covers each period once
        path = f"r{r:05d}"
        reply = f"{previous}#{measures(r)[0]}" if replies and previous else None
        month = 1 if same_period else (int(period[-1]) - 1) * 3 + 1
        vals = [("1.1-1", 100 + r % 50, f"{period[:4]}-{month:02d}-15", None)] if values else ()
        site.reports.append((path, report("p", period, kind, name, published,
                                          statuses=[(m, r + k, reply if k == 0 else None) for k, m in enumerate(measures(r))],
                                          values=vals)))
        previous = path


def dim_reports_per_plan(n):
    """n reports of one plan (four reporters, two of each voice, each quarter from 1950), each a status of
    one measure in turn and one value."""
    site = base_site()
    statuses_reports(site, n, lambda r: [f"{r % 12 // 6 + 1}.{r % 6 + 1}"], values=True)
    return site


def dim_reports_per_period(n):
    """n reports of one plan for the same half-year, each by its own reporter, a status of one measure in turn."""
    site = base_site()
    statuses_reports(site, n, lambda r: [f"{r % 12 // 6 + 1}.{r % 6 + 1}"], same_period=True)
    return site


def dim_statuses_per_measure(n):
    """n reports (four a quarter), each a status of measure 1.1 only."""
    site = base_site()
    statuses_reports(site, n, lambda r: ["1.1"])
    return site


def dim_replies(n):
    """n reports (four a quarter), each a status of measure 1.1 that replies to the report before."""
    site = base_site()
    statuses_reports(site, n, lambda r: ["1.1"], replies=True)
    return site


def dim_updates_per_measure(n):
    """n updates, each about measure 1.1 and the plan."""
    site = base_site()
    for u in range(n):
        y, rest = 2026 + u // 336, u % 336
        date = f"{y}-{rest // 28 + 1:02d}-{rest % 28 + 1:02d}"
        site.updates.append((f"novyna-{u:05d}", f"---\ntitle: {q('Новина ' + str(u) + ': ' + words(u, 6))}\ndate: {date}\n"
                                               f"summary: {q(words(u + 1, 12))}\nitems:\n  - plan:p\n  - measure:p/1.1\n---\n"
                                               f"{words(u + 2, 60)}.\n"))
    return site


def dim_measures_per_executor(n):
    """One plan of n measures, all of them by the same two bodies (so one goal page, one plan and one
    executor page grow with n, as a long plan of one department does)."""
    site = Site()
    site.add_plan("p", [dict(measure(f"1.{i + 1}"), goal="1") for i in range(n)])
    return site


def dim_plans_per_executor(n):
    """n plans of 3 measures each, every measure by the same two bodies, each plan with a budget."""
    site = Site()
    for p in range(n):
        site.add_plan(f"p{p:04d}", [measure(f"1.{i + 1}") for i in range(3)], years=(2026 + p % 3, 2028 + p % 3))
    return site


def dim_plans(n):
    """n plans of 3 measures each, every plan with bodies of its own."""
    site = Site()
    for p in range(n):
        ids = (f"x{p}a", f"x{p}b")
        site.executors += [(ids[0], f"Орган {p} А", "authority"), (ids[1], f"Орган {p} Б", "unit")]
        site.add_plan(f"p{p:04d}", [measure(f"1.{i + 1}", executors=ids) for i in range(3)])
    return site


def dim_executors_per_measure(n):
    """One measure naming n bodies (the registry grows with them)."""
    site = base_site()
    site.executors += [(f"b{i:04d}", f"Орган {words(i, 3)} {i}", "institution") for i in range(n)]
    measures = site.plans[0][1]
    measures[0]["executors"] = ["e0"] + [f"b{i:04d}" for i in range(n)]
    return site


def dim_goals(n):
    """One plan of n goals (2 measures each), each goal with its own stated total to check against its rows."""
    site = Site()
    site.add_plan("p", [dict(measure(f"{g + 1}.{k + 1}"), goal=str(g + 1)) for g in range(n) for k in range(2)], goal_totals=True)
    return site


def dim_indicators_per_measure(n):
    """One measure with n indicators."""
    site = base_site()
    site.plans[0][1][0]["indicators"] = n
    return site


# name: (what grows, generator, n at scale 1)
DIMENSIONS = {
    "values": ("values of one indicator, one voice (daily; one report per half-year)", dim_values, 4000),
    "values-both-voices": ("values of one indicator, both voices on the same days (per voice)", dim_values_both, 2000),
    "breakdown-groups": ("groups per value (30 values, one dimension)", dim_breakdown_groups, 200),
    "breakdown-values": ("values of one indicator, each in 6 groups of 3 dimensions", dim_breakdown_values, 1000),
    "reports-per-plan": ("reports of one plan (4 reporters a quarter), a status and a value each", dim_reports_per_plan, 400),
    "reports-per-period": ("reports of one plan for one period, each by its own reporter", dim_reports_per_period, 400),
    "statuses-per-measure": ("statuses of one measure (4 reports a quarter)", dim_statuses_per_measure, 400),
    "replies": ("statuses of one measure, each replying to the one before", dim_replies, 400),
    "updates-per-measure": ("updates about one measure", dim_updates_per_measure, 400),
    "measures-per-executor": ("measures of one plan, goal and pair of bodies", dim_measures_per_executor, 300),
    "goals": ("goals of one plan (2 measures and a stated total each)", dim_goals, 150),
    "plans-per-executor": ("plans (3 measures each) of one pair of bodies", dim_plans_per_executor, 40),
    "plans": ("plans (3 measures each, bodies of their own)", dim_plans, 30),
    "executors-per-measure": ("bodies named by one measure", dim_executors_per_measure, 400),
    "indicators-per-measure": ("indicators of one measure", dim_indicators_per_measure, 400),
}


def build(binary, content, output, templates, timeout):
    """CPU seconds (user + system) and peak RSS in MB of one build, from wait4; None on timeout."""
    os.sync()
    start = time.perf_counter()
    # stderr to a file, not a pipe: a build with many warnings would fill a pipe nobody reads while
    # waiting and block until the timeout.
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen([binary, "build", "--content", content, "--templates", templates, "--output", output],
                            stdout=subprocess.DEVNULL, stderr=errors)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None
        time.sleep(0.01)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        errors.seek(0)
        sys.exit(f"build failed for {content}:\n{errors.read().decode()[-3000:]}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "peak_mb": usage.ru_maxrss / 1024.0}


def run_dimension(name, binary, templates, runs, scale, timeout):
    what, make, n0 = DIMENSIONS[name]
    n = max(1, int(n0 * scale))
    points = [n, 2 * n, 4 * n]
    contents = {}
    for k in points:
        folder = os.path.join(WORK, f"{name}-{k}")
        contents[k] = make(k).write(folder)
    samples = {k: [] for k in points}
    stopped = set()
    for run in range(runs):
        for k in points:
            if k in stopped:
                continue
            # On disk, outputs are kept until the whole table is done (deleting them would slow the next builds).
            out = os.path.join(OUT, f"{name}-{k}-{run}")
            result = build(binary, contents[k], out, templates, timeout)
            if OUT.startswith("/dev/shm/"):
                shutil.rmtree(out, ignore_errors=True)
            if result is None:
                stopped.update(p for p in points if p >= k)  # a larger point would take longer still
                break
            samples[k].append(result)
    row = {"dimension": name, "what": what, "n": points, "cpu_s": [], "wall_s": [], "peak_mb": []}
    for k in points:
        if samples[k] and k not in stopped:
            row["cpu_s"].append(round(statistics.median(s["cpu"] for s in samples[k]), 3))
            row["wall_s"].append(round(statistics.median(s["wall"] for s in samples[k]), 3))
            row["peak_mb"].append(round(max(s["peak_mb"] for s in samples[k]), 1))
        else:
            row["cpu_s"].append(None)
            row["wall_s"].append(None)
            row["peak_mb"].append(None)
    cpu = row["cpu_s"]
    row["ratios"] = [round(cpu[i + 1] / cpu[i], 2) if cpu[i] and cpu[i + 1] else None for i in range(2)]
    row["ok"] = all(r is not None and r <= LIMIT for r in row["ratios"])
    return row


def fmt(value, unit=""):
    return "—" if value is None else f"{value:.2f}{unit}" if isinstance(value, float) else f"{value}{unit}"


def table(rows, base):
    lines = [f"Fixed cost (`base`: one plan of 12 measures, no reports): CPU {base['cpu_s'][0]:.2f} s, peak {base['peak_mb'][0]:.0f} MB.", "",
             "| dimension | n, 2n, 4n | CPU s at n / 2n / 4n | 2n ÷ n | 4n ÷ 2n | peak MB at n / 2n / 4n | |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['dimension']}: {r['what']} | {', '.join(map(str, r['n']))} | "
                     f"{' / '.join(fmt(c) for c in r['cpu_s'])} | {fmt(r['ratios'][0])} | {fmt(r['ratios'][1])} | "
                     f"{' / '.join(fmt(m) for m in r['peak_mb'])} | {'ok' if r['ok'] else '**over ' + str(LIMIT) + '**'} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "planpress"))
    parser.add_argument("--templates", default=os.path.join(ROOT, "Templates"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated dimensions")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every n")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a build is stopped (its point and larger ones show —)")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a ratio is over the limit")
    parser.add_argument("--write", default=os.path.join(ROOT, "bench", "results"), help="folder for scaling.json and scaling.md")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(DIMENSIONS)
    unknown = [n for n in names if n not in DIMENSIONS]
    if unknown:
        sys.exit(f"unknown dimension(s): {', '.join(unknown)}; known: {', '.join(DIMENSIONS)}")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    os.makedirs(OUT, exist_ok=True)
    try:
        base_content = base_site().write(os.path.join(WORK, "base"))
        base_runs = [build(args.binary, base_content, os.path.join(OUT, f"base-{r}"), args.templates, args.timeout)
                     for r in range(args.runs)]
        base = {"cpu_s": [round(statistics.median(b["cpu"] for b in base_runs), 3)],
                "peak_mb": [round(max(b["peak_mb"] for b in base_runs), 1)]}
        rows = []
        for name in names:
            row = run_dimension(name, args.binary, args.templates, args.runs, args.scale, args.timeout)
            rows.append(row)
            print(f"{name:>24}: n {row['n']}  cpu {row['cpu_s']} s  peak {row['peak_mb']} MB  ratios {row['ratios']}"
                  f"  {'ok' if row['ok'] else 'OVER ' + str(LIMIT)}", flush=True)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
        shutil.rmtree(OUT, ignore_errors=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    os.makedirs(args.write, exist_ok=True)
    with open(os.path.join(args.write, "scaling.json"), "w") as f:
        json.dump({"when": stamp, "runs": args.runs, "scale": args.scale, "limit": LIMIT, "base": base, "rows": rows}, f, indent=2, ensure_ascii=False)
    with open(os.path.join(args.write, "scaling.md"), "w") as f:
        f.write(f"# Scaling table ({stamp}, median CPU of {args.runs} runs)\n\n" + table(rows, base) + "\n")
    print(table(rows, base))
    over = [r["dimension"] for r in rows if not r["ok"]]
    if over:
        print(f"doubling costs more than {LIMIT}× (or a build did not finish in {args.timeout:.0f} s): {', '.join(over)}", file=sys.stderr)
        if not args.no_fail:
            sys.exit(1)


if __name__ == "__main__":
    main()
