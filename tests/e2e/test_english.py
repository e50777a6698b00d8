"""The English interface speaks English: no Ukrainian interface string (from
Templates/locales/uk.yaml, the plans' level names and their count forms) is
left on any /en/ page, and counts use English plurals. Plan texts stay
Ukrainian inside lang="uk" (test_markup.py checks that every Cyrillic text
node on /en/ pages is marked so)."""
import html.parser, re

from conftest import REPO

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
SPACE = re.compile(r"\s+")


def ukrainian_interface_strings():
    """Whole strings and plural forms the Ukrainian interface prints (at least two letters)."""
    strings = set()
    for line in (REPO / "Templates/locales/uk.yaml").read_text(encoding="utf-8").splitlines():
        match = re.match(r'^[\w-]+:\s*"(.*)"\s*$', line)
        if not match:
            continue
        for form in match.group(1).split("|"):
            for piece in PLACEHOLDER.split(form):
                piece = piece.strip(" .,:;()«»")
                if len(piece) >= 2 and re.search(r"[\u0400-\u04FF]", piece):
                    strings.add(piece)
    return strings


# Interface strings that are also the documents' own wording, or a language's own name.
ALLOWED = {
    "Українська",       # the language switch names Ukrainian in Ukrainian (lang="uk")
    "протягом року",    # also a term as the documents print it
    "за згодою",        # also the documents' own words after a body's name, quoted as printed
}


def level_words(keys=("name", "plural", "one", "few", "many")):
    """Level names, plurals and count forms of every plan (plan.yaml `levels:`)."""
    words = set()
    for plan in (REPO / "Content/plans").glob("*/plan.yaml"):
        text = plan.read_text(encoding="utf-8")
        block = text.split("\nlevels:", 1)[1].split("\nabbreviations:", 1)[0].split("\ngoals:", 1)[0].split("\nmeasures:", 1)[0]
        for key in keys:
            words.update(v for v in re.findall(rf'\b{key}: "([^"]+)"', block) if re.search(r"[\u0400-\u04FF]", v))
    return words


class TextNodes(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.skip, self.in_body = [], 0, False
        self.open = []   # (tag, quotes the document: lang="uk") of the open non-void elements

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in ("script", "style"):
            self.skip += 1
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("lang") == "uk"))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        text = SPACE.sub(" ", data).strip(" .,:;·()«»—–")
        # Text quoted from a document (inside lang="uk", e.g. the source page's lines) is not interface text.
        if self.in_body and not self.skip and text and not any(uk for _, uk in self.open):
            self.texts.append(text)


def test_no_ukrainian_interface_text_on_english_pages(crawl):
    interface = ukrainian_interface_strings()
    levels = level_words()
    assert len(interface) > 100 and {"Захід", "Стратегічна ціль", "заходів"} <= levels | interface
    # «Захід 1.2», «Стратегічна ціль 1» as headings (the documents' own references are lower case).
    names = level_words(("name", "plural"))
    level_number = re.compile(r"^(%s) \d" % "|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    problems, pages = {}, 0
    for page in crawl.html_pages():
        if page.lang != "en":
            continue
        pages += 1
        parser = TextNodes()
        parser.feed(page.html)
        for text in parser.texts:
            if text in ALLOWED:
                continue
            if text in interface or text in names or level_number.match(text):
                problems.setdefault(text, page.url)
        # The counts under each plan («5 directions · 28 measures») are interface text.
        for block in re.findall(r'<ul class="counts">(.*?)</ul>', page.html, re.S):
            if re.search(r"[\u0400-\u04FF]", block):
                problems.setdefault(re.sub(r"<[^>]+>", "", block)[:80], page.url)
    assert pages > 500
    assert not problems, "Ukrainian interface text on English pages:\n" + "\n".join(
        f"  «{text}» e.g. {url}" for text, url in sorted(problems.items())[:40])


def test_english_counts_titles_and_notes(crawl, server):
    home = crawl.pages[server.base + "en/"].html
    assert "<title>Action plans</title>" in home or "Action plans" in home.split("<title>", 1)[1].split("</title>", 1)[0]
    assert re.search(r"<strong>5</strong> directions</li>", home), "English level counts"
    assert re.search(r"<strong>41</strong> measures</li>", home)
    assert "available in Ukrainian only" in home
    uk_home = crawl.pages[server.base].html
    assert re.search(r"<strong>5</strong> напрямів</li>", uk_home), "Ukrainian count forms (many)"
    plan = crawl.pages[server.base + "en/plans/luhansk-wps-2026-2030/"].html
    assert "Strategic goal" in plan and "available in Ukrainian only" in plan


def test_english_heads_are_english_and_every_page_has_an_icon(crawl, server):
    """og:locale en_US means the head speaks English: the title, description and og:/twitter:
    texts of every /en/ page are English (plans and bodies by the site's English names; only a
    news item keeps its Ukrainian title, as it is published), the home page names the site once,
    and every page links the site's icon (no request for /favicon.ico at the host's root)."""
    cyrillic = re.compile(r"[\u0400-\u04FF]")
    problems, checked = [], 0
    for page in crawl.html_pages():
        head = page.html.split("</head>", 1)[0]
        assert re.search(r'<link rel="icon" href="[^"]+favicon\.svg" type="image/svg\+xml">', head), page.url
        if page.lang != "en":
            continue
        checked += 1
        texts = {"title": re.search(r"<title>(.*?)</title>", head).group(1)}
        for name, value in re.findall(r'<meta (?:name|property)="((?:og|twitter):(?:title|description)|description)" content="([^"]*)"', head):
            texts[name] = value
        assert re.search(r'<meta property="og:locale" content="en_US">', head), page.url
        for name, value in texts.items():
            own_title = page.kind == "update" and (name.endswith("title") or name.endswith("description"))
            if cyrillic.search(value) and not own_title:
                problems.append(f"{page.url} {name}: {value[:100]}")
    assert checked > 500
    assert not problems, "Ukrainian head texts on English pages:\n" + "\n".join(problems[:30])
    home = crawl.pages[server.base + "en/"].html
    assert "<title>Action plans</title>" in home and "<title>Плани дій</title>" in crawl.pages[server.base].html
    # The icon is served, and a fresh browser asks for nothing else.
    from browser import make_driver
    driver = make_driver()
    try:
        mark = server.log_mark()
        driver.get(server.base + "en/plans/luhansk-wps-2026-2030/")
        driver.execute_script("return document.readyState")
        import time
        time.sleep(1)
        requests = server.requests_since(mark)
    finally:
        driver.quit()
    assert not [r for r in requests if r[0].endswith("/favicon.ico")], requests
    assert [r for r in requests if r[0].endswith("/assets/favicon.svg") and r[1] == 200], requests
