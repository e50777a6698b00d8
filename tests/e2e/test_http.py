"""The served site over HTTP: every linked URL answers 200 with the right
content type, fragments exist, nothing is fetched from another host, no inline
scripts or styles, pages stay small."""
import os, urllib.parse

from conftest import REQUIRED_KINDS, write_artifact
from site_crawler import SUBRESOURCES, fetch
import linkcheck

EXPECTED_TYPES = {
    ".html": "text/html; charset=utf-8", "/": "text/html; charset=utf-8", ".css": "text/css",
    ".js": "application/javascript", ".json": "application/json", ".csv": "text/csv", ".zip": "application/zip",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".txt": "text/plain", ".xml": "application/xml", ".png": "image/png", ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg", ".webp": "image/webp", ".svg": "image/svg+xml",
}
FEED_TYPE = "application/atom+xml"
# Budget for one page's HTML plus its stylesheet, gzip-compressed as served.
PAGE_BUDGET_BYTES = 100_000


def expected_type(url):
    path = urllib.parse.urlsplit(url).path
    if path.endswith("/feed.xml"):
        return FEED_TYPE
    for suffix, content_type in EXPECTED_TYPES.items():
        if path.endswith(suffix):
            return content_type
    return None


def test_the_crawl_reaches_every_page_kind(crawl):
    found = {kind for (_, kind) in crawl.by_kind()}
    assert REQUIRED_KINDS <= found, f"page kinds not reached by links: {sorted(REQUIRED_KINDS - found)}"
    assert len(crawl.html_pages()) > 100


def test_every_linked_url_answers_200(crawl):
    broken = [f"{page.status} {page.url} (linked from {sorted(crawl.referrers[page.url])[:2]})"
              for page in crawl.pages.values() if page.status != 200]
    assert not broken, "\n".join(broken)


def test_every_built_file_answers_200_with_its_content_type(server, crawl):
    problems, checked = [], 0
    for folder, _, files in os.walk(server.site_dir):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), server.site_dir)
            url = server.base + urllib.parse.quote(relative)
            if relative.endswith("index.html"):
                url = url[: -len("index.html")]
            if url in crawl.pages:
                status, headers = crawl.pages[url].status, crawl.headers[url]
            else:
                status, headers, _ = fetch(url)
            checked += 1
            want, got = expected_type(url), headers.get("Content-Type", "")
            if status != 200:
                problems.append(f"{status} {url}")
            elif want is None:
                problems.append(f"unexpected file type {url} ({got})")
            elif not (got == want or got.startswith(want + ";")):
                problems.append(f"{url}: Content-Type {got!r}, expected {want!r}")
    assert checked > 100
    assert not problems, "\n".join(problems[:50])


def test_unknown_urls_get_the_404_page(server):
    status, headers, body = fetch(server.base + "plans/no-such-plan/")
    assert status == 404
    assert headers.get("Content-Type") == "text/html; charset=utf-8"
    assert 'class="page-not-found"' in body.decode("utf-8")


def test_fragment_links_point_at_existing_ids(crawl):
    missing = []
    for page in crawl.html_pages():
        for tag, attribute, link, _ in page.links:
            if "#" not in link or attribute != "href":
                continue
            target_url = crawl.resolve(page.url, link)
            fragment = urllib.parse.unquote(link.split("#", 1)[1])
            target = crawl.pages.get(target_url) if target_url else None
            if target is not None and target.html is not None and fragment and fragment not in target.ids:
                missing.append(f"{page.url}: {link}")
    assert not missing, "\n".join(missing[:30])


def test_nothing_is_fetched_from_another_host(crawl):
    outside = []
    for page in crawl.html_pages():
        for tag, attribute, link, rel in page.links:
            if (tag, attribute) not in SUBRESOURCES or (tag == "link" and not _fetching_rel(rel)):
                continue
            absolute = urllib.parse.urljoin(page.url, link)
            if not absolute.startswith(crawl.origin + "/"):
                outside.append(f"{page.url}: <{tag} {attribute}={link}>")
    assert not outside, "\n".join(outside[:30])


def _fetching_rel(rel):
    # <link rel="canonical|alternate"> only names a URL; these make the browser fetch it.
    return bool(set(rel.lower().split()) & {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                                             "apple-touch-icon", "dns-prefetch", "preconnect"})


def test_no_inline_scripts_styles_or_handlers(crawl):
    found = [f"{page.url}: {', '.join(sorted(set(page.inline)))}" for page in crawl.html_pages() if page.inline]
    assert not found, "a strict Content-Security-Policy would block these:\n" + "\n".join(found[:30])


def test_strict_content_security_policy_is_sent(crawl, server):
    headers = crawl.headers[server.base]
    policy = headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy


def test_heaviest_page_stays_small(crawl):
    """HTML plus every stylesheet it loads for the screen, gzip-compressed as nginx sends them."""
    css = {}
    rows = []
    for page in crawl.html_pages():
        sheets = [crawl.resolve(page.url, link) for tag, attribute, link, rel in page.links
                  if tag == "link" and "stylesheet" in rel.split()]
        size = page.gzip_size + sum(css.setdefault(s, crawl.pages[s].gzip_size) for s in sheets if s in crawl.pages)
        raw = page.size + sum(crawl.pages[s].size for s in sheets if s in crawl.pages)
        rows.append((size, raw, page.url, page.kind))
    rows.sort(reverse=True)
    lines = [f"{size}\t{raw}\t{kind}\t{url}" for size, raw, url, kind in rows]
    write_artifact("page-sizes.tsv", "gzip_bytes\traw_bytes\tkind\turl\n" + "\n".join(lines) + "\n")
    heaviest_by_kind = {}
    for size, raw, url, kind in rows:
        heaviest_by_kind.setdefault(kind, {"gzip_bytes": size, "raw_bytes": raw, "url": url})
    write_artifact("page-weight.json", {"heaviest": heaviest_by_kind, "pages": len(rows)})
    size, raw, url, kind = rows[0]
    print(f"\nheaviest page: {url} ({kind}): {size} bytes gzip ({raw} raw), HTML+CSS")
    assert size <= PAGE_BUDGET_BYTES, f"{url} transfers {size} bytes (HTML+CSS, gzip)"


def test_links_on_disk_resolve(server):
    """The original file-system checker over the same build."""
    assert linkcheck.main(str(server.site_dir), "/plany/") == 0


def test_search_page_explains_itself_without_javascript(crawl, server):
    for language_root in (server.base, server.base + "en/"):
        page = crawl.pages[language_root + "search/"]
        assert 'id="search-nojs"' in page.html
        assert '<form id="search-form"' in page.html and " hidden " in page.html.split('<form id="search-form"')[1][:80]
        lists = [crawl.resolve(page.url, link) for tag, attribute, link, _ in page.links if tag == "a"]
        for target in (language_root, language_root + "executors/", language_root + "glossary/"):
            assert target in lists, f"{page.url} does not link to {target}"
        assert any(url and url.endswith("/print/") for url in lists)


def test_search_index_is_served_and_shared_by_languages(crawl, server):
    status, headers, body = fetch(server.base + "search/meta.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert b'"shards"' in body
    assert 'data-index="/plany/search/"' in crawl.pages[server.base + "en/search/"].html
