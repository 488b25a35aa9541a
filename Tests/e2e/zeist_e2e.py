#!/usr/bin/env python3
"""A whole Zeist assembly through the web app's pages, in real headless Chromium (make test-web).

register upload → column mapping → census → template quotas → invitations (letters with reply codes) → simulated
registrations (uploaded, plus one typed in by reply code) → exact feasibility verdict → commitment and announcement
→ a draw refused before the announced moment → the draw → a second seed refused → one drop-out replaced → the
public report → the published zip verified on the public page (and a wrong seed not verified) → personal data
deleted. Every page is screenshot at 1280 px and 400 px into test-artifacts/web/ and checked with axe-core.

Usage: zeist_e2e.py PATH/TO/kleroterion [--adults N] [--letters N] [--seats N]
"""
import argparse
import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webapp import ARTIFACTS, ROOT, Server, axe_check, browser, cookie_opener, screenshot  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

failures = []
visited = []   # (name, url) of every page seen, for the phone-width pass


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        failures.append(what)


def page(driver, name):
    """Screenshot (desktop) and axe-check the page now shown; remember it for the phone pass."""
    visited.append((name, driver.current_url))
    _, overflow = screenshot(driver, name, 1280)
    bad = axe_check(driver, name)
    check(not bad, f"{name}: no serious accessibility violation" + (f" ({', '.join(v['id'] for v in bad)})" if bad else ""))


def loaded(driver, old, timeout=120, or_else=lambda d: False):
    """Wait until the page `old` belonged to is gone and the next one has loaded (or `or_else` holds on this one).

    A click returns before the browser has navigated, so reading page_source straight after it may read the old
    page: that race failed two checks on a slower CI machine."""
    def ready(d):
        try:
            old.tag_name
            return or_else(d)
        except StaleElementReferenceException:
            return d.execute_script("return document.readyState") == "complete"
        except WebDriverException:
            # The old page went away while it was being read ("node does not belong to the document"): look again.
            return False
    WebDriverWait(driver, timeout, poll_frequency=0.2).until(ready)


def submit(driver, form_action, timeout=120):
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, f"form[action='{form_action}'] button[type=submit]").click()
    loaded(driver, old, timeout)


def wait_job(driver, timeout=900):
    """On a job's page: wait until it is no longer running, then follow its link back to the step."""
    WebDriverWait(driver, 10).until(lambda d: "/jobs/" in d.current_url)
    WebDriverWait(driver, timeout, poll_frequency=0.5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".job-state .state-done, .job-state .state-failed, .job-state .state-cancelled"))
    state = driver.find_element(By.CSS_SELECTOR, ".job-state strong").get_attribute("class")
    message = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".job-message"))
    return state, message


def upload(driver, field, path, timeout=600):
    """Upload through the page's script: on success it navigates to the next page, on a bad file it shows the
    message next to the field and stays."""
    before = driver.current_url
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, f"file-{field}").send_keys(path)
    driver.find_element(By.CSS_SELECTOR, f"#file-{field} ~ button[type=submit]").click()
    loaded(driver, old, timeout, or_else=lambda d: bool(
        d.find_elements(By.ID, f"err-{field}") and d.find_element(By.ID, f"err-{field}").text.strip()))
    return before


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--adults", type=int, default=50000)
    ap.add_argument("--letters", type=int, default=6500)
    ap.add_argument("--seats", type=int, default=150)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    os.makedirs(ARTIFACTS)
    work = tempfile.mkdtemp(prefix="kleroterion-e2e-")
    register = os.path.join(work, "brp-zeist.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "examples/zeist/generate_register.py"), "--out", register,
                    "--adults", str(args.adults)], check=True)
    server = Server(binary, os.path.join(work, "data")).start()
    driver = browser()
    base = server.url
    try:
        print("1. New assembly")
        driver.get(base + "/")
        page(driver, "01-home")
        driver.find_element(By.ID, "name").send_keys("Burgerberaad Zeist (test)")
        driver.find_element(By.ID, "municipality").send_keys("Zeist")
        size = driver.find_element(By.ID, "panelSize"); size.clear(); size.send_keys(str(args.seats))
        driver.execute_script("document.getElementById('referenceDate').value = '2020-11-01'")
        submit(driver, "/assemblies")
        check("/assemblies/" in driver.current_url, "the assembly was created")
        aid = driver.current_url.rstrip("/").split("/")[-1]
        page(driver, "02-overview")

        print("2. Register, mapping, census")
        driver.get(f"{base}/assemblies/{aid}/register")
        page(driver, "03-register-empty")
        upload(driver, "register", register)
        check(bool(driver.find_elements(By.ID, "mapping")), "the column mapping is shown after the upload")
        page(driver, "04-register-mapping")
        submit(driver, f"/assemblies/{aid}/register/mapping")
        state, message = wait_job(driver)
        check("state-done" in state, f"the census finished ({message})")
        page(driver, "05-job-census")
        driver.get(f"{base}/assemblies/{aid}/register")
        check("Zeist-Noord" in driver.page_source, "the census shows the districts")
        page(driver, "06-register-census")

        print("3. Quotas from the template")
        driver.get(f"{base}/assemblies/{aid}/quotas")
        Select(driver.find_element(By.ID, "template")).select_by_value("nl-gemeente")
        Select(driver.find_element(By.ID, "shares")).select_by_value("cbs-education-utrecht-2024")
        submit(driver, f"/assemblies/{aid}/quotas/derive")
        state, message = wait_job(driver)
        check("state-done" in state, f"the quotas were derived ({message})")
        driver.get(f"{base}/assemblies/{aid}/quotas")
        check(bool(driver.find_elements(By.ID, "table")), "the quota table is shown")
        page(driver, "07-quotas")

        print("4. Invitations")
        driver.get(f"{base}/assemblies/{aid}/invitations")
        count = driver.find_element(By.ID, "count"); count.clear(); count.send_keys(str(args.letters))
        page(driver, "08-invitations-form")
        submit(driver, f"/assemblies/{aid}/invitations")
        state, message = wait_job(driver)
        check("state-done" in state, f"the invitations were drawn ({message})")
        driver.get(f"{base}/assemblies/{aid}/invitations")
        page(driver, "09-invitations-done")
        letters = os.path.join(work, "letters.csv")
        with cookie_opener(driver).open(f"{base}/assemblies/{aid}/invitations/letters.csv") as r, open(letters, "wb") as f:
            f.write(r.read())
        header = open(letters, encoding="utf-8").readline().strip().split(",")
        check("reply_code" in header, "the letters file has a reply code per letter")

        print("5. Registrations")
        subprocess.run([sys.executable, os.path.join(ROOT, "examples/zeist/simulate_response.py"), "--invitations", letters,
                        "--out-dir", work], check=True)
        respondents = os.path.join(work, "respondents.csv")
        with open(respondents, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        fields = list(rows[0].keys())
        with open(letters, newline="", encoding="utf-8") as f:
            spare_code = next(r["reply_code"] for r in csv.DictReader(f) if r["reply_code"] not in {x["reply_code"] for x in rows})
        with open(respondents, "a", newline="", encoding="utf-8") as f:   # one unknown code and one second registration
            w = csv.DictWriter(f, fieldnames=fields)
            w.writerow(dict(rows[0], reply_code="ZZZZ-ZZZZ"))
            w.writerow(rows[1])
        driver.get(f"{base}/assemblies/{aid}/registrations")
        upload(driver, "respondents", respondents)
        source = driver.page_source
        check("ZZZZ-ZZZZ" in source, "an unknown reply code is flagged")
        check("al aangemeld" in source, "a second registration is flagged")
        page(driver, "10-registrations")
        driver.find_element(By.ID, "code").send_keys(spare_code.lower().replace("-", " "))
        for field in driver.find_elements(By.CSS_SELECTOR, "input[id^='f-']"):
            field.send_keys("hoog")
        submit(driver, f"/assemblies/{aid}/registrations/add")
        check(spare_code in driver.page_source, "a registration typed in by its reply code is added")
        page(driver, "11-registration-added")

        print("6. The exact verdict")
        driver.get(f"{base}/assemblies/{aid}/quotas")
        if driver.find_elements(By.CSS_SELECTOR, f"form[action='/assemblies/{aid}/quotas/relax']"):
            page(driver, "12-quotas-infeasible")
            submit(driver, f"/assemblies/{aid}/quotas/relax")
        check("met deze aanmeldingen is een panel mogelijk" in driver.page_source, "the quotas can be met by the pool")
        page(driver, "12-quotas-verdict")

        print("7. Commitment and announcement")
        driver.get(f"{base}/assemblies/{aid}/commit")
        page(driver, "13-commit-form")
        driver.find_element(By.ID, "seedSource").send_keys("tien worpen met een dobbelsteen in de raadszaal, met de notaris")
        soon = datetime.datetime.now() + datetime.timedelta(seconds=75)
        driver.execute_script(f"document.getElementById('notBefore').value = '{soon.strftime('%Y-%m-%dT%H:%M')}'")
        submit(driver, f"/assemblies/{aid}/commit")
        state, message = wait_job(driver)
        check("state-done" in state, f"the lottery was committed ({message})")
        page(driver, "14-job-commit")
        driver.get(f"{base}/assemblies/{aid}/announcement")
        check(len(driver.find_element(By.CSS_SELECTOR, ".fingerprint").text.strip()) == 64, "the announcement shows the fingerprint")
        page(driver, "15-announcement")

        print("8. The draw")
        seed = "3 1 4 1 5 2 6 5 3 5"
        driver.get(f"{base}/assemblies/{aid}/draw")
        if datetime.datetime.now() < soon.replace(second=0):
            driver.find_element(By.ID, "seed").send_keys(seed)
            submit(driver, f"/assemblies/{aid}/draw")
            check("te vroeg" in driver.page_source, "a draw before the announced moment is refused")
            page(driver, "16-draw-too-early")
        while datetime.datetime.now() < soon.replace(second=0) + datetime.timedelta(seconds=1):
            time.sleep(1)
        driver.get(f"{base}/assemblies/{aid}/draw")
        driver.find_element(By.ID, "seed").send_keys(seed)
        submit(driver, f"/assemblies/{aid}/draw")
        state, message = wait_job(driver)
        check("state-done" in state, f"the panel was drawn ({message})")
        driver.get(f"{base}/assemblies/{aid}/draw")
        page(driver, "17-draw-done")
        driver.get(f"{base}/assemblies/{aid}/panel")
        rows = driver.find_elements(By.CSS_SELECTOR, "#members tbody tr")
        check(len(rows) == args.seats, f"the panel has {args.seats} members ({len(rows)})")
        page(driver, "18-panel")
        driver.get(f"{base}/assemblies/{aid}/report")
        page(driver, "19-report")

        print("9. One drop-out")
        driver.get(f"{base}/assemblies/{aid}/dropouts")
        page(driver, "20-dropouts")
        driver.find_element(By.CSS_SELECTOR, "input[name=dropout]").click()
        submit(driver, f"/assemblies/{aid}/dropouts")
        state, message = wait_job(driver)
        check("state-done" in state, f"the replacement was drawn ({message})")
        driver.get(f"{base}/assemblies/{aid}/dropouts")
        page(driver, "21-dropouts-done")
        driver.get(f"{base}/assemblies/{aid}")
        check("replacements drawn" in driver.page_source, "the replacement is in the audit log")
        page(driver, "22-overview-audit")

        print("10. The public check of the published zip")
        published = os.path.join(work, "published.zip")
        with cookie_opener(driver).open(f"{base}/assemblies/{aid}/published.zip") as r, open(published, "wb") as f:
            f.write(r.read())
        for name, typed, expected in [("24-verify-ok", seed, "Gecontroleerd"), ("25-verify-wrong-seed", "6 6 6 6 6 6 6 6 6 6", "Niet in orde")]:
            driver.get(f"{base}/verify")
            driver.find_element(By.ID, "vseed").send_keys(typed)
            upload(driver, "verify", published)
            WebDriverWait(driver, 300).until(lambda d: "result=" in d.current_url)
            check(expected in driver.find_element(By.ID, "verdict").text, f"verify with seed '{typed}': {expected}")
            page(driver, name)
        # The same check in a browser with JavaScript turned off: the form is posted as multipart/form-data.
        plain = browser(javascript=False)
        try:
            plain.get(f"{base}/verify")
            plain.find_element(By.ID, "vseed").send_keys(seed)
            plain.find_element(By.ID, "file-verify").send_keys(published)
            plain.find_element(By.CSS_SELECTOR, "#file-verify ~ button[type=submit]").click()
            WebDriverWait(plain, 300).until(lambda d: "result=" in d.current_url or "Terug naar" in d.page_source)
            check("result=" in plain.current_url and "Gecontroleerd" in plain.find_element(By.ID, "verdict").text,
                  "verify without JavaScript: the form upload gives the verdict page")
            screenshot(plain, "24b-verify-ok-without-javascript", 1280)
            plain.get(f"{base}/verify")
            plain.find_element(By.ID, "vseed").send_keys(seed)
            plain.find_element(By.ID, "file-verify").send_keys(os.path.abspath(__file__))   # not a zip
            plain.find_element(By.CSS_SELECTOR, "#file-verify ~ button[type=submit]").click()
            WebDriverWait(plain, 60).until(lambda d: "Terug naar het formulier" in d.page_source)
            check(bool(plain.find_elements(By.CSS_SELECTOR, "p.error")), "without JavaScript a bad file gives its message and the way back")
            screenshot(plain, "24c-verify-bad-file-without-javascript", 1280)
        finally:
            plain.quit()

        print("11. Personal data")
        driver.get(f"{base}/assemblies/{aid}/privacy")
        page(driver, "26-privacy")
        driver.find_element(By.CSS_SELECTOR, "input[name=confirm]").click()
        submit(driver, f"/assemblies/{aid}/privacy/delete")
        check(bool(driver.find_elements(By.CSS_SELECTOR, "p.ok")), "the personal data was deleted")
        driver.get(f"{base}/assemblies/{aid}/report")
        check("<svg" in driver.page_source or "<table" in driver.page_source, "the published report stays after the deletion")

        print("12. Every page at phone width (400 px)")
        driver.get(base + "/?lang=en")
        page(driver, "27-home-english")
        driver.get(base + "/?lang=nl")
        for name, url in list(visited):
            if "-job-" in name or "verify" in name or "too-early" in name:
                continue
            driver.get(url)
            _, overflow = screenshot(driver, name, 400)
            check(overflow <= 1, f"{name} fits a 400 px phone (overflow {overflow} px)")
    finally:
        driver.quit()
        server.stop()
    print(f"\nScreenshots in {ARTIFACTS}")
    if failures:
        print(f"{len(failures)} check(s) failed:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("web app end-to-end: all checks passed")


if __name__ == "__main__":
    main()
