"""Phone photos through the editor of `planpress serve`, in headless Chromium: an iPhone HEIC
carrying a GPS position and a camera serial, and a 20 MB 12-megapixel JPEG, each uploaded as an
update's cover, stored in Content/ without private metadata and converted for the site; the
share images every page names (1200 × 630, with their size, description and the update's
date), loaded by the browser. Runs on a copy of Content/ and Templates/ in a temporary
folder — never on the shipped Content/."""
import pathlib, random, struct, subprocess, urllib.error, urllib.request

import pytest
from selenium.webdriver.common.by import By

from browser import make_driver
from serve_process import serve_copy, wait

REPO = pathlib.Path(__file__).resolve().parents[2]
# 1600 × 1200, HEVC, made with libvips 8.14 (heifsave) on this project's machine; its EXIF names a
# camera make and model, a GPS position and a serial number (PhotoTests.phonePhoto makes the same).
HEIC = pathlib.Path(__file__).resolve().parent / "fixtures" / "photos" / "iphone.heic"
PRIVATE = [b"PlanPressTestCamera", b"SN-PP-123456789", b"iPhone 13"]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    yield from serve_copy(tmp_path_factory.mktemp("photos"), "--drafts")


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def jpeg_size(data):
    """(width, height) from a JPEG's frame header."""
    i = 2
    while i + 9 < len(data):
        assert data[i] == 0xFF, "not a JPEG marker"
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise AssertionError("no frame header")


def without_app1(data):
    """The JPEG with its APP1 segments (EXIF, XMP) left out."""
    out, i = bytearray(data[:2]), 2
    while i < len(data) and data[i] == 0xFF and data[i + 1] != 0xDA:
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if data[i + 1] != 0xE1:
            out += data[i:i + 2 + length]
        i += 2 + length
    return bytes(out + data[i:])


def twenty_megabyte_photo(folder):
    """A 12-megapixel (4032 × 3024) JPEG of 20–32 MB: random pixels (the same on every run) at
    quality 90, encoded by libvips's command (libvips-tools, installed by setup.sh)."""
    rng = random.Random(1325)
    ppm = folder / "noise.ppm"
    ppm.write_bytes(b"P6 4032 3024 255\n" + rng.randbytes(4032 * 3024 * 3))
    photo = folder / "IMG_4032.JPG"
    subprocess.run(["vips", "jpegsave", str(ppm), str(photo), "--Q", "90"], check=True, capture_output=True)
    ppm.unlink()
    return photo


def meta(driver, prop):
    return driver.execute_script(
        "var m = document.querySelector('meta[property=\"' + arguments[0] + '\"], meta[name=\"' + arguments[0] + '\"]');"
        "return m ? m.getAttribute('content') : null;", prop)


def natural_size(driver, url):
    """Loads `url` as an image in the page and returns its decoded size."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1], img = new Image();
        img.onload = function () { done([img.naturalWidth, img.naturalHeight]); };
        img.onerror = function () { done(null); };
        img.src = arguments[0];""", url)


def new_update_with_cover(driver, preview, title, date, photo, alt):
    driver.get(preview["edit"] + "updates/new")
    title_box = driver.find_element(By.ID, "f-title")
    title_box.clear()
    title_box.send_keys(title)
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                          driver.find_element(By.ID, "f-date"), date)
    driver.find_element(By.ID, "f-cover").send_keys(str(photo))
    driver.find_element(By.ID, "f-cover-alt").send_keys(alt)
    driver.find_element(By.ID, "f-body").send_keys("Світлина з телефона, як вона є.")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(lambda: "saved=1" in driver.current_url, seconds=180, what=f"the saved update «{title}»")
    return driver.current_url.split("/updates/")[1].split("?")[0]


def check_share_image(driver, preview, page, kind):
    """The page's og:image: its tags, and the image itself loaded by the browser at 1200 × 630."""
    driver.get(page)
    image = meta(driver, "og:image")
    assert image and image.startswith(preview["site"]), image
    assert image.endswith("/share." + kind), image
    assert (meta(driver, "og:image:width"), meta(driver, "og:image:height")) == ("1200", "630")
    assert meta(driver, "og:image:alt")
    assert meta(driver, "twitter:card") == "summary_large_image"
    assert natural_size(driver, image) == [1200, 630], image
    return image


def test_a_heic_from_an_iphone_is_stored_clean_and_converted(preview, driver):
    original = HEIC.read_bytes()
    assert original[4:12] == b"ftypheic" and all(s in original for s in PRIVATE)
    slug = new_update_with_cover(driver, preview, "Засідання ради: світлина з iPhone", "2026-11-20", HEIC,
                                 "Учасники засідання ради")
    stored = (preview["content"] / "updates" / "images" / f"{slug}.heic").read_bytes()
    # Stored as HEIC, without the GPS position, make, model and serial number; the picture untouched.
    assert stored[4:12] == b"ftypheic"
    assert len(stored) == len(original)
    assert not any(s in stored for s in PRIVATE), "private metadata left in Content/"
    page = preview["site"] + f"updates/{slug}/"
    wait(lambda: fetch(page)[0] == 200, seconds=180, what="the rebuilt update page")
    html = fetch(page)[1].decode("utf-8")
    assert f"/plany/updates/{slug}/cover.1600.webp 1600w" in html
    assert f'<meta property="article:published_time" content="2026-11-20">' in html
    # The converted sizes carry no metadata either, and the original is not published.
    for name in ["cover.1600.jpg", "cover.480.webp", "share.jpg"]:
        status, data = fetch(preview["site"] + f"updates/{slug}/{name}")
        assert status == 200 and not any(s in data for s in PRIVATE), name
    assert fetch(preview["site"] + f"updates/images/{slug}.heic")[0] == 404
    check_share_image(driver, preview, page, "jpg")
    assert jpeg_size(fetch(preview["site"] + f"updates/{slug}/share.jpg")[1]) == (1200, 630)


def test_a_20_megabyte_phone_photo_is_accepted_and_converted(preview, driver):
    photo = twenty_megabyte_photo(preview["tmp"])
    size = photo.stat().st_size
    assert 20 * 1024 * 1024 <= size <= 32 * 1024 * 1024, size
    original = photo.read_bytes()
    assert jpeg_size(original) == (4032, 3024)
    slug = new_update_with_cover(driver, preview, "Виїзна зустріч у громаді", "2026-11-21", photo, "Учасники виїзної зустрічі")
    stored = (preview["content"] / "updates" / "images" / f"{slug}.jpg").read_bytes()
    # Lossless: the same JPEG without its EXIF block (libvips writes one with the resolution).
    assert stored == without_app1(original)
    page = preview["site"] + f"updates/{slug}/"
    wait(lambda: fetch(page)[0] == 200, seconds=300, what="the rebuilt update page")
    status, largest = fetch(preview["site"] + f"updates/{slug}/cover.1600.jpg")
    assert status == 200 and jpeg_size(largest) == (1600, 1200)
    assert len(largest) < size / 4
    check_share_image(driver, preview, page, "jpg")


def test_pages_without_a_photo_name_a_card(preview, driver):
    # An update without a cover: its own card, the site's name above its title.
    slugs = [p.stem for p in (REPO / "Content" / "updates").glob("*.md")]
    assert slugs
    card = check_share_image(driver, preview, preview["site"] + f"updates/{slugs[0]}/", "png")
    assert "/updates/" in card
    status, data = fetch(card)
    assert status == 200 and data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
    # Every other page: the site's card.
    for path in ["", "executors/", "en/"]:
        image = check_share_image(driver, preview, preview["site"] + path, "png")
        assert image.rsplit("/", 2)[-2] in ("plany", "en"), image
        assert meta(driver, "article:published_time") is None
