"""The site in headless Chromium: axe-core finds no WCAG 2.2 A/AA violation on
any kind of page, the browser logs no error (a strict CSP blocks any inline
script or style, so such an error would show here), nothing is fetched from
another host, the keyboard reaches everything, and screenshots are saved."""
import os, shutil, urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import DESKTOP, PHONE, console_problems, make_driver, resources, run_axe, viewport
from conftest import ARTIFACTS, REPO

# Kinds whose screenshots go into docs/screenshots/ (others only into test-artifacts/).
DOC_KINDS = ["home", "plan", "goal", "measure", "indicator", "executor", "search", "timeline", "updates", "open-data"]


def page_kinds(crawl):
    """One URL per (language, kind), richest page first: the largest page of its kind."""
    chosen = {}
    for page in crawl.html_pages():
        key = (page.lang, page.kind)
        if key not in chosen or page.size > chosen[key].size:
            chosen[key] = page
    return {key: page.url for key, page in sorted(chosen.items(), key=lambda item: (item[0][0] or "", item[0][1] or ""))}


def representative(crawl):
    """One ordinary page per (language, kind): the median-sized one, for screenshots."""
    groups = {}
    for page in crawl.html_pages():
        groups.setdefault((page.lang, page.kind), []).append(page)
    return {key: sorted(pages, key=lambda p: p.size)[len(pages) // 2].url for key, pages in groups.items()}


def wait_for_results(driver, timeout=60):
    WebDriverWait(driver, timeout).until(
        lambda d: d.find_element(By.ID, "search-status").text.strip() not in ("", d.find_element(By.ID, "search-form").get_attribute("data-loading")))


def test_no_wcag_violations_on_any_kind_of_page(browser, crawl, axe_source):
    viewport(browser, DESKTOP)
    failures, checked = [], []
    for (lang, kind), url in page_kinds(crawl).items():
        browser.get(url)
        violations = run_axe(browser, axe_source)
        checked.append(f"{lang}/{kind}")
        for v in violations:
            failures.append(f"[{lang}/{kind}] {v['id']} ({v['impact']}): {v['help']}\n      {url}\n      "
                            + "\n      ".join(v["nodes"]))
    print(f"\naxe-core: {len(checked)} pages ({', '.join(checked)})")
    assert len(checked) >= 20
    assert not failures, "\n".join(failures)


def test_axe_reports_a_planted_violation(browser, server, axe_source):
    """The harness itself: a page with a nameless image and grey-on-grey text must fail."""
    browser.get(server.base)
    browser.execute_script("""const main = document.querySelector('main');
        const img = document.createElement('img'); img.src = arguments[0]; main.appendChild(img);
        const p = document.createElement('p'); p.textContent = 'Низький контраст';
        p.setAttribute('class', 'planted'); main.appendChild(p);
        document.styleSheets[0].insertRule('.planted { color: #bbb !important; background: #ccc !important; }');""",
                           server.base + "assets/site.css")
    ids = {v["id"] for v in run_axe(browser, axe_source)}
    assert {"image-alt", "color-contrast"} <= ids, ids


def test_no_wcag_violations_with_search_results_and_on_a_phone(browser, server, axe_source):
    viewport(browser, PHONE, mobile=True)
    try:
        for root in (server.base, server.base + "en/"):
            browser.get(root + "search/?q=" + urllib.parse.quote("гендерна рівність"))
            wait_for_results(browser)
            assert browser.find_elements(By.CSS_SELECTOR, "#search-results li")
            violations = run_axe(browser, axe_source)
            assert not violations, [f"{v['id']}: {v['help']} {v['nodes']}" for v in violations]
    finally:
        viewport(browser, DESKTOP)


def test_pages_log_no_errors_and_fetch_only_from_the_site(browser, crawl, server):
    browser.get_log("browser")  # drop earlier entries
    problems = []
    for (lang, kind), url in page_kinds(crawl).items():
        browser.get(url)
        if kind == "search":
            browser.get(url + "?q=" + urllib.parse.quote("моніторинг"))
            wait_for_results(browser)
        problems += [f"{url}: {message}" for message in console_problems(browser)]
        problems += [f"{url}: fetched {r}" for r in resources(browser) if not r.startswith(server.origin + "/")]
    assert not problems, "\n".join(problems[:30])


def test_skip_link_is_first_and_visible_on_focus(browser, server):
    viewport(browser, DESKTOP)
    browser.get(server.base)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    rect = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height]", active)
    assert rect[0] >= 0 and rect[1] >= 0 and rect[2] > 0 and rect[3] > 0, f"skip link off screen when focused: {rect}"
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    assert outline != "none", "focused link has no visible outline"
    active.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#content")


def test_keyboard_search_and_click_through(browser, server):
    """Tab to the field, type, Tab to the results, Enter opens the result."""
    viewport(browser, DESKTOP)
    browser.get(server.base + "search/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(30):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element.get_attribute("id") == "search-query":
            break
    else:
        pytest.fail("the search field cannot be reached with Tab")
    field = browser.switch_to.active_element
    assert browser.find_element(By.CSS_SELECTOR, "label[for=search-query]").text.strip()
    field.send_keys("самооборон")
    wait_for_results(browser)
    status = browser.find_element(By.ID, "search-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert any(ch.isdigit() for ch in status.text), status.text
    field.send_keys(Keys.TAB)   # the button, then the plan filter, then the first result
    for _ in range(3):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element.tag_name == "a":
            break
    first = browser.switch_to.active_element
    assert first.tag_name == "a" and first.find_element(By.XPATH, "ancestor::ol[@id='search-results']")
    target = first.get_attribute("href")
    assert "/plans/luhansk-wps-2026-2030/" in target, target
    first.send_keys(Keys.ENTER)
    WebDriverWait(browser, 60).until(lambda d: d.current_url == target)
    assert "самооборон" in browser.find_element(By.TAG_NAME, "main").text.lower()


def test_search_by_mouse_and_back_keeps_the_query(browser, server):
    browser.get(server.base + "en/search/")
    field = browser.find_element(By.ID, "search-query")
    field.send_keys("ветеран")
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    wait_for_results(browser)
    link = browser.find_element(By.CSS_SELECTOR, "#search-results li a")
    assert link.get_attribute("href").startswith(server.base + "en/"), "English search must link to English pages"
    assert link.get_attribute("lang") == "uk" or link.text.startswith("Indicator")
    link.click()
    WebDriverWait(browser, 60).until(lambda d: "/search/" not in d.current_url)
    browser.back()
    wait_for_results(browser)
    assert browser.find_element(By.ID, "search-query").get_attribute("value") == "ветеран"
    assert browser.find_elements(By.CSS_SELECTOR, "#search-results li")


def test_search_page_without_javascript_explains_and_links_to_the_lists(server):
    driver = make_driver(javascript=False)
    try:
        driver.get(server.base + "search/")
        note = driver.find_element(By.ID, "search-nojs")
        assert note.is_displayed() and "JavaScript" in note.text
        assert not driver.find_element(By.ID, "search-form").is_displayed()
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-lists a")]
        assert server.base in links and server.base + "executors/" in links
        assert sum(1 for link in links if link.endswith("/print/")) >= 5
    finally:
        driver.quit()


def test_language_switch_in_the_browser(browser, server, crawl):
    measure = next(p.url for p in crawl.html_pages() if p.kind == "measure" and p.lang == "uk")
    browser.get(measure)
    browser.find_element(By.CSS_SELECTOR, "a[hreflang=en]").click()
    WebDriverWait(browser, 60).until(lambda d: "/en/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.current_url == measure.replace(server.base, server.base + "en/")
    browser.find_element(By.CSS_SELECTOR, "a[hreflang=uk]").click()
    WebDriverWait(browser, 60).until(lambda d: "/en/" not in d.current_url)
    assert browser.current_url == measure


def test_screenshots_at_phone_and_desktop_widths(browser, crawl, server):
    out = ARTIFACTS / "screenshots"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    pages = representative(crawl)
    taken = []
    try:
        for (lang, kind), url in sorted(pages.items(), key=lambda item: (item[0][0] or "", item[0][1] or "")):
            if lang != "uk":
                continue
            if kind == "search":
                url += "?q=" + urllib.parse.quote("гендерна рівність")
            for name, size, mobile in (("phone", PHONE, True), ("desktop", DESKTOP, False)):
                viewport(browser, size, mobile)
                browser.get(url)
                if kind == "search":
                    wait_for_results(browser)
                path = out / f"{kind}-{name}.png"
                browser.save_screenshot(str(path))
                taken.append(path)
    finally:
        viewport(browser, DESKTOP)
    assert len(taken) >= 2 * 8
    assert all(p.stat().st_size > 5000 for p in taken)
    if os.environ.get("UPDATE_SCREENSHOTS"):
        docs = REPO / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for path in taken:
            if path.stem.rsplit("-", 1)[0] in DOC_KINDS:
                shutil.copy(path, docs / path.name)
