"""`planpress serve` in a real browser: the page reloads after an edit, a
failed build shows its diagnostics over the page (the last good site stays),
and a fix reloads again. Runs on a copy of Content/ and Templates/."""
import os, pathlib, shutil, signal, subprocess, time

import pytest

from browser import console_problems, make_driver
from nginx_server import free_port
from serve_process import start_serve, wait

REPO = pathlib.Path(__file__).resolve().parents[2]
PAGE = "plans/luhansk-civil-society-2020/"
COMMENTARY = "commentary/luhansk-civil-society-2020.md"




@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("preview")
    shutil.copytree(REPO / "Content", tmp / "Content")
    shutil.copytree(REPO / "Templates", tmp / "Templates")
    port = free_port()
    process, lines = start_serve(["--content", str(tmp / "Content"), "--templates", str(tmp / "Templates"),
                                  "--port", str(port), "--base-url", f"http://127.0.0.1:{port}/plany/"])
    # The first line says which as-of date the preview uses (docs/updates.md).
    assert lines[0].startswith("попередній перегляд станом на "), "".join(lines)
    work_folder = lines[-1].split("(зібрано в ")[1].split(")")[0]
    yield {"url": f"http://127.0.0.1:{port}/plany/", "content": tmp / "Content", "process": process, "work": work_folder}
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


def reloaded(driver):
    return driver.execute_script("return window.__planpressMarker === undefined && document.readyState === 'complete'")


def test_edit_reloads_and_failure_shows_an_overlay(preview, driver):
    driver.get(preview["url"] + PAGE)
    assert "/__planpress/reload.js" in driver.page_source
    driver.execute_script("window.__planpressMarker = 1")
    commentary = preview["content"] / COMMENTARY
    commentary.write_text(commentary.read_text(encoding="utf-8").replace("Це план заходів", "Це (змінений) план заходів"),
                          encoding="utf-8")
    wait(lambda: reloaded(driver) and "Це (змінений) план заходів" in driver.page_source, what="reload after an edit")

    driver.execute_script("window.__planpressMarker = 2")
    settings = preview["content"] / "site.yaml"
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good + "\nas_of: [\n", encoding="utf-8")
    overlay = "var o = document.getElementById('planpress-overlay'); return o ? o.textContent : null"
    wait(lambda: driver.execute_script(overlay) is not None, what="the diagnostics overlay")
    text = driver.execute_script(overlay)
    assert "site.yaml:" in text and "помилка:" in text  # Ukrainian by default (docs/messages.md)
    assert driver.execute_script("return window.__planpressMarker") == 2, "a failed build must not reload the page"
    assert "Це (змінений) план заходів" in driver.page_source

    settings.write_text(good, encoding="utf-8")
    wait(lambda: reloaded(driver), what="reload after the fix")
    assert driver.execute_script(overlay) is None
    # The site has no favicon; the browser asks for one at the host root anyway.
    assert [p for p in console_problems(driver) if "/favicon.ico" not in p] == []


def test_ctrl_c_removes_the_private_build(preview):
    assert os.path.isdir(preview["work"])
    preview["process"].send_signal(signal.SIGINT)
    assert preview["process"].wait(timeout=60) == 0
    assert not os.path.exists(preview["work"])


def test_survives_running_out_of_file_descriptors(tmp_path):
    """Issue 15, defect 6: with `ulimit -n 128` and 200 idle connections, accept()
    fails with EMFILE; NIO's accept backoff retries, so once the idle
    connections close the preview serves again (the old server stopped for good).
    Idle connections are also closed by the server after --idle-timeout."""
    import resource, socket, urllib.request
    shutil.copytree(REPO / "Tests/Fixtures/basic-site/Content", tmp_path / "Content")
    port = free_port()
    limit = lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))
    process, lines = start_serve(["--content", str(tmp_path / "Content"), "--templates", str(REPO / "Templates"),
                                  "--port", str(port), "--max-connections", "1000", "--idle-timeout", "600"], preexec_fn=limit)
    try:
        url = lines[-1].split()[1]

        def get():
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        assert get() == 200
        idle = []
        for _ in range(200):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            idle.append(s)
        time.sleep(1.5)
        assert process.poll() is None, "the server died"
        for s in idle:
            s.close()
        wait(lambda: _quietly(get) == 200, seconds=30, what="serving again after the descriptors were freed")
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


def _quietly(function):
    try:
        return function()
    except Exception:
        return None
