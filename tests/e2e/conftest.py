"""Session fixtures: the real site built for a subpath, served by nginx,
crawled once; a headless Chromium driven through chromedriver."""
import importlib.util, json, os, pathlib, subprocess

import pytest

from nginx_server import Nginx, free_port
from site_crawler import Crawl

REPO = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SUBPATH = "/plany/"
PAGEFIND_PATH = "/pagefind-bench/"

# Page kinds every build has; the suites also cover any other kind they find.
REQUIRED_KINDS = {"home", "plan", "goal", "measure", "indicator", "plan-print", "executors", "executor",
                  "glossary", "search", "not-found"}


def pytest_configure(config):
    ARTIFACTS.mkdir(exist_ok=True)


def pagefind_binary():
    spec = importlib.util.find_spec("pagefind_bin")
    if spec is None or not spec.submodule_search_locations:
        return None
    binary = pathlib.Path(list(spec.submodule_search_locations)[0]) / "pagefind"
    return str(binary) if binary.exists() else None


def build_pagefind(site, out):
    """Pagefind over the same page kinds the site's own index holds (Ukrainian pages, `<main>` only)."""
    binary = pagefind_binary()
    if binary is None:
        return None
    glob = "{plans/*/measures/*,plans/*/goals/*,plans/*/indicators/*,executors/*,updates/*}/index.html"
    subprocess.run([binary, "--site", str(site), "--output-path", str(out / "pagefind"), "--root-selector", "main",
                    "--glob", glob, "--force-language", "uk", "--quiet"], check=True, capture_output=True)
    (out / "bench.html").write_text('<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>bench</title>'
                                    '</head><body></body></html>', encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    site = tmp / "site"
    binary = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
    build = subprocess.run([binary, "build", "--content", str(REPO / "Content"), "--templates", str(REPO / "Templates"),
                            "--output", str(site), "--base-url", base_url], capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    extra = ""
    pagefind = build_pagefind(site, tmp / "pagefind-site")
    if pagefind:
        extra = f"    location {PAGEFIND_PATH} {{ alias {pagefind}/; }}\n"
    (tmp / "nginx").mkdir()
    nginx = Nginx(str(site), str(tmp / "nginx"), path=SUBPATH, port=port, extra_locations=extra).start()
    nginx.site_dir = site
    nginx.pagefind = pagefind is not None
    yield nginx
    nginx.stop()


@pytest.fixture(scope="session")
def crawl(server):
    # The 404 pages are linked from nowhere: start there too.
    return Crawl(server.base, [server.base, server.base + "en/", server.base + "404.html", server.base + "en/404.html"])


@pytest.fixture(scope="session")
def kinds(crawl):
    """(language, kind) → the first URL of that kind."""
    return {key: urls[0] for key, urls in crawl.by_kind().items()}


@pytest.fixture(scope="session")
def axe_source():
    path = os.environ.get("AXE_JS")
    if not path or not os.path.exists(path):
        pytest.fail("axe-core not found: run tests/e2e/run.sh (it fetches axe.min.js and sets AXE_JS)")
    return open(path, encoding="utf-8").read()


@pytest.fixture(scope="session")
def browser():
    from browser import make_driver
    driver = make_driver()
    yield driver
    driver.quit()


def write_artifact(name, data):
    path = ARTIFACTS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, (dict, list)):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        path.write_text(str(data), encoding="utf-8")
    return path
