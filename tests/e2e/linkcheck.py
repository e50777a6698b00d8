#!/usr/bin/env python3
"""Crawls a built site on disk and fails on any broken internal link.

Every href/src starting with the site's base path must resolve to a file
(a folder resolves to its index.html). Prints `N passed, N failed`.
"""
import html.parser, os, sys, urllib.parse


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def main(root, base="/"):
    pages, broken = 0, []
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".html"):
                continue
            pages += 1
            path = os.path.join(folder, name)
            parser = Links()
            parser.feed(open(path, encoding="utf-8").read())
            for link in parser.links:
                url = urllib.parse.urlparse(link)
                if url.scheme or url.netloc or not url.path.startswith(base):
                    continue
                target = os.path.join(root, urllib.parse.unquote(url.path[len(base):]))
                if target.endswith("/") or os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                if not os.path.isfile(target):
                    broken.append(f"{os.path.relpath(path, root)}: {link}")
    for line in broken:
        print("broken link:", line)
    print(f"linkcheck: {pages - len(set(b.split(':')[0] for b in broken))} passed, {len(set(b.split(':')[0] for b in broken))} failed")
    return 1 if broken or pages == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "/"))
