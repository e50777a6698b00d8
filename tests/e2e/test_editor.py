"""The editor at /_edit/ of `planpress serve`, in headless Chromium: create an
update with a cover and two linked measures (item search, live preview), edit
it, create a monitoring report for three measures; each written file equals a
hand-written fixture byte for byte (tests/e2e/fixtures/editor/) and the rebuilt
preview shows it. Cross-origin and token-less posts are refused; an edit on
disk since the form was opened is detected. axe-core finds no violation on the
editor's pages; the report form fits a phone. Runs on a copy of Content/ and
Templates/ in a temporary folder — never on the shipped Content/."""
import os, pathlib, shutil, signal, struct, subprocess, time, urllib.error, urllib.request, zlib

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import DESKTOP, PHONE, console_problems, make_driver, run_axe, viewport
from nginx_server import free_port
from serve_process import start_serve, wait

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures" / "editor"
SLUG = "koalitsiia-provela-zustrich-shchodo-planu-1325"
PLAN = "luhansk-wps-2026-2030"
SHOTS = REPO / "docs" / "screenshots"




def png(width=8, height=6):
    """A small valid PNG (solid colour), made here so the fixture needs no binary file."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    rows = b"".join(b"\x00" + bytes([30, 90, 160]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("editor")
    shutil.copytree(REPO / "Content", tmp / "Content")
    shutil.copytree(REPO / "Templates", tmp / "Templates")
    (tmp / "cover.png").write_bytes(png())
    port = free_port()
    process, lines = start_serve(["--content", str(tmp / "Content"), "--templates", str(tmp / "Templates"),
                                  "--port", str(port), "--base-url", f"http://127.0.0.1:{port}/plany/"], ready="редактор: ")
    yield {"origin": f"http://127.0.0.1:{port}", "site": f"http://127.0.0.1:{port}/plany/", "lines": lines,
           "edit": f"http://127.0.0.1:{port}/_edit/", "content": tmp / "Content", "tmp": tmp}
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


def shot(driver, name):
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    driver.save_screenshot(str(artifacts / f"editor-{name}.png"))
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        driver.save_screenshot(str(SHOTS / f"editor-{name}.png"))


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def set_value(driver, element_id, value):
    element = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                          element, value)


def type_into(driver, element_id, text):
    element = driver.find_element(By.ID, element_id)
    element.clear()
    element.send_keys(text)


def add_item(driver, query, ref):
    type_into(driver, "item-search", query)
    button = f"#item-results button[data-ref='{ref}']"
    items = driver.find_element(By.ID, "f-items")

    def click():
        # The list is redrawn after each keystroke's search: click once it holds still.
        try:
            driver.find_element(By.CSS_SELECTOR, button).click()
        except (NoSuchElementException, StaleElementReferenceException):
            return False
        return ref in items.get_attribute("value")
    wait(click, what=f"search result {ref}")


def no_violations(driver, axe_source, page):
    violations = run_axe(driver, axe_source)
    assert not violations, f"{page}: " + "\n".join(f"{v['id']}: {v['help']} {v['nodes']}" for v in violations)


def test_create_and_edit_an_update(preview, driver, axe_source):
    viewport(driver, DESKTOP)
    driver.get(preview["edit"])
    no_violations(driver, axe_source, "index")
    shot(driver, "index")
    driver.get(preview["edit"] + "updates/new")
    type_into(driver, "f-title", "Коаліція провела зустріч щодо плану 1325")
    set_value(driver, "f-date", "2026-11-20")
    type_into(driver, "f-summary", "Учасники обговорили перші два заходи регіонального плану.")
    add_item(driver, "луганськ 1.1 механізму", f"measure:{PLAN}/1.1")
    add_item(driver, "wps 1.2 органів", f"measure:{PLAN}/1.2")
    type_into(driver, "f-tags", "1325")
    driver.find_element(By.ID, "f-cover").send_keys(str(preview["tmp"] / "cover.png"))
    type_into(driver, "f-cover-alt", "Учасники зустрічі за круглим столом")
    type_into(driver, "f-body", f"Зустріч присвятили [заходу 1.1](measure:{PLAN}/1.1).\n\nНаступна зустріч — у грудні.")
    driver.find_element(By.ID, "f-draft").click()
    # The live preview renders the body as the site does: the item link resolved to the measure's page.
    link = f"#preview a[href*='plans/{PLAN}/measures/1.1/']"
    wait(lambda: driver.find_elements(By.CSS_SELECTOR, link), what="the live preview with the resolved link")
    # A wrong reference is reported next to the field as you type, in the words of `planpress check`.
    items = driver.find_element(By.ID, "f-items")
    items.send_keys("\nmeasure:" + PLAN + "/99.9")
    wait(lambda: "99.9" in driver.find_element(By.ID, "f-items-problems").text, what="the item problem")
    assert driver.find_element(By.ID, "f-items").get_attribute("aria-invalid") == "true"
    no_violations(driver, axe_source, "update form with a problem")
    shot(driver, "update-form")
    driver.execute_script("arguments[0].value = arguments[0].value.split('\\n').filter(l => l.indexOf('99.9') < 0).join('\\n');", items)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(lambda: "saved=1" in driver.current_url, what="the saved page")
    written = preview["content"] / "updates" / f"{SLUG}.md"
    assert written.read_bytes() == (FIXTURES / "update-created.md").read_bytes()
    assert (preview["content"] / "updates" / "images" / f"{SLUG}.png").read_bytes() == png()
    page = preview["site"] + f"updates/{SLUG}/"
    wait(lambda: fetch(page)[0] == 200, what="the rebuilt update page")
    status, html = fetch(page)
    main = html[html.find("<main"):]
    assert "Коаліція провела зустріч щодо плану 1325" in main, main[:3000]
    assert 'alt="Учасники зустрічі за круглим столом"' in main, main[:3000]

    # Edit it.
    driver.get(preview["edit"] + f"updates/{SLUG}")
    assert driver.find_element(By.ID, "f-title").get_attribute("value") == "Коаліція провела зустріч щодо плану 1325"
    type_into(driver, "f-summary", "Учасники обговорили перші два заходи регіонального плану і домовилися про наступну зустріч.")
    type_into(driver, "f-tags", "1325, зустріч")
    type_into(driver, "f-body", f"Зустріч присвятили [заходу 1.1](measure:{PLAN}/1.1) і [заходу 1.2](measure:{PLAN}/1.2).\n\n"
                                "Наступна зустріч — 15 грудня.")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(lambda: "saved=1" in driver.current_url and written.read_bytes() == (FIXTURES / "update-edited.md").read_bytes(),
         what="the edited file")
    wait(lambda: "15 грудня" in fetch(page)[1], what="the rebuilt page after the edit")
    assert [p for p in console_problems(driver) if "favicon" not in p] == []


def test_an_edit_on_disk_is_detected(preview, driver):
    driver.get(preview["edit"] + f"updates/{SLUG}")
    written = preview["content"] / "updates" / f"{SLUG}.md"
    theirs = written.read_text(encoding="utf-8").replace("15 грудня", "16 грудня")
    written.write_text(theirs, encoding="utf-8")
    type_into(driver, "f-body", "Мій варіант тексту.")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(lambda: driver.find_elements(By.ID, "conflict"), what="the conflict message")
    assert "Файл змінено на диску" in driver.find_element(By.ID, "conflict").text
    assert written.read_text(encoding="utf-8") == theirs
    shot(driver, "conflict")
    # The offered reload opens the file as it is on disk now.
    driver.find_element(By.CSS_SELECTOR, f"#conflict a[href='/_edit/updates/{SLUG}']").click()
    wait(lambda: "16 грудня" in driver.find_element(By.ID, "f-body").get_attribute("value"), what="the reloaded form")


def test_item_search_shows_the_newest_query_when_answers_arrive_late(preview, driver):
    """On a slow connection the item list arrives after several keystrokes; the results must then be
    those of the text in the box, not of an earlier keystroke whose answer came last (CI saw this)."""
    driver.get(preview["edit"] + "updates/new")
    # Hold back each answer for the item list, the earliest request the longest.
    driver.execute_script("""
        var original = window.fetch, sent = 0, items = document.getElementById('item-search').getAttribute('data-items');
        window.__itemRequests = 0; window.__itemPending = 0;
        window.fetch = function (url, options) {
          var answer = original.call(window, url, options);
          if (String(url).indexOf(items) < 0) { return answer; }
          window.__itemRequests++; window.__itemPending++;
          var hold = Math.max(0, 2500 - 200 * sent++);
          return answer.then(function (r) {
            return new Promise(function (ok) { setTimeout(function () { window.__itemPending--; ok(r); }, hold); });
          });
        };""")
    type_into(driver, "item-search", "луганськ")
    type_into(driver, "item-search", "wps 1.2 органів")
    wait(lambda: driver.execute_script("return window.__itemPending") == 0
         and driver.find_elements(By.CSS_SELECTOR, "#item-results button"), what="the item search results")
    time.sleep(0.3)  # let any answer already in the page's queue draw
    refs = [b.get_attribute("data-ref") for b in driver.find_elements(By.CSS_SELECTOR, "#item-results button")]
    assert f"measure:{PLAN}/1.2" in refs, refs
    for button in driver.find_elements(By.CSS_SELECTOR, "#item-results button"):
        text = (button.text + " " + button.get_attribute("data-ref")).lower()
        assert all(word in text for word in ["wps", "1.2", "органів"]), text
    assert driver.execute_script("return window.__itemRequests") == 1, "the item list is requested once per page"


def test_create_a_monitoring_report(preview, driver, axe_source):
    driver.get(preview["edit"] + "reports/new")
    Select(driver.find_element(By.ID, "f-plan")).select_by_value(PLAN)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(lambda: driver.find_elements(By.ID, "f-period"), what="the report form")
    no_violations(driver, axe_source, "report form")
    type_into(driver, "f-period", "2026-H1")
    Select(driver.find_element(By.ID, "f-reporter-kind")).select_by_value("civil-society")
    type_into(driver, "f-reporter-name", "Тестова громадська мережа")
    set_value(driver, "f-published", "2026-07-15")
    type_into(driver, "f-title", "Тестовий звіт за I півріччя 2026 року")
    type_into(driver, "f-summary", "Звіт для наскрізного тесту редактора; такого звіту не існує.")
    Select(driver.find_element(By.ID, "f-m-1-1-status")).select_by_value("partly-completed")
    type_into(driver, "f-m-1-1-narrative", "Засідання ради проведено двічі.")
    type_into(driver, "f-m-1-1-evidence", "Протокол засідання | https://example.org/protokol-1")
    Select(driver.find_element(By.ID, "f-m-1-2-status")).select_by_value("in-progress")
    Select(driver.find_element(By.ID, "f-m-2-1-status")).select_by_value("completed")
    type_into(driver, "f-m-2-1-narrative", f"Зустрічі проведено.\n\nДив. [захід 1.1](measure:{PLAN}/1.1).")
    # A bad evidence link is reported next to it as you type.
    type_into(driver, "f-m-1-2-evidence", "Наказ | example.org/nakaz")
    wait(lambda: "https://" in driver.find_element(By.ID, "f-m-1-2-evidence-problems").text, what="the evidence problem")
    shot(driver, "report-form")
    driver.find_element(By.ID, "f-m-1-2-evidence").clear()
    # At phone width the table becomes one block per measure: nothing wider than the screen.
    viewport(driver, PHONE, mobile=True)
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(driver, "report-phone")
    viewport(driver, DESKTOP)
    driver.find_element(By.CSS_SELECTOR, "form[data-check] button[type=submit]").click()
    written = preview["content"] / "reports" / PLAN / "2026-h1-testova-hromadska-merezha.yaml"
    wait(lambda: written.exists(), what="the report file")
    assert written.read_bytes() == (FIXTURES / "report.yaml").read_bytes()
    page = preview["site"] + f"plans/{PLAN}/measures/1.1/"
    wait(lambda: "Тестова громадська мережа" in fetch(page)[1], what="the rebuilt measure page")
    assert "виконано частково" in fetch(page)[1]


def post(preview, path, body, headers):
    request = urllib.request.Request(preview["origin"] + path, data=body.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_cross_origin_and_token_less_posts_are_refused(preview, driver):
    driver.get(preview["edit"] + "updates/new")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    token = driver.find_element(By.CSS_SELECTOR, "meta[name=csrf-token]").get_attribute("content")
    form = "title=%D0%92%D0%B7%D0%BB%D0%BE%D0%BC&date=2026-11-20&body=x&_csrf="
    before = sorted(p.name for p in (preview["content"] / "updates").iterdir())
    assert post(preview, "/_edit/updates/save", form + token, {"Origin": "http://evil.example", "Cookie": cookie}) == 403
    assert post(preview, "/_edit/updates/save", form, {"Origin": preview["origin"], "Cookie": cookie}) == 403
    assert post(preview, "/_edit/updates/save", form + token, {"Origin": preview["origin"]}) == 403
    assert post(preview, "/_edit/updates/save", form + token, {"Cookie": cookie}) == 403
    assert post(preview, "/_edit/updates/save", form + token, {"Origin": preview["origin"], "Cookie": cookie,
                                                                "Host": "attacker.example"}) == 403
    assert sorted(p.name for p in (preview["content"] / "updates").iterdir()) == before
