#!/usr/bin/env python3
"""Deterministic synthetic content in PlanPress's own content format.

    python3 bench/generate.py OUT_DIR --measures N [--seed S]

Writes OUT_DIR/Content with plans of 3–4 levels, every goal and measure citing
its row of a generated source text (`lines:`), measures with 1–3 KB of
Markdown commentary, 1–15 executors, 1–5 indicators, budgets over 3–5 years,
monitoring reports and updates. The same arguments always give the same bytes.
"""
import argparse, io, os, random

# Files written by this run (`SyncedFile`); the rest of the old tree is removed at the end.
WRITTEN = set()


class SyncedFile(io.StringIO):
    """A file written only when its bytes change: regenerating the same content
    touches nothing (deleting and recreating thousands of files right before a
    timed build slows that build's file creation on ext4 without a journal)."""

    def __init__(self, path):
        super().__init__()
        self.path = path

    def __exit__(self, *exc):
        data = self.getvalue().encode("utf-8")
        WRITTEN.add(os.path.abspath(self.path))
        try:
            with open(self.path, "rb") as old:
                if old.read() == data:
                    return super().__exit__(*exc)
        except FileNotFoundError:
            pass
        with open(self.path, "wb") as f:
            f.write(data)
        return super().__exit__(*exc)

WORDS = ("забезпечення координації виконання плану заходів щодо реалізації національного "
         "громадянського суспільства жінок чоловіків безпеки миру участі рівних прав можливостей "
         "навчання тренінгів інформаційних кампаній соціального захисту населення області громади "
         "внутрішньо переміщених осіб ветеранів молоді освіти охорони здоров'я розвитку підтримки "
         "моніторингу оцінки показників звітів засідань координаційної ради протоколів рішень").split()
LEVELS = [("Стратегічна ціль", "Стратегічні цілі", "strategic-goal"), ("Оперативна ціль", "Оперативні цілі", "operational-goal"),
          ("Завдання", "Завдання", "task")]
STATUSES = ["not-started", "in-progress", "completed", "partly-completed", "not-completed", "no-information"]


def sentence(rng, lo, hi):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize()


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markdown(rng, size):
    parts, total = [], 0
    while total < size:
        para = " ".join(sentence(rng, 8, 20) + "." for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.2:
            para = "## " + sentence(rng, 2, 5) + "\n\n" + para
        if rng.random() < 0.2:
            para += "\n\n- " + "\n- ".join(sentence(rng, 3, 8) for _ in range(3))
        parts.append(para)
        total += len(para.encode())
    return "\n\n".join(parts) + "\n"


def generate(out, measures, seed):
    rng = random.Random(seed)
    content = os.path.join(out, "Content")
    for d in ("executors", "plans", "commentary", "reports", "updates", "sources"):
        os.makedirs(os.path.join(content, d), exist_ok=True)
    with SyncedFile(os.path.join(content, "site.yaml")) as f:
        f.write('title: "Синтетичний сайт"\ndescription: "Набір для вимірювань"\nbase_url: "https://example.org/plany/"\nas_of: 2026-11-21\n')
    executor_count = max(20, measures // 10)
    with SyncedFile(os.path.join(content, "executors", "bench.yaml")) as f:
        for i in range(executor_count):
            f.write(f"- id: body-{i}\n  name: {q('Орган ' + sentence(rng, 3, 8) + ' ' + str(i))}\n  kind: {'unit' if i % 3 else 'authority'}\n")
            if i % 3:
                f.write(f"  parent: body-{(i // 3) * 3}\n")
    per_plan = 400
    plan_count = max(1, (measures + per_plan - 1) // per_plan)
    made = 0
    for p in range(plan_count):
        n = min(per_plan, measures - made)
        made += n
        write_plan(rng, content, f"plan-{p}", n, executor_count)
    for folder, _, names in os.walk(content):
        for name in names:
            if os.path.abspath(os.path.join(folder, name)) not in WRITTEN:
                os.remove(os.path.join(folder, name))
    return plan_count


def write_plan(rng, content, pid, n, executor_count):
    years = list(range(2025, 2025 + rng.randint(3, 5)))
    depth = rng.choice([2, 3])  # goal levels above measures: 3–4 levels in all
    levels = LEVELS[:depth]
    lines = [f"id: {pid}", f"title: {q('План ' + sentence(rng, 5, 10))}", f"short_title: {q('План ' + pid)}",
             "issuer: body-0", f"period: {{from: {years[0]}, to: {years[-1]}}}", f"source: {pid}.txt", "levels:"]
    lines += [f"  - {{name: {q(a)}, plural: {q(b)}, slug: {c}}}" for a, b, c in levels]
    lines += ['  - {name: "Захід", plural: "Заходи", slug: measure}', "budget:", '  unit: "тис. грн"',
              f"  years: [{', '.join(map(str, years))}]", "  sources:",
              '    - {id: local, name: "Місцевий бюджет", spellings: ["Місцевий бюджет", "Міський бюджет"]}',
              '    - {id: state, name: "Державний бюджет"}', '    - {id: other, name: "Інші джерела", spellings: ["Інші"]}',
              "goals:"]
    numbers = []
    placed = [0]

    # The source text: one row per goal and per measure (tab-separated cells, one
    # more row per funding line), which every item cites (`lines:`).
    source = ["Синтетичне джерело", ""]

    def goal(level, num, pad):
        title = sentence(rng, 6, 16)
        lines.append(f"{pad}- number: {q(num)}")
        lines.append(f"{pad}  lines: {len(source) + 1}")
        source.append(f"{num}.\t{title}")
        lines.append(f"{pad}  title: {q(title)}")
        if level + 1 < depth:
            lines.append(f"{pad}  goals:")
            for i in range(1, rng.randint(3, 4) + 1):
                if placed[0] >= n:
                    break
                goal(level + 1, f"{num}.{i}", pad + "    ")
        else:
            lines.append(f"{pad}  measures:")
            for k in range(1, rng.randint(3, 6) + 1):
                if placed[0] >= n:
                    break
                placed[0] += 1
                write_measure(rng, lines, source, f"{num}.{k}", pad + "    ", executor_count, years)
                numbers.append(f"{num}.{k}")

    top = 0
    while placed[0] < n:
        top += 1
        goal(0, str(top), "  ")
    os.makedirs(os.path.join(content, "plans", pid), exist_ok=True)
    with SyncedFile(os.path.join(content, "plans", pid, "plan.yaml")) as f:
        f.write("\n".join(lines) + "\n")
    with SyncedFile(os.path.join(content, "sources", f"{pid}.txt")) as f:
        f.write("\n".join(source) + "\n")
    for number in numbers:
        with SyncedFile(os.path.join(content, "commentary", f"{pid}-{number}.md")) as f:
            f.write(f"---\nabout: measure:{pid}/{number}\ntitle: \"Коментар\"\n---\n")
            f.write(markdown(rng, rng.randint(1000, 3000)))
            f.write(f"\nДив. також [план](plan:{pid}).\n")
    write_reports(rng, content, pid, numbers, years)
    for u in range(max(1, len(numbers) // 50)):
        with SyncedFile(os.path.join(content, "updates", f"{pid}-update-{u}.md")) as f:
            day = 1 + u % 28
            f.write(f"---\ntitle: {q(sentence(rng, 4, 9))}\ndate: 2026-{1 + u % 10:02d}-{day:02d}\nsummary: {q(sentence(rng, 8, 14))}\n")
            f.write(f"items:\n  - plan:{pid}\n  - measure:{pid}/{rng.choice(numbers)}\n---\n")
            f.write(markdown(rng, 800))


def write_measure(rng, lines, source, number, pad, executor_count, years):
    lines.append(f"{pad}- number: {q(number)}")
    at = len(lines)
    text = sentence(rng, 15, 60)
    lines.append(f"{pad}  text: {q(text)}")
    ids = rng.sample(range(executor_count), rng.randint(1, min(15, executor_count)))
    lines.append(f"{pad}  responsible:")
    lines.append(f"{pad}    executors:")
    for i, e in enumerate(ids):
        lines.append(f"{pad}      - {{id: body-{e}, consent: {'true' if i and rng.random() < 0.3 else 'false'}}}")
    term = rng.choice([f'{years[0]}–{years[-1]}', str(rng.choice(years)), 'IV квартал', 'Постійно', 'протягом року'])
    lines.append(f"{pad}  term: {q(term)}")
    lines.append(f"{pad}  indicators:")
    indicators = [sentence(rng, 6, 18) for _ in range(rng.randint(1, 5))]
    lines += [f"{pad}    - {q(i)}" for i in indicators]
    rows = [f"{number}\t{text}\t{term}\t- " + " - ".join(indicators)]
    kind = rng.random()
    if kind < 0.5:
        lines.append(f"{pad}  funding:")
        lines.append(f"{pad}    lines:")
        for source_name in rng.sample(["Місцевий бюджет", "Державний бюджет", "Інші"], rng.randint(1, 2)):
            printed = [f"{rng.randint(1, 5000)},{rng.randint(0, 9)}" for _ in years]
            amounts = ", ".join(f'{y}: "{a}"' for y, a in zip(years, printed))
            lines.append(f"{pad}      - {{source: {q(source_name)}, amounts: {{{amounts}}}}}")
            rows.append("\t\t\t\t" + source_name + "\t" + "\t".join(printed))
    elif kind < 0.8:
        lines.append(f'{pad}  funding: {{status: not-needed, printed: "Не потребує"}}')
        rows[0] += "\tНе потребує"
    first = len(source) + 1
    source.extend(rows)
    cited = str(first) if len(rows) == 1 else f"{first}-{first + len(rows) - 1}"
    lines.insert(at, f"{pad}  lines: {cited}")


def write_reports(rng, content, pid, numbers, years):
    folder = os.path.join(content, "reports", pid)
    os.makedirs(folder, exist_ok=True)
    for reporter, kind in (("Виконавець", "official"), ("Коаліція 1325", "civil-society")):
        with SyncedFile(os.path.join(folder, f"{kind}-{years[0]}.yaml")) as f:
            f.write(f"plan: {pid}\nperiod: {years[0]}\nreporter: {{kind: {kind}, name: {q(reporter)}}}\npublished: 2026-02-01\nmeasures:\n")
            for number in rng.sample(numbers, max(1, len(numbers) // 2)):
                f.write(f"  - measure: {q(number)}\n    status: {rng.choice(STATUSES)}\n    narrative: {q(sentence(rng, 10, 30))}\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--measures", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1325)
    args = parser.parse_args()
    plans = generate(args.out, args.measures, args.seed)
    print(f"generated {args.measures} measures in {plans} plans into {args.out}")
