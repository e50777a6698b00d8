"""The editor as a press officer uses it alone, in headless Chromium over a copy
of the shipped Content/: every page and answer in Ukrainian (a scan for English
words), a new update visible in the preview right after saving with its link,
a photo inserted into the text, the size limit said before anything is sent,
the Telegram text copied (or selected when the clipboard is refused),
unpublish and delete with confirmation, two saves at once, request bodies that
trickle in, and the rule that the editor on a network address needs the key
printed once."""
import datetime, html, http.cookiejar, os, pathlib, re, shutil, signal, socket, subprocess, threading
import urllib.error, urllib.parse, urllib.request

import pytest
from selenium.webdriver.common.by import By

from browser import DESKTOP, console_problems, run_axe, viewport
from nginx_server import free_port
from serve_process import start_serve, wait
from test_editor import driver, png, preview, type_into  # noqa: F401 (the same preview and browser fixtures)

REPO = pathlib.Path(__file__).resolve().parents[2]
PLAN = "luhansk-wps-2026-2030"
TODAY = datetime.datetime.now(datetime.timezone.utc).date().isoformat()

# Latin words a Ukrainian editor page may show: format and program names, YAML keys and
# values people type (examples in hints), protocol words.
ALLOWED = {"Markdown", "PlanPress", "JPEG", "PNG", "GIF", "WebP", "AVIF", "Telegram", "Content", "H1", "Q3", "sex", "age",
           "place", "measure", "as_of", "build", "date", "draft", "true", "site", "yaml", "docs", "updates", "md", "Ctrl",
           "planpress", "check", "serve", "alt", "GET", "HEAD", "POST", "English", "Atom", "https", "http", "Word"}


def english(text):
    """Latin words outside references, paths and addresses (tokens with : / . _ @ inside) and {placeholders}."""
    text = re.sub(r"\{[a-z_]+\}", " ", text)
    found = []
    for token in text.split():
        bare = token.strip(":;,.!?()«»\"'")
        if re.search(r"[:/._@]", bare) or re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", bare):
            continue  # a reference, path or address, or an id such as a plan's (data, not interface)
        for word in re.findall(r"[A-Za-z0-9]+", bare):
            if re.search(r"[A-Za-z]", word) and word not in ALLOWED:
                found.append(word)
    return found


# Where a page shows the content (plan texts, titles of updates and reports, the text's preview): data, not interface.
DATA = "#preview, table tbody td, table.measures tbody th, fieldset.indicator legend, option, textarea"


def visible_text(driver):
    """What a person sees or hears on the page, outside the content it shows: its text, and the words in
    titles, labels and the script's data-t-*."""
    return driver.execute_script("""
        var copy = document.body.cloneNode(true);
        copy.querySelectorAll(arguments[0]).forEach(function (e) { e.remove(); });
        copy.querySelectorAll('[hidden]').forEach(function (e) { e.remove(); });
        var parts = [document.title, copy.textContent];
        copy.querySelectorAll('*').forEach(function (e) {
          ['title', 'alt', 'aria-label', 'placeholder'].forEach(function (a) { if (e.hasAttribute(a)) { parts.push(e.getAttribute(a)); } });
          Array.prototype.forEach.call(e.attributes, function (a) { if (a.name.indexOf('data-t-') === 0 || a.name === 'data-too-large') { parts.push(a.value); } });
        });
        return parts.join('\\n');""", DATA)


@pytest.fixture(scope="module")
def photos(preview):
    """A small photo and one above the editor's limit, next to the copied content."""
    (preview["tmp"] / "photo.png").write_bytes(png())
    (preview["tmp"] / "big.png").write_bytes(png() + b"\0" * (33 * 1024 * 1024))
    return preview["tmp"]


def fetch(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), dict(error.headers)


def new_update(driver, preview, title, body="Текст новини.", publish=False):
    driver.get(preview["edit"] + "updates/new")
    type_into(driver, "f-title", title)
    type_into(driver, "f-summary", "Коротко про подію.")
    type_into(driver, "f-body", body)
    if publish:
        driver.find_element(By.ID, "f-draft").click()


def save(driver):
    driver.find_element(By.ID, "save").click()
    try:
        wait(lambda: "saved=1" in driver.current_url, what="the saved page")
    except AssertionError:
        # Say what the browser shows instead: a refusal by a field, an error page, or the same form.
        body = driver.find_element(By.TAG_NAME, "body").text
        raise AssertionError(f"no saved page after «Зберегти»: {driver.current_url}\n{body[:2000]}") from None


def too_large(preview):
    """A request announcing a body above the limit, sent as headers only: the server answers 413 at once."""
    host, port = preview["origin"].replace("http://", "").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall((f"POST /_edit/updates/save HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: {preview['origin']}\r\n"
                   f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {64 * 1024 * 1024}\r\n\r\n").encode())
        raw = b""

        def complete():
            if b"\r\n\r\n" not in raw:
                return False
            head, rest = raw.split(b"\r\n\r\n", 1)
            length = re.search(rb"content-length: *(\d+)", head.lower())
            return length is not None and len(rest) >= int(length.group(1))
        while not complete():
            chunk = s.recv(65536)
            if not chunk:
                break
            raw += chunk
    head, body = raw.split(b"\r\n\r\n", 1)
    return int(head.split()[1]), body.decode("utf-8")


def test_the_ukrainian_editor_has_no_english(preview, driver, axe_source):
    """Every editor page, problems shown by the fields, refusals, the 413 and 404 answers, the
    terminal line and the overlay over a page after a failed build: no English word."""
    viewport(driver, DESKTOP)
    assert preview["lines"][-1].startswith("редактор: http://127.0.0.1:"), preview["lines"]
    problems = {}
    for page in ["", "updates/new", "reports/new", f"reports/new?plan={PLAN}", "no-such-page"]:
        driver.get(preview["edit"] + page)
        problems[page or "index"] = english(visible_text(driver))
    # A form with problems, as a new user makes them: no title, an impossible date, a wrong reference.
    driver.get(preview["edit"] + "updates/new")
    driver.execute_script("document.getElementById('f-date').value = '';")
    type_into(driver, "f-items", f"measure:{PLAN}/99.9")
    driver.find_element(By.ID, "save").click()
    wait(lambda: driver.find_elements(By.ID, "summary"), what="the error summary")
    summary = driver.find_element(By.ID, "summary").text
    assert "напишіть заголовок новини" in summary and "99.9" in summary, summary
    assert not re.search(r"рядок \d|line \d", driver.page_source), "no line numbers of a file the person does not see"
    problems["form with problems"] = english(visible_text(driver))
    # The same problems as you type (JSON answers shown by the fields).
    type_into(driver, "f-title", "Перевірка")
    wait(lambda: "99.9" in driver.find_element(By.ID, "f-items-problems").text, what="the item problem as you type")
    problems["as you type"] = english(driver.find_element(By.ID, "f-items-problems").text)
    # Refusals and the server's own answers, read as a person would see them.
    form = urllib.parse.urlencode({"title": "Т", "date": TODAY, "body": "x"}).encode()
    for what, status, body in [
        ("no session", *fetch(preview["edit"] + "updates/save", form, {"Origin": preview["origin"],
                                                                         "Content-Type": "application/x-www-form-urlencoded"})[:2]),
        ("other origin", *fetch(preview["edit"] + "updates/save", form, {"Origin": "http://evil.example",
                                                                           "Content-Type": "application/x-www-form-urlencoded"})[:2]),
        ("413", *too_large(preview)),
        ("site 404", *fetch(preview["site"] + "no-such-page/")[:2]),
        ("405", *fetch(preview["site"], b"x", method="POST")[:2]),
    ]:
        text = re.sub(r"<script\b.*?</script>", " ", body, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        problems[f"{what} ({status})"] = english(text)
        assert status in (403, 404, 405, 413), (what, status)
    # The overlay shown over a page after a failed build.
    site_yaml = preview["content"] / "site.yaml"
    good = site_yaml.read_text(encoding="utf-8")
    driver.get(preview["site"])
    try:
        site_yaml.write_text(good + "\nbroken: [\n", encoding="utf-8")
        wait(lambda: driver.find_elements(By.ID, "planpress-overlay"), what="the overlay")
        overlay = driver.find_element(By.ID, "planpress-overlay").text
        assert overlay.startswith("Сайт не вдалося зібрати"), overlay
        problems["overlay"] = english(overlay.split("\n\n")[0])
    finally:
        site_yaml.write_text(good, encoding="utf-8")
    wait(lambda: not driver.find_elements(By.ID, "planpress-overlay"), what="the overlay to go")
    found = {page: words for page, words in problems.items() if words}
    assert not found, f"English words in the Ukrainian editor: {found}"


def test_a_new_update_is_visible_right_after_saving(preview, driver):
    """The date starts with today, the file name is shown before saving (the next free one for a
    title already used), and after saving «Переглянути на сайті» opens the draft, badged."""
    driver.get(preview["edit"] + "updates/new")
    assert driver.find_element(By.ID, "f-date").get_attribute("value") == TODAY
    type_into(driver, "f-title", "Засідання координаційної ради")
    path = "Content/updates/zasidannia-koordynatsiinoi-rady.md"
    wait(lambda: driver.find_element(By.ID, "file-path").text == path, what="the file name")
    type_into(driver, "f-summary", "Рада обговорила перший рік виконання плану.")
    type_into(driver, "f-body", "Засідання відбулося в обласній адміністрації.")
    save(driver)
    assert (preview["content"] / "updates" / "zasidannia-koordynatsiinoi-rady.md").exists()
    driver.find_element(By.ID, "view-on-site").click()
    wait(lambda: "Засідання координаційної ради" in driver.find_element(By.TAG_NAME, "h1").text, what="the update page")
    assert driver.current_url == preview["site"] + "updates/zasidannia-koordynatsiinoi-rady/"
    assert "чернетка" in driver.find_element(By.CSS_SELECTOR, ".badge-draft").text
    # The same title again (the next month's meeting): the next free name, shown before saving.
    driver.get(preview["edit"] + "updates/new")
    type_into(driver, "f-title", "Засідання координаційної ради")
    wait(lambda: driver.find_element(By.ID, "file-path").text == path.replace(".md", "-2.md"), what="the next free file name")
    save(driver)
    assert (preview["content"] / "updates" / "zasidannia-koordynatsiinoi-rady-2.md").exists()


def test_an_image_is_inserted_in_the_text(preview, driver, photos):
    """The size limit is said before anything is sent; a photo with its description goes where the
    cursor is, the preview shows it, and the page built after saving shows the converted photo."""
    console_problems(driver)  # empties the log of what earlier tests did on purpose (404, 422)
    new_update(driver, preview, "Нарада у великій залі", body="Перший абзац.\n\nДругий абзац.", publish=True)
    hint = driver.find_element(By.ID, "f-photo-hint").text
    assert re.search(r"до \d+ МБ", hint), hint
    requests_before = driver.execute_script("return performance.getEntriesByType('resource').length")
    driver.find_element(By.ID, "f-photo").send_keys(str(preview["tmp"] / "big.png"))
    wait(lambda: "завеликий" in driver.find_element(By.ID, "f-photo-problems").text, what="the size problem")
    driver.find_element(By.ID, "insert-photo").click()
    assert driver.find_element(By.ID, "f-photo").get_attribute("value").endswith("big.png"), "the chosen file stays chosen"
    assert "![" not in driver.find_element(By.ID, "f-body").get_attribute("value")
    assert driver.execute_script("return performance.getEntriesByType('resource').filter(e => e.name.indexOf('updates/photo') >= 0).length") == 0
    assert requests_before >= 0
    # The right photo, put after the first paragraph.
    driver.find_element(By.ID, "f-photo").send_keys(str(preview["tmp"] / "photo.png"))
    type_into(driver, "f-photo-alt", "Учасники наради у великій залі")
    driver.execute_script("var b = document.getElementById('f-body'); b.focus(); b.setSelectionRange(14, 14); b.blur();")
    driver.find_element(By.ID, "insert-photo").click()
    markdown = "![Учасники наради у великій залі](updates/images/narada-u-velykii-zali-photo-1.png)"
    wait(lambda: markdown in driver.find_element(By.ID, "f-body").get_attribute("value"), what="the inserted photo")
    assert driver.find_element(By.ID, "f-body").get_attribute("value") == f"Перший абзац.\n\n{markdown}\n\nДругий абзац."
    wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#preview img[alt='Учасники наради у великій залі']"), what="the preview photo")
    assert driver.execute_script("var i = document.querySelector('#preview img'); return i.complete && i.naturalWidth") == 8
    save(driver)
    assert (preview["content"] / "updates" / "images" / "narada-u-velykii-zali-photo-1.png").read_bytes() == png()
    page = preview["site"] + "updates/narada-u-velykii-zali/"
    wait(lambda: "photo-1." in fetch(page)[1], what="the converted photo on the built page")
    assert 'alt="Учасники наради у великій залі"' in fetch(page)[1]
    assert [p for p in console_problems(driver) if "favicon" not in p] == []


def test_a_failed_save_keeps_the_chosen_cover(preview, driver, photos):
    new_update(driver, preview, "Обкладинка не губиться")
    driver.find_element(By.ID, "f-cover").send_keys(str(preview["tmp"] / "photo.png"))
    type_into(driver, "f-cover-alt", "Синій прямокутник")
    type_into(driver, "f-items", f"measure:{PLAN}/99.9")
    driver.find_element(By.ID, "save").click()
    wait(lambda: driver.find_elements(By.ID, "cover-kept"), what="the kept cover")
    assert "photo.png" in driver.find_element(By.ID, "cover-kept").text
    assert driver.find_element(By.ID, "f-cover-alt").get_attribute("value") == "Синій прямокутник"
    type_into(driver, "f-items", f"measure:{PLAN}/1.1")
    save(driver)
    assert (preview["content"] / "updates" / "images" / "obkladynka-ne-hubytsia.png").read_bytes() == png()


def test_telegram_text_is_copied_or_selected(preview, driver):
    console_problems(driver)  # empties the log of what earlier tests did on purpose (404, 422)
    new_update(driver, preview, "Новина для Telegram", publish=True)
    save(driver)
    text = driver.find_element(By.ID, "share-text").get_attribute("value")
    assert text == "Новина для Telegram\n\nКоротко про подію.\n\n" + preview["site"] + "updates/novyna-dlia-telegram/"
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": preview["origin"],
                                                        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.find_element(By.ID, "share-copy").click()
    wait(lambda: driver.find_element(By.ID, "share-status").text, what="the copy status")
    assert "Скопійовано" in driver.find_element(By.ID, "share-status").text
    assert driver.execute_async_script("var done = arguments[0]; navigator.clipboard.readText().then(done, function () { done(null); });") == text
    # The clipboard refused: the text is selected instead, and the page goes on working.
    driver.execute_script("navigator.clipboard.writeText = function () { return Promise.reject(new Error('denied')); };"
                          "document.getElementById('share-status').textContent = '';")
    driver.find_element(By.ID, "share-copy").click()
    wait(lambda: driver.find_element(By.ID, "share-status").text, what="the fallback status")
    assert driver.execute_script("var t = document.getElementById('share-text'); return t.selectionEnd - t.selectionStart") == len(text)
    assert [p for p in console_problems(driver) if "favicon" not in p] == []


def test_unpublish_and_delete(preview, driver, axe_source):
    new_update(driver, preview, "Новина, яку знімуть", publish=True)
    save(driver)
    path = preview["content"] / "updates" / "novyna-yaku-znimut.md"
    page = preview["site"] + "updates/novyna-yaku-znimut/"
    # The page's own badge (a list of other updates on it may badge their drafts).
    own_badge = '<p><span class="badge badge-draft">'
    try:
        wait(lambda: fetch(page)[0] == 200 and own_badge not in fetch(page)[1], what="the published page")
    except AssertionError:
        status, body, _ = fetch(page)
        raise AssertionError(f"{page}: {status}\n{re.sub(r'<[^>]+>', ' ', body)[:1500]}") from None
    driver.find_element(By.LINK_TEXT, "Зняти з публікації (зробити чернеткою)…").click()
    assert "Зняти з публікації «Новина, яку знімуть»?" in driver.find_element(By.TAG_NAME, "h1").text
    assert not run_axe(driver, axe_source)
    before = path.read_text(encoding="utf-8")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait(lambda: "unpublished=1" in driver.current_url, what="the unpublished notice")
    assert path.read_text(encoding="utf-8") == before.replace("\n---\nТекст новини.", "\ndraft: true\n---\nТекст новини.")
    wait(lambda: own_badge in fetch(page)[1], what="the page badged as a draft")
    driver.find_element(By.LINK_TEXT, "Видалити новину…").click()
    driver.find_element(By.LINK_TEXT, "Скасувати").click()
    assert path.exists(), "cancel keeps the file"
    driver.find_element(By.LINK_TEXT, "Видалити новину…").click()
    driver.find_element(By.CSS_SELECTOR, "main form button.danger").click()
    wait(lambda: not path.exists(), what="the file moved")
    trashed = list((preview["content"] / "_trash").glob("*/updates/novyna-yaku-znimut.md"))
    assert len(trashed) == 1 and trashed[0].read_text(encoding="utf-8") == before.replace("\n---\nТекст новини.", "\ndraft: true\n---\nТекст новини.")
    assert "Content/_trash/" in driver.find_element(By.CSS_SELECTOR, ".saved").text
    wait(lambda: fetch(page)[0] == 404, what="the page gone from the preview")
    binary = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
    check = subprocess.run([binary, "check", "--content", str(preview["content"]), "--templates", str(preview["tmp"] / "Templates")],
                           capture_output=True, text=True)
    assert check.returncode == 0 and "_trash" not in check.stdout + check.stderr, check.stdout + check.stderr


def test_two_saves_at_once_never_lose_one(preview, driver):
    new_update(driver, preview, "Дві правки одночасно", publish=True)
    save(driver)
    path = preview["content"] / "updates" / "dvi-pravky-odnochasno.md"
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    token = driver.find_element(By.CSS_SELECTOR, "meta[name=csrf-token]").get_attribute("content")
    fields = {e.get_attribute("name"): e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, "#update-form input[name], #update-form textarea[name]")
              if e.get_attribute("type") not in ("file", "checkbox", "submit")}
    results = []

    def send(body):
        data = dict(fields, body=body, _csrf=token, action="save")
        status = fetch(preview["edit"] + "updates/save", urllib.parse.urlencode(data).encode(),
                       {"Origin": preview["origin"], "Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"})[0]
        results.append(status)
    for round in range(5):
        threads = [threading.Thread(target=send, args=(f"Правка {who} {round}.",)) for who in ("А", "Б")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # urllib follows the 303 to the saved page (200); the other gets 409 with its form.
        assert sorted(results) == [200, 409], (round, results)
        text = path.read_text(encoding="utf-8")
        assert text.endswith(f"---\nПравка А {round}.\n") or text.endswith(f"---\nПравка Б {round}.\n"), text
        results.clear()
        driver.get(preview["edit"] + "updates/dvi-pravky-odnochasno")
        fields["stamp"] = driver.find_element(By.CSS_SELECTOR, "input[name=stamp]").get_attribute("value")


def test_a_body_that_trickles_in_keeps_no_one_waiting(preview, driver):
    """Twenty POSTs whose bodies trickle in (one byte, then nothing): the editor still opens at once
    in the browser, and each slow request is answered 408 in Ukrainian and closed when its time
    (10 s plus 1 s per 64 KiB declared) is up."""
    host, port = preview["origin"].replace("http://", "").split(":")
    slow = []
    try:
        for _ in range(20):
            s = socket.create_connection((host, int(port)), timeout=60)
            s.sendall((f"POST /_edit/updates/save HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: {preview['origin']}\r\n"
                       "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nt").encode())
            slow.append(s)
        driver.set_page_load_timeout(5)
        try:
            driver.get(preview["edit"] + "updates/new")
            assert driver.find_element(By.ID, "f-title"), "the editor opened while the slow bodies wait"
        finally:
            driver.set_page_load_timeout(300)
        for s in slow:
            raw = b""
            while chunk := s.recv(65536):
                raw += chunk
            text = raw.decode("utf-8")
            assert text.startswith("HTTP/1.1 408"), text[:300]
            assert "Запит надходив надто повільно" in text, text[:600]
    finally:
        for s in slow:
            s.close()


def local_address():
    """This computer's address on its network (no packet is sent), or None without one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_network_host_needs_the_key(tmp_path):
    """`--host 0.0.0.0`: the editor stays on this computer and the terminal says so plainly; with
    `--editor-key` the link printed once lets another computer in (the key then leaves the address)."""
    shutil.copytree(REPO / "Content", tmp_path / "Content")
    shutil.copytree(REPO / "Templates", tmp_path / "Templates")
    address = local_address()
    for key in (False, True):
        port = free_port()
        args = ["--content", str(tmp_path / "Content"), "--templates", str(tmp_path / "Templates"), "--host", "0.0.0.0",
                "--port", str(port)] + (["--editor-key"] if key else [])
        process, lines = start_serve(args, ready="редактор з ключем" if key else "редактор відкривається лише на цьому")
        try:
            text = "".join(lines)
            assert "його можуть відкрити інші комп’ютери в мережі" in text, text
            assert fetch(f"http://127.0.0.1:{port}/_edit/")[0] == 200, "this computer may edit"
            assert fetch(f"http://127.0.0.1:{port}/_edit/", headers={"Host": f"rebound.example:{port}"})[0] == 403
            if not key:
                assert "щоб інші в мережі могли редагувати, запустіть `planpress serve --editor-key`" in text
                if address:
                    status, body, _ = fetch(f"http://{address}:{port}/_edit/")
                    assert status == 403 and "лише на комп'ютері, де запущено перегляд" in html.unescape(body), (status, body[:500])
                    assert fetch(f"http://{address}:{port}/plany/")[0] in (200, 404), "the site itself is open to the network"
                continue
            line = lines[-1]
            assert "хто має це посилання, той може змінювати файли" in line, line
            link = re.search(r"http://\S+\?key=([0-9a-f]{64})", line)
            assert link, line
            assert sum("?key=" in l for l in lines) == 1, "the key is shown once"
            if address:
                other = f"http://{address}:{port}/_edit/"
                assert fetch(other)[0] == 403
                jar = http.cookiejar.CookieJar()
                opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
                with opener.open(other + "?key=" + link.group(1), timeout=30) as response:
                    assert response.status == 200 and response.url == other, response.url
                    assert "Редактор новин і звітів" in response.read().decode("utf-8")
                assert fetch(other + "?key=" + "0" * 64)[0] == 403
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=60)
