"""Print and phone layouts in Chromium: every plan's print version is A4 with
the plan's short title and the as-of date on each page, the 2026–2030 plan
fits on at most 15 pages (Chromium's own PDF, `Page.printToPDF`); at 360 px no
page of any kind scrolls sideways, wide tables scroll inside their box with a
visible cue, and the timeline keeps its first column in view.
Figures go to test-artifacts/print-pages.json (docs/accessibility.md quotes them)."""
import base64, re, shutil, subprocess

import pytest
from selenium.webdriver.common.by import By

from browser import DESKTOP, viewport
from conftest import write_artifact
from test_browser import page_kinds   # the largest page of each (language, kind)

PLANS = ["luhansk-wps-2026-2030", "kreminna-wps-2020-2022", "luhansk-strategy-2027",
         "luhansk-civil-society-2020", "minreintegration-2024"]
MAX_PAGES = {"luhansk-wps-2026-2030": 15}
A4_POINTS = (595.28, 841.89)
PHONE_WIDTH = 360


def print_pdf(browser, url):
    browser.get(url)
    result = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False,
                                                         "displayHeaderFooter": False})
    return base64.b64decode(result["data"])


def pdf_pages(data):
    return len(re.findall(rb"/Type\s*/Page\b", data))


def pdf_page_texts(data, tmp_path):
    """Text of each page (pdftotext from poppler-utils, which tests/e2e/setup.sh installs)."""
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return [page for page in out.split("\f") if page.strip()]


def test_print_versions_are_a4_with_running_header_and_few_pages(browser, server, tmp_path):
    assert shutil.which("pdftotext"), "pdftotext missing: run tests/e2e/setup.sh"
    figures = {}
    for plan in PLANS:
        data = print_pdf(browser, server.base + f"plans/{plan}/print/")
        pages = pdf_pages(data)
        boxes = {tuple(round(float(v), 1) for v in box.split()[2:4])
                 for box in re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", data) for box in [box.decode()]}
        assert boxes and all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in boxes), (plan, boxes)
        title = browser.execute_script("return document.querySelector('link[href$=\"page.css\"]') !== null")
        assert title, f"{plan}: the print version links its page.css"
        texts = pdf_page_texts(data, tmp_path)
        assert len(texts) == pages, (plan, len(texts), pages)
        # The plan's crumb: the one before the current page («Головна › Плани › plan › print»).
        short = browser.execute_script("return document.querySelector('.breadcrumbs li:nth-last-child(2) a').textContent").strip()
        for n, text in enumerate(texts, 1):
            flat = re.sub(r"\s+", " ", text)
            assert short in flat and "Станом на" in flat, f"{plan}: page {n} lacks the running header: {flat[:200]}"
        figures[plan] = pages
        if plan in MAX_PAGES:
            assert pages <= MAX_PAGES[plan], f"{plan} prints on {pages} A4 pages (at most {MAX_PAGES[plan]})"
    write_artifact("print-pages.json", figures)
    print("\nA4 pages per plan: " + ", ".join(f"{k} {v}" for k, v in figures.items()))


LIST_HEADINGS = re.compile(r"(Показники|Очікувані результати|Indicators|Expected results):?")


def test_print_versions_have_no_glitches_and_keep_list_headings_with_their_items(browser, server, tmp_path):
    """What Chromium prints of every plan in both languages: the number as printed in quotes (no
    «1))»), one indicator a line (no «; ;»), no «Фінансування: Фінансування не зазначено», a
    bracketed number explained where it appears, and no list heading («Показники:») left as the
    last line of a page without its first item (print.css keeps them together)."""
    for lang in ("", "en/"):
        for plan in PLANS:
            texts = pdf_page_texts(print_pdf(browser, server.base + f"{lang}plans/{plan}/print/"), tmp_path)
            flat = re.sub(r"\s+", " ", " ".join(texts))
            where = f"{lang}plans/{plan}/print/"
            assert "))" not in flat, f"{where}: «))»"
            assert not re.search(r";\s*;", flat), f"{where}: «; ;»"
            assert not re.search(r"Фінансування: Фінансування|Funding: Funding", flat), f"{where}: funding said twice"
            if re.search(r"\[\d[\d.]*\]", flat):
                assert "номер дав сайт" in flat or "numbered by the site" in flat, f"{where}: «[…]» unexplained"
            for n, page in enumerate(texts, 1):
                lines = [line.strip() for line in page.splitlines() if line.strip()]
                # The last line of a page is the running footer («n / m»); the one before it the last text.
                body = [line for line in lines if not re.fullmatch(r"\d+ / \d+", line)]
                assert body and not LIST_HEADINGS.fullmatch(body[-1]), f"{where} page {n} ends with «{body[-1]}»"


def test_print_does_not_force_a_page_per_measure(browser, server):
    browser.get(server.base + "plans/luhansk-wps-2026-2030/print/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        forced = browser.execute_script("""return [...document.querySelectorAll('.print-measure, .print-goal')]
            .map(e => getComputedStyle(e)).filter(s => ['page', 'always', 'left', 'right'].includes(s.breakBefore)
              || ['page', 'always'].includes(s.breakAfter) || s.breakInside === 'avoid').length""")
        headings = browser.execute_script("""return [...document.querySelectorAll('.plan-print h2, .plan-print h3, .plan-print h4, .plan-print h5')]
            .filter(h => getComputedStyle(h).breakAfter !== 'avoid').length""")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert forced == 0, f"{forced} sections force or avoid page breaks"
    assert headings == 0, f"{headings} headings may be separated from the lines that follow them"


def test_no_page_scrolls_sideways_at_360px(browser, crawl):
    viewport(browser, (PHONE_WIDTH, 740), mobile=True)
    wide, checked = [], []
    try:
        for (lang, kind), url in sorted(page_kinds(crawl).items(), key=lambda i: (i[0][0] or "", i[0][1] or "")):
            browser.get(url)
            width = browser.execute_script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            checked.append(f"{lang}/{kind}")
            if width > PHONE_WIDTH + 1:
                culprit = browser.execute_script("""const w = document.documentElement.clientWidth;
                    const e = [...document.querySelectorAll('main *')].find(e => e.getBoundingClientRect().right > w + 1
                      && !e.closest('.table-scroll'));
                    return e ? e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 60) : '';""")
                wide.append(f"{lang}/{kind}: {width}px {url} — {culprit}")
    finally:
        viewport(browser, DESKTOP)
    assert len(checked) >= 20
    assert not wide, "pages wider than 360 px:\n" + "\n".join(wide)


def test_timeline_and_wide_tables_work_on_a_phone(browser, server):
    viewport(browser, (PHONE_WIDTH, 740), mobile=True)
    try:
        # Every plan's timeline stays 360 px wide: its visually hidden labels stay inside the scrolling box.
        for plan in PLANS:
            browser.get(server.base + f"plans/{plan}/timeline/")
            width = browser.execute_script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            assert width <= PHONE_WIDTH + 1, f"{plan} timeline is {width} px wide"
        browser.get(server.base + "plans/luhansk-wps-2026-2030/timeline/")
        box = browser.find_element(By.CSS_SELECTOR, ".table-scroll")
        cue = browser.execute_script("return getComputedStyle(arguments[0], '::before').content", box)
        assert "прокрутіть" in cue, cue
        first = browser.find_element(By.CSS_SELECTOR, "table.timeline tbody th[scope=row]")
        before = first.rect["x"]
        browser.execute_script("arguments[0].scrollLeft = 400", box)
        assert browser.execute_script("return arguments[0].scrollLeft", box) > 0, "the table scrolls inside its box"
        assert abs(first.rect["x"] - before) < 2, "the first column stays in view while the years scroll"
        browser.get(server.base + "plans/kreminna-wps-2020-2022/")
        boxes = browser.find_elements(By.CSS_SELECTOR, ".table-scroll")
        assert boxes
        for b in boxes:
            overflow = browser.execute_script("return getComputedStyle(arguments[0]).overflowX", b)
            assert overflow in ("auto", "scroll")
    finally:
        viewport(browser, DESKTOP)


def test_deep_pages_show_their_heading_in_the_top_of_a_phone_screen(browser, server):
    """Header and breadcrumbs leave the heading in the first 40 % of a 360 × 740 screen on the
    deepest pages (a measure four levels down); the trail keeps one link, the way up, with a
    target at least 24 px tall (WCAG 2.2, 2.5.8; axe checks it too)."""
    viewport(browser, (PHONE_WIDTH, 740), mobile=True)
    tops = {}
    try:
        for path in ["plans/luhansk-wps-2026-2030/measures/1.1/", "plans/luhansk-strategy-2027/measures/1.1.1.1/",
                     "plans/luhansk-wps-2026-2030/indicators/1.1-1/", "plans/luhansk-wps-2026-2030/goals/task-5/", "en/plans/luhansk-wps-2026-2030/measures/1.1/"]:
            browser.get(server.base + path)
            tops[path] = browser.execute_script("return document.querySelector('main h1').getBoundingClientRect().top")
            links = browser.execute_script("""return [...document.querySelectorAll('.breadcrumbs a')].filter(a => a.offsetParent)
                .map(a => a.getBoundingClientRect().height)""")
            assert len(links) == 1 and links[0] >= 24, (path, links)
    finally:
        viewport(browser, DESKTOP)
    write_artifact("phone-heading-tops.json", tops)
    assert all(top <= 0.4 * 740 for top in tops.values()), tops
