"""Shared pieces of the web app's end-to-end tests: start `kleroterion serve` on a free port, a headless Chromium
(Debian's, through chromium-driver), full-page screenshots at desktop and phone width, and an axe-core check."""
import http.cookiejar
import json
import os
import socket
import subprocess
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTIFACTS = os.path.join(ROOT, "test-artifacts", "web")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`kleroterion serve` in a data folder, started and stopped (or killed) by the test."""

    def __init__(self, binary, data, port=None):
        self.binary, self.data, self.port = binary, data, port or free_port()
        self.proc = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.proc = subprocess.Popen([self.binary, "serve", "--data", self.data, "--port", str(self.port)],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/static/app.css", timeout=1)
                return self
            except Exception:
                if self.proc.poll() is not None:
                    raise SystemExit("the server stopped: " + self.proc.stdout.read().decode())
                time.sleep(0.1)
        raise SystemExit("the server did not start")

    def kill(self):
        self.proc.kill()
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()


def browser(width=1280, javascript=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    os.environ["SE_OFFLINE"] = "true"   # Selenium Manager must never download a browser or a driver
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"]:
        opts.add_argument(a)
    prefs = {"download.default_directory": os.path.join(ARTIFACTS, "downloads")}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2   # a browser with scripts turned off
    opts.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(120)
    return driver


def screenshot(driver, name, width):
    """A full-page PNG at this width (the window grows to the page's height)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    driver.set_window_size(width, 900)
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(width, min(max(height + 40, 600), 8000))
    path = os.path.join(ARTIFACTS, f"{name}-{width}.png")
    driver.save_screenshot(path)
    # Content wider than the window means sideways scrolling on a phone: the page must fit.
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    return path, overflow


def axe_check(driver, name):
    """axe-core on the page; returns the serious and critical violations."""
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(os.path.join(ARTIFACTS, f"{name}-axe.json"), "w") as f:
        json.dump(results["violations"], f, indent=1)
    return bad


def cookie_opener(driver):
    """A urllib opener that carries the browser's cookies (for downloading a file the page links to)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies()))]
    return opener
