"""`planpress build --precompress` (docs/deploy.md): every text file gets a gzip
twin that Debian's nginx with `gzip_static on;` sends as it is, byte for byte,
to clients that accept gzip, and the plain file to the others."""
import gzip, os, subprocess, urllib.request

import pytest

from conftest import REPO, SUBPATH
from nginx_server import Nginx, free_port

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt")


@pytest.fixture(scope="module")
def precompressed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gz")
    port = free_port()
    site = tmp / "site"
    binary = os.environ.get("PLANPRESS", str(REPO / ".build/release/planpress"))
    build = subprocess.run([binary, "build", "--precompress", "--content", str(REPO / "Content"), "--templates",
                            str(REPO / "Templates"), "--output", str(site), "--base-url", f"http://127.0.0.1:{port}{SUBPATH}"],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    (tmp / "nginx").mkdir()
    nginx = Nginx(str(site), str(tmp / "nginx"), path=SUBPATH, port=port, gzip_static=True).start()
    nginx.site_dir = site
    yield nginx
    nginx.stop()


def files(site):
    for folder, _, names in os.walk(site):
        for name in names:
            yield os.path.relpath(os.path.join(folder, name), site)


def test_every_text_file_has_a_twin_with_the_same_bytes(precompressed):
    site = precompressed.site_dir
    all_files = set(files(site))
    # The marker file tells PlanPress the folder is its output; it is not part of the site.
    text = [p for p in all_files if p.endswith(TEXT) and p != ".planpress-output.txt"]
    assert len(text) > 1000
    for path in text:
        twin = path + ".gz"
        assert twin in all_files, path
        with open(site / twin, "rb") as f:
            packed = f.read()
        assert gzip.decompress(packed) == (site / path).read_bytes(), path
        assert packed[4:8] == b"\0\0\0\0", f"{twin}: the gzip header must carry no time"
    # Nothing else is compressed: images and archives are compressed already.
    assert not [p for p in all_files if p.endswith(".gz") and not p[:-3].endswith(TEXT)]


def get(url, gzip_ok):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read()


@pytest.mark.parametrize("path", ["index.html", "plans/luhansk-wps-2026-2030/print/index.html", "assets/site.css",
                                  "data/luhansk-wps-2026-2030.json", "updates/feed.xml"])
def test_nginx_sends_the_twin_as_it_is(precompressed, path):
    site = precompressed.site_dir
    assert (site / path).exists(), path
    url = precompressed.base + (path[:-len("index.html")] if path.endswith("index.html") else path)
    headers, body = get(url, gzip_ok=True)
    assert headers.get("Content-Encoding") == "gzip"
    # nginx compresses on the fly at level 1; the same bytes as the twin mean it sent the file as it is.
    assert body == (site / (path + ".gz")).read_bytes()
    headers, body = get(url, gzip_ok=False)
    assert headers.get("Content-Encoding") is None and body == (site / path).read_bytes()
