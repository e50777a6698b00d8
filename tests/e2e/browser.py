"""Debian's Chromium, headless, through Debian's chromedriver (no driver download)."""
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]   # WCAG 2.2 AA adds target size (2.5.8)
PHONE = (390, 844)
DESKTOP = (1280, 900)


def make_driver(javascript=True):
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=uk",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--metrics-recording-only",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    # Every fetch goes to the server: byte counts are real transfers, not cache hits.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def viewport(driver, size, mobile=False):
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def console_problems(driver):
    """Errors the page logged (CSP violations, failed loads, script errors)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def resources(driver):
    """URLs the page fetched after the document itself (stylesheets, scripts, images, fetch())."""
    return driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def run_axe(driver, axe_source):
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source)
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(0, 3).join(' '))}))))
          .catch(e => done({error: String(e)}));""", WCAG_TAGS)
    if isinstance(result, dict) and "error" in result:
        raise RuntimeError("axe failed: " + result["error"])
    return result
