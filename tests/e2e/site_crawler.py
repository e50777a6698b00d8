"""Crawls a served site over HTTP from its start pages, following every link,
and records per page what the suites check: status, content type, links,
ids, the page kind (`<body class="page-…">`), inline scripts or styles, and
text in Cyrillic that is not inside an element marked `lang="uk"`."""
import collections, gzip, html.parser, re, urllib.error, urllib.parse, urllib.request

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Elements whose URL attribute makes the browser fetch something by itself.
SUBRESOURCES = {("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
                ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
                ("object", "data"), ("video", "poster"), ("input", "src")}


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []          # (tag, attribute, value, rel)
        self.ids = set()
        self.kind = None
        self.html_lang = None
        self.inline = []         # descriptions of inline scripts, styles, handlers
        self.untagged = []       # Cyrillic text outside lang="uk" (only collected; judged by the suite)
        self.switches = []       # (hreflang, href) of links to the page in another language
        self.stack = []          # (tag, lang)
        self.in_body = False
        self.script_depth = 0

    def lang(self):
        for _, lang in reversed(self.stack):
            if lang is not None:
                return lang
        return self.html_lang

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "body":
            self.in_body = True
            match = re.search(r"\bpage-([\w-]+)", a.get("class") or "")
            self.kind = match.group(1) if match else None
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "srcset", "data", "poster", "action"):
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                for url in urls:
                    self.links.append((tag, name, url, a.get("rel") or ""))
            if name == "id":
                self.ids.add(value)
            if name == "style":
                self.inline.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.inline.append(f"{name} handler on <{tag}>")
            if name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                self.inline.append(f"javascript: URL on <{tag}>")
        if tag == "a" and a.get("hreflang") and a.get("href"):
            self.switches.append((a["hreflang"], a["href"]))
        if tag == "script":
            self.script_depth += 1
            if not a.get("src"):
                self.inline.append("inline <script>")
        if tag == "style":
            self.inline.append("inline <style>")
        if tag not in VOID:
            self.stack.append((tag, a.get("lang")))
        if self.in_body:
            own = a.get("lang") or self.lang()
            for name in ("title", "aria-label", "alt", "placeholder"):
                value = a.get(name)
                if value and CYRILLIC.search(value) and own != "uk":
                    self.untagged.append(f"<{tag} {name}=\"{value[:60]}\">")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "script":
            self.script_depth -= 1
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.in_body and self.script_depth == 0 and CYRILLIC.search(data) and self.lang() != "uk":
            parent = self.stack[-1][0] if self.stack else "?"
            self.untagged.append(f"<{parent}> {data.strip()[:60]}")


Page = collections.namedtuple("Page", "url status content_type size gzip_size html kind lang links ids inline untagged switches")


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Crawl:
    """Everything reachable from `starts` under `base`, fetched once each."""

    def __init__(self, base, starts):
        self.base = base
        self.origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(base))
        self.pages = {}        # url → Page (HTML and other files)
        self.referrers = collections.defaultdict(set)
        self.headers = {}
        queue = collections.deque(starts)
        seen = set(starts)
        while queue:
            url = queue.popleft()
            page = self.visit(url)
            self.pages[url] = page
            for tag, attribute, link, _ in page.links:
                target = self.resolve(url, link)
                if target is None:
                    continue
                self.referrers[target].add(url)
                if target not in seen:
                    seen.add(target)
                    queue.append(target)

    def resolve(self, page, link):
        """Absolute URL without fragment, or None when it leaves the site."""
        absolute = urllib.parse.urljoin(page, link)
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not absolute.startswith(self.base):
            return None
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))

    def visit(self, url):
        status, headers, body = fetch(url)
        self.headers[url] = headers
        content_type = headers.get("Content-Type", "")
        if content_type.startswith("text/html"):
            parser = PageParser()
            text = body.decode("utf-8")
            parser.feed(text)
            return Page(url, status, content_type, len(body), len(gzip.compress(body, 6)), text, parser.kind,
                        parser.html_lang, parser.links, parser.ids, parser.inline, parser.untagged, parser.switches)
        return Page(url, status, content_type, len(body), len(gzip.compress(body, 6)), None, None, None, [], set(), [], [], [])

    def html_pages(self):
        return [p for p in self.pages.values() if p.html is not None and p.status == 200]

    def by_kind(self):
        """(language, kind) → URLs of that kind, in crawl order."""
        kinds = collections.defaultdict(list)
        for page in self.html_pages():
            kinds[(page.lang, page.kind)].append(page.url)
        return kinds
