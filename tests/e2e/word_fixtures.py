#!/usr/bin/env python3
"""Word fixtures for `planpress import plan`, built with python-docx.

Each fixture lays a shipped plan's table out the way its original document is laid out
(read from Content/sources/<plan>.txt and the transcription notes): merged cells where the
original merges them, funding cells and totals rows as printed, the column-number row, the
approval stamp and signature as printed. The cell texts are the shipped transcription's
(Content/plans/<plan>/plan.yaml) with its corrections undone where the Word file would print
the uncorrected form; page breaks are not reproduced (a Word table has none). The importer
never sees plan.yaml: the comparison test (test_import_plan.py) checks its output against it.

    python3 tests/e2e/word_fixtures.py OUT_DIR            # the four shipped layouts
    python3 tests/e2e/word_fixtures.py --unit OUT_DIR     # the small unit-test fixtures
    python3 tests/e2e/word_fixtures.py --bench N OUT      # a plan of N measures (bench/run.py)

Fixtures:
  luhansk-wps-2026-2030.docx      four levels; task, term and responsible cells merged (w:vMerge);
                                  goal rows across the table (w:gridSpan); a footnote mark; bookmarks
  kreminna-wps-2020-2022.docx     directions; funding source and amounts per year; two sources in one
                                  cell; direction totals as rows per source, in both layouts the source shows
  luhansk-civil-society-2020.docx numbers made by Word's automatic numbering (numbering.xml), approval
                                  stamp with a date, signature
  minreintegration-2024.docx      tracked changes: insertions, deletions, an inserted and a deleted row
"""
import copy
import os
import re
import sys

import docx
import yaml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTENT = os.path.join(REPO, "Content")
DATE = "2026-01-15T10:00:00Z"


def load_plan(plan_id):
    with open(os.path.join(CONTENT, "plans", plan_id, "plan.yaml"), encoding="utf-8") as f:
        plan = yaml.safe_load(f)
    with open(os.path.join(CONTENT, "sources", plan_id + ".txt"), encoding="utf-8") as f:
        source = f.read()
    return plan, source


def printed(text, item):
    """The text as the Word file prints it: the item's corrections undone."""
    for c in (item or {}).get("corrections") or []:
        published = c.get("published") or ""
        if published and published in text:
            text = text.replace(published, c["printed"], 1)
    return text


# ---------- building blocks (WordprocessingML written directly, so merges are exactly as intended)

def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), str(v))
    return e


def run(text):
    r = el("w:r")
    t = el("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def paragraph(*parts, num=None):
    """A paragraph from parts (see `segment`), numbered by Word when `num` = (numId, level)."""
    p = el("w:p")
    if num is not None:
        ppr = el("w:pPr")
        numpr = el("w:numPr")
        numpr.append(el("w:ilvl", **{"w:val": num[1]}))
        numpr.append(el("w:numId", **{"w:val": num[0]}))
        ppr.append(numpr)
        p.append(ppr)
    for part in parts:
        for e in segment(part):
            p.append(e)
    return p


def segment(part):
    """Elements of one part of a paragraph: a string (a run), ('ins'|'del', text) (a tracked
    change), ('footnote', id) (a footnote mark), ('bookmark', name), ('br',) (a line break)."""
    if isinstance(part, str):
        return [run(part)] if part else []
    kind = part[0]
    if kind in ("ins", "del"):
        change = el("w:" + kind, **{"w:id": next_id(), "w:author": "Рецензент", "w:date": DATE})
        if kind == "ins":
            change.append(run(part[1]))
        else:
            r = el("w:r")
            t = el("w:delText")
            t.text = part[1]
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
            change.append(r)
        return [change]
    if kind == "footnote":
        r = el("w:r")
        rpr = el("w:rPr")
        rpr.append(el("w:vertAlign", **{"w:val": "superscript"}))
        r.append(rpr)
        r.append(el("w:footnoteReference", **{"w:id": part[1]}))
        return [r]
    if kind == "bookmark":
        i = next_id()
        return [el("w:bookmarkStart", **{"w:id": i, "w:name": part[1]}), el("w:bookmarkEnd", **{"w:id": i})]
    if kind == "br":
        r = el("w:r")
        r.append(el("w:br"))
        return [r]
    raise ValueError(part)


_ids = [100]


def next_id():
    _ids[0] += 1
    return _ids[0]


def cell(paragraphs=(), span=1, vmerge=None):
    """A cell: paragraphs (strings or paragraph elements), its grid span, `restart`/`continue`."""
    tc = el("w:tc")
    tcpr = el("w:tcPr")
    if span > 1:
        tcpr.append(el("w:gridSpan", **{"w:val": span}))
    if vmerge == "restart":
        tcpr.append(el("w:vMerge", **{"w:val": "restart"}))
    elif vmerge == "continue":
        tcpr.append(el("w:vMerge"))
    tc.append(tcpr)
    items = list(paragraphs) if vmerge != "continue" else []
    if not items:
        items = [paragraph()]
    for p in items:
        tc.append(paragraph(p) if isinstance(p, str) else p)
    return tc


class Table:
    def __init__(self, doc, columns):
        self.columns = columns
        t = doc.add_table(rows=0, cols=columns)
        t.style = doc.styles["Table Grid"]
        self.tbl = t._tbl

    def row(self, cells, header=False, inserted=False, deleted=False):
        tr = el("w:tr")
        if header or inserted or deleted:
            trpr = el("w:trPr")
            if header:
                trpr.append(el("w:tblHeader"))
            if inserted:
                trpr.append(el("w:ins", **{"w:id": next_id(), "w:author": "Рецензент", "w:date": DATE}))
            if deleted:
                trpr.append(el("w:del", **{"w:id": next_id(), "w:author": "Рецензент", "w:date": DATE}))
            tr.append(trpr)
        assert sum(int(c.find(qn("w:tcPr")).find(qn("w:gridSpan")).get(qn("w:val"))) if c.find(qn("w:tcPr")).find(qn("w:gridSpan")) is not None else 1 for c in cells) == self.columns
        for c in cells:
            tr.append(c)
        self.tbl.append(tr)
        return tr


def new_document():
    d = docx.Document()
    body = d.element.body
    for p in list(body):
        if p.tag == qn("w:p"):
            body.remove(p)
    return d


def body_paragraph(doc, *parts):
    doc.element.body.insert(len(doc.element.body) - 1, paragraph(*parts))


def add_footnotes(doc, notes):
    """A footnotes part (footnotes.xml) with the separators Word writes and `notes` (id → text)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = [f'<w:footnotes xmlns:w="{w}">',
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for i, text in notes.items():
        xml.append(f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    xml.append("</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                "".join(xml).encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def add_numbering(doc, abstract_id, num_id, levels):
    """An abstract definition and one instance of it: levels = [(numFmt, lvlText), …]."""
    numbering = doc.part.numbering_part.element
    a = el("w:abstractNum", **{"w:abstractNumId": abstract_id})
    a.append(el("w:multiLevelType", **{"w:val": "multilevel"}))
    for i, (fmt, text) in enumerate(levels):
        lvl = el("w:lvl", **{"w:ilvl": i})
        lvl.append(el("w:start", **{"w:val": 1}))
        lvl.append(el("w:numFmt", **{"w:val": fmt}))
        lvl.append(el("w:lvlText", **{"w:val": text}))
        lvl.append(el("w:lvlJc", **{"w:val": "left"}))
        a.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(a)
    else:
        numbering.append(a)
    n = el("w:num", **{"w:numId": num_id})
    n.append(el("w:abstractNumId", **{"w:val": abstract_id}))
    numbering.append(n)


def lines_of(text):
    return [l for l in str(text).split("\n") if l != ""]


def indicator_items(m):
    out = []
    for i in m.get("indicators") or []:
        out.append(i["text"] if isinstance(i, dict) else i)
    return out


# ---------- Luhansk oblast plan 2026–2030: four levels, merged cells

def luhansk_wps(path):
    plan, source = load_plan("luhansk-wps-2026-2030")
    doc = new_document()
    for line in plan["approval"]["printed"].split("\n"):
        body_paragraph(doc, line)
    body_paragraph(doc, "")
    for line in source.split("\n")[6:9]:
        body_paragraph(doc, line)
    body_paragraph(doc, "")
    add_footnotes(doc, {1: "Знак виноски в назві стратегічної цілі 1 (у документі він стоїть усередині слова)."})
    t = Table(doc, 6)
    t.row([cell(["№\u00a0з/п"]), cell(["Найменування завдання"]), cell(["Найменування заходу"]),
           cell(["Відповідальні за виконання"]), cell(["Строк виконання, рік"]), cell(["Показник виконання"])], header=True)
    t.row([cell([str(n)]) for n in range(1, 7)], header=True)
    # Rows in document order: goal rows across the table, then each task's measure rows.
    rows = []
    measures = []
    for strategic in plan["goals"]:
        rows.append(("strategic", strategic))
        for operational in strategic["goals"]:
            rows.append(("operational", operational))
            for task in operational["goals"]:
                for k, m in enumerate(task["measures"]):
                    rows.append(("measure", len(measures)))
                    measures.append((task, k, m))
    # Term and responsible cells: merged with the row above where the transcription says so.
    merged = {"term": set(), "responsible": set()}
    for i, (_, _, m) in enumerate(measures):
        for key in merged:
            if isinstance(m.get(key), dict) and m[key].get("same_as_row_above"):
                merged[key].add(i)
    for kind, item in rows:
        if kind == "strategic":
            title = item["title"]
            heading = f"Стратегічна ціль {item['number']}. "
            if item.get("corrections"):
                # The extraction's «відновлен1ня»: a footnote mark inside the word.
                before, after = title.split("відновлення", 1)
                t.row([cell([paragraph(heading + before + "відновлен", ("footnote", 1), "ня" + after)], span=6)])
            else:
                t.row([cell([heading + title], span=6)])
            continue
        if kind == "operational":
            n = item["number"]
            label = f"Оперативна ціль {n}." if f"Оперативна ціль {n}." in source else f"Оперативна ціль {n}"
            t.row([cell([f"{label} {item['title']}"], span=6)])
            continue
        i = item
        task, k, m = measures[i]
        first = k == 0
        task_merge = None if len(task["measures"]) == 1 else ("restart" if first else "continue")
        cells = [cell([f"{task['number']}."], vmerge=task_merge), cell([task["title"]], vmerge=task_merge)]
        number = (m.get("printed_number") + " ") if m.get("printed_number") else ""
        text_lines = lines_of(m["text"])
        cells.append(cell([number + text_lines[0]] + text_lines[1:]))
        def merge_state(key):
            if i in merged[key]:
                return "continue"
            if i + 1 in merged[key]:
                return "restart"
            return None
        r = m.get("responsible")
        rstate = merge_state("responsible")
        if rstate == "continue":
            cells.append(cell(vmerge="continue"))
        else:
            text = r["printed"] if r else ""
            # The extraction's «[bookmark: _Hlk…]»: bookmarks Word keeps at the start of the cell.
            marks = [("bookmark", b) for b in re.findall(r"\[bookmark: ([^\]]+)\]", " ".join(c["printed"] for c in m.get("corrections") or []))]
            cells.append(cell([paragraph(*marks, text)], vmerge=rstate))
        term = m.get("term")
        tstate = merge_state("term")
        if tstate == "continue":
            cells.append(cell(vmerge="continue"))
        else:
            cells.append(cell([term if isinstance(term, str) else (term or {}).get("printed", "")], vmerge=tstate))
        paras = []
        for item in indicator_items(m):
            paras += lines_of(item)
        cells.append(cell(paras))
        t.row(cells)
    doc.save(path)


# ---------- Kreminna 2020–2022: money per source and year, direction totals

def kreminna(path):
    plan, source = load_plan("kreminna-wps-2020-2022")
    src = source.split("\n")
    doc = new_document()
    body_paragraph(doc, "")
    for line in src[2:5]:
        body_paragraph(doc, line.replace("**", ""))
    body_paragraph(doc, "")
    heading = src[6].split("\t")
    t = Table(doc, 9)
    t.row([cell([h], vmerge="restart") for h in heading[:6]] + [cell([heading[6]], span=3)], header=True)
    t.row([cell(vmerge="continue") for _ in range(6)] + [cell([str(y)]) for y in plan["budget"]["years"]], header=True)
    years = plan["budget"]["years"]

    def amounts_cells(lines):
        out = []
        for y in years:
            out.append(cell([l["amounts"].get(y, l["amounts"].get(str(y), "")) for l in lines]))
        return out

    def indicator_paragraphs(m):
        paras = []
        for item in indicator_items(m):
            item = printed(item, m)
            ls = lines_of(item)
            if len(ls) > 1:
                paras += ls
                continue
            # The list mark as the source prints it: «- », «-» or none.
            head = item[:25]
            if ("- " + head) in source:
                paras.append("- " + item)
            elif ("-" + head) in source:
                paras.append("-" + item)
            else:
                paras.append(item)
        return paras

    def totals_rows(totals, full_width_label):
        lines = totals["lines"]
        if full_width_label:
            t.row([cell([totals["label"] + ":"], span=9)])
            for l in lines:
                t.row([cell(span=5), cell([l["source"]])] + amounts_cells([l]))
        else:
            for k, l in enumerate(lines):
                label = cell([totals["label"] + ":"], span=5, vmerge="restart") if k == 0 else cell(span=5, vmerge="continue")
                t.row([label, cell([l["source"]])] + amounts_cells([l]))

    for g in plan["goals"]:
        t.row([cell([f"{g['printed_number']}. {g['title']}"], span=9)])
        for m in g["measures"]:
            f = m.get("funding") or {}
            text_lines = lines_of(printed(m["text"], m))
            cells = [cell([m["printed_number"]]), cell(text_lines), cell([m["responsible"]["printed"]]),
                     cell([m["term"] if isinstance(m["term"], str) else m["term"]["printed"]]), cell(indicator_paragraphs(m))]
            if f.get("status") == "stated":
                lines = f["lines"]
                sources = f["printed"]
                # «Міський бюджет, Інші» is printed on one line; «Місцевий бюджет Інші» one source a line.
                cells.append(cell([sources] if "," in sources or len(lines) == 1 else [l["source"] for l in lines]))
                cells += amounts_cells(lines)
            else:
                cells.append(cell([f.get("printed", "")]))
                cells += [cell(["-"]) for _ in years]
            t.row(cells)
        # Directions I, II, IV print the label on a row of its own; III and V beside the first source.
        label_line = src[g["stated_totals"]["source_lines"] - 1 if isinstance(g["stated_totals"]["source_lines"], int)
                         else int(str(g["stated_totals"]["source_lines"]).split("-")[0]) - 1]
        totals_rows(g["stated_totals"], full_width_label=label_line.rstrip("\t").endswith(":"))
    totals_rows(plan["budget"]["stated_totals"], full_width_label=False)
    doc.save(path)


# ---------- Luhansk civil society 2020: Word's automatic numbering

def civil_society(path):
    plan, source = load_plan("luhansk-civil-society-2020")
    src = source.split("\n")
    doc = new_document()
    for line in src[2:13]:
        body_paragraph(doc, line.replace("**", "").strip())
    add_numbering(doc, 90, 90, [("decimal", "%1."), ("decimal", "%1.%2")])
    t = Table(doc, 4)
    t.row([cell([h]) for h in src[14].split("\t")], header=True)
    for g in plan["goals"]:
        # The section's number comes from the list (level 1); the cell spans the number and name columns.
        t.row([cell([paragraph(g["title"], num=(90, 0))], span=2), cell(), cell()])
        for m in g["measures"]:
            t.row([cell([paragraph(num=(90, 1))]), cell(lines_of(m["text"])), cell([m["term"]]),
                   cell([m["responsible"]["printed"]])])
    body_paragraph(doc, "")
    position = plan["signatory"]["position"]
    body_paragraph(doc, "В. о. директора Департаменту")
    body_paragraph(doc, position.replace("В. о. директора Департаменту ", ""))
    body_paragraph(doc, "")
    body_paragraph(doc, plan["signatory"]["name"])
    doc.save(path)


# ---------- Ministry for Reintegration 2024: tracked changes

def minreintegration(path):
    plan, source = load_plan("minreintegration-2024")
    doc = new_document()
    body_paragraph(doc, plan["title"])
    body_paragraph(doc, "")
    t = Table(doc, 6)
    t.row([cell([h]) for h in ["№ з/п", "Назва", "Строк", "Індикатор виконання", "Очікувані результати", "Виконавець в Міністерстві"]],
          header=True)
    for m in plan["measures"]:
        n = m["number"]
        text = m["text"]
        if n == "3":
            # An insertion Word still tracks: kept.
            head, tail = text.split(" (бокс", 1)
            text_cell = [paragraph(head, ("ins", " (бокс" + tail))]
        elif n == "5":
            # A deletion Word still tracks: dropped.
            first, rest = text.split(" ", 1)
            text_cell = [paragraph(first + " ", ("del", "невідкладних "), rest)]
        else:
            text_cell = lines_of(text)
        results = [r for r in m.get("results") or []]
        result_cell = [paragraph(("del", "попередній очікуваний результат, який видалено"))] + results if n == "7" else results
        row = [cell(["" if m.get("number_assigned") else n]), cell(text_cell), cell([m["term"]]),
               cell(indicator_items(m)), cell(result_cell), cell([m["responsible"]["printed"]])]
        t.row(row, inserted=(n == "12"))
        if n == "10":
            # A whole row deleted with tracking on: left out.
            t.row([cell(["11"]), cell(["Захід, який видалено під час погодження"]), cell(["грудень"]), cell(["—"]), cell(["—"]),
                   cell(["Директорат стратегічного планування"])], deleted=True)
    doc.save(path)


FIXTURES = {
    "luhansk-wps-2026-2030": luhansk_wps,
    "kreminna-wps-2020-2022": kreminna,
    "luhansk-civil-society-2020": civil_society,
    "minreintegration-2024": minreintegration,
}


# ---------- small fixtures for the unit tests (Tests/Fixtures/word/)

def unit_fixtures(out):
    # Rows per funding source: the measure's cells merged over one row per source; a term merged
    # over two measures; Roman directions; a totals row for the direction.
    doc = new_document()
    body_paragraph(doc, "ЗАТВЕРДЖЕНО")
    body_paragraph(doc, "Рішення виконавчого комітету")
    body_paragraph(doc, "від 12.03.2025 № 45")
    body_paragraph(doc, "")
    body_paragraph(doc, "План заходів громади на 2025–2026 роки")
    t = Table(doc, 7)
    t.row([cell(["№"], vmerge="restart"), cell(["Зміст заходу"], vmerge="restart"), cell(["Відповідальні"], vmerge="restart"),
           cell(["Строк"], vmerge="restart"), cell(["Джерела фінансування"], vmerge="restart"),
           cell(["Обсяг фінансування, тис. грн"], span=2)], header=True)
    t.row([cell(vmerge="continue") for _ in range(5)] + [cell(["2025"]), cell(["2026"])], header=True)
    t.row([cell([str(n)]) for n in range(1, 8)])
    t.row([cell(["I. Безпека громади"], span=7)])
    t.row([cell(["1."], vmerge="restart"), cell(["Облаштування укриттів"], vmerge="restart"),
           cell(["Відділ освіти, ГО «Світло» (за згодою)"], vmerge="restart"), cell(["2025–2026"], vmerge="restart"),
           cell(["Місцевий бюджет"]), cell(["120,5"]), cell(["80,0"])])
    t.row([cell(vmerge="continue"), cell(vmerge="continue"), cell(vmerge="continue"), cell(vmerge="continue"),
           cell(["Державний бюджет"]), cell(["1 200,0"]), cell(["-"])])
    t.row([cell(["2."]), cell(["Навчання з першої допомоги"]), cell(["Відділ освіти"]), cell(vmerge="continue"),
           cell(["Не потребує"]), cell(["-"]), cell(["-"])])
    t.row([cell(["ВСЬОГО ЗА НАПРЯМОМ:"], span=4, vmerge="restart"), cell(["Місцевий бюджет"]), cell(["120,5"]), cell(["80,0"])])
    t.row([cell(span=4, vmerge="continue"), cell(["Державний бюджет"]), cell(["1 200,0"]), cell(["-"])])
    doc.save(os.path.join(out, "rows-per-source.docx"))

    # Automatic numbering that restarts (startOverride) and continues across instances, Roman and
    # letters; a field (page number) whose result is kept; hidden text; caps; soft hyphen; no-break
    # space; line break; a comment; look-alike Latin letters; tracked changes.
    doc = new_document()
    body_paragraph(doc, "План дій на 2025 рік")
    add_numbering(doc, 91, 91, [("upperRoman", "%1."), ("decimal", "%2)")])
    numbering = doc.part.numbering_part.element
    n = el("w:num", **{"w:numId": 92})
    n.append(el("w:abstractNumId", **{"w:val": 91}))
    override = el("w:lvlOverride", **{"w:ilvl": 1})
    override.append(el("w:startOverride", **{"w:val": 5}))
    n.append(override)
    numbering.append(n)
    t = Table(doc, 3)
    t.row([cell(["№"]), cell(["Найменування заходу"]), cell(["Відповідальний виконавець"])], header=True)
    t.row([cell([paragraph("Перший розділ", num=(91, 0))], span=3)])
    t.row([cell([paragraph(num=(91, 1))]), cell(["Захід один"]), cell(["Відділ культури"])])
    t.row([cell([paragraph(num=(91, 1))]), cell([paragraph("Захід", ("br",), "два")]), cell(["Відділ культури"])])
    t.row([cell([paragraph("Другий розділ", num=(91, 0))], span=3)])
    t.row([cell([paragraph(num=(92, 1))]), cell(["Захід з номером від п’яти"]), cell(["Відділ спорту"])])
    t.row([cell([paragraph(num=(91, 1))]), cell(["Захід далі за списком"]), cell(["Вiддiл спорту"])])
    p = paragraph("Захід із полем: сторінка ")
    r = el("w:r"); r.append(el("w:fldChar", **{"w:fldCharType": "begin"})); p.append(r)
    r = el("w:r"); it = el("w:instrText"); it.text = " PAGE "; r.append(it); p.append(r)
    r = el("w:r"); r.append(el("w:fldChar", **{"w:fldCharType": "separate"})); p.append(r)
    p.append(run("7"))
    r = el("w:r"); r.append(el("w:fldChar", **{"w:fldCharType": "end"})); p.append(r)
    hidden = run(" (прихований текст)")
    rpr = el("w:rPr"); rpr.append(el("w:vanish")); hidden.insert(0, rpr)
    p.append(hidden)
    caps = run(" і великі літери")
    rpr = el("w:rPr"); rpr.append(el("w:caps")); caps.insert(0, rpr)
    p.append(caps)
    p.append(el("w:commentRangeStart", **{"w:id": 0}))
    p.append(run(", пере\u00adнесення і\u00a0нерозривний пробіл"))
    p.append(el("w:commentRangeEnd", **{"w:id": 0}))
    p.append(el("w:proofErr", **{"w:type": "spellStart"}))
    for part in [("ins", " (вставлено)"), ("del", " (видалено)")]:
        for e in segment(part):
            p.append(e)
    t.row([cell([paragraph(num=(91, 1))]), cell([p]), cell(["Відділ спорту"])])
    doc.save(os.path.join(out, "numbering-and-text.docx"))


# ---------- a plan of N measures for the benchmark

def bench(n, path):
    doc = new_document()
    body_paragraph(doc, "ЗАТВЕРДЖЕНО")
    body_paragraph(doc, "Розпорядження голови обласної державної адміністрації")
    body_paragraph(doc, "______________ № ____")
    body_paragraph(doc, "")
    body_paragraph(doc, "РЕГІОНАЛЬНИЙ ПЛАН ЗАХОДІВ на 2026–2030 роки")
    t = Table(doc, 6)
    t.row([cell(["№ з/п"]), cell(["Найменування завдання"]), cell(["Найменування заходу"]),
           cell(["Відповідальні за виконання"]), cell(["Строк виконання, рік"]), cell(["Показник виконання"])], header=True)
    t.row([cell([str(k)]) for k in range(1, 7)], header=True)
    bodies = ["Департамент соціального захисту населення обласної державної адміністрації",
              "Головне управління Національної поліції в Луганській області (за згодою)",
              "Департамент освіти і науки обласної державної адміністрації", "РВА", "ВА", "ІГС (за згодою)",
              "міжнародні організації (за згодою)", "Коаліція 1325 (за згодою)"]
    measure = 0
    task = 0
    for s in range(1, 5):
        t.row([cell([f"Стратегічна ціль {s}. Створено умови для рівноправної участі жінок і чоловіків у напрямі {s}"], span=6)])
        for o in range(1, 4):
            t.row([cell([f"Оперативна ціль {s}.{o}. Забезпечено міжвідомчу координацію та обмін інформацією у сфері {s}.{o}"], span=6)])
            while measure < n * (3 * (s - 1) + o) // 12:
                task += 1
                count = min(5, n * (3 * (s - 1) + o) // 12 - measure)
                for k in range(count):
                    measure += 1
                    merge = None if count == 1 else ("restart" if k == 0 else "continue")
                    t.row([cell([f"{task}."], vmerge=merge),
                           cell([f"Забезпечення координації виконання плану заходів у напрямі {task} на обласному та місцевому рівнях"], vmerge=merge),
                           cell([f"{k + 1}) організація та проведення заходу {measure} щодо реалізації порядку денного «Жінки, мир, безпека», "
                                 f"зокрема навчань, консультацій і засідань координаційних рад за участю представників цільових груп"]),
                           cell([", ".join(bodies[(measure + j) % len(bodies)] for j in range(3))]),
                           cell(["2026–2030"], vmerge=merge),
                           cell([f"кількість проведених заходів: не менше {measure % 7 + 3};", "кількість учасників (із розподілом за статтю);",
                                 "наявність протоколів засідань"])])
    doc.save(path)


def main(argv):
    if argv and argv[0] == "--unit":
        os.makedirs(argv[1], exist_ok=True)
        unit_fixtures(argv[1])
        return
    if argv and argv[0] == "--bench":
        bench(int(argv[1]), argv[2])
        return
    out = argv[0] if argv else "."
    os.makedirs(out, exist_ok=True)
    for plan_id, build in FIXTURES.items():
        build(os.path.join(out, plan_id + ".docx"))


if __name__ == "__main__":
    main(sys.argv[1:])
