#!/usr/bin/env python3
"""Drives the candidate portal in headless Chromium and reports what happened as JSON on stdout.

Usage: portal.py ask BASE_URL EMAIL SCREENSHOT_DIR
       portal.py use LINK SCREENSHOT_DIR

`ask` requests a sign-in link for EMAIL (and, for comparison, for an address nobody holds). `use` opens a link, signs
in with its button, lowers the pitch limit, declines the first opening with a reason, and reads the data download.
"""
import json
import os
import sys
import traceback

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.wait import WebDriverWait

sys.path.insert(0, os.path.dirname(__file__))
from flows import browser  # noqa: E402


def ask(driver, base, email, shots, report):
    for address, key in [(email, "known"), ("nobody-%s" % email, "unknown")]:
        driver.get(base + "/portal")
        driver.find_element(By.ID, "email").send_keys(address)
        driver.find_element(By.CSS_SELECTOR, "main form button").click()
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")))
        report[key] = driver.find_element(By.CSS_SELECTOR, "[role=status]").text
        if key == "known":
            driver.save_screenshot(os.path.join(shots, "portal-asked.png"))


def use(driver, link, shots, report):
    wait = WebDriverWait(driver, 20)
    driver.get(link)
    driver.save_screenshot(os.path.join(shots, "portal-link.png"))
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    wait.until(expected_conditions.url_contains("/portal/me"))
    report["landedAt"] = driver.current_url.split("//", 1)[1].split("/", 1)[1]
    driver.save_screenshot(os.path.join(shots, "portal.png"))
    limit = driver.find_element(By.ID, "limit")
    limit.clear()
    limit.send_keys("1")
    driver.find_element(By.CSS_SELECTOR, "form[action='/portal/preferences'] button").click()
    wait.until(expected_conditions.url_contains("saved=1"))
    report["saved"] = driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    report["limitAfter"] = driver.find_element(By.ID, "limit").get_attribute("value")
    opening = driver.find_element(By.CSS_SELECTOR, "form[action^='/portal/openings/']")
    opening.find_element(By.CSS_SELECTOR, "input[value=no]").click()
    Select(opening.find_element(By.TAG_NAME, "select")).select_by_value("pay")
    opening.find_element(By.TAG_NAME, "button").click()
    wait.until(expected_conditions.url_contains("answered=1"))
    report["answered"] = driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    report["status"] = driver.find_element(By.CSS_SELECTOR, "article.card .when").text
    driver.save_screenshot(os.path.join(shots, "portal-answered.png"))
    # The download is an attachment, which a browser saves rather than shows: read it as the page's own request would.
    report["downloadLink"] = driver.find_element(By.PARTIAL_LINK_TEXT, "Download all my data").get_attribute("href")
    text = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/portal/data.json', {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done(String(e)));")
    report["data"] = json.loads(text)
    # The link was used: opening it again cannot sign anyone in.
    driver.delete_all_cookies()
    driver.get(link)
    before = driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    # Wait for the answer to the POST before reading it, not the page the button was on. While the page is swapped,
    # Chromium may answer for the old heading with a stale-element or "node does not belong to the document" error.
    settle = WebDriverWait(driver, 10, ignored_exceptions=[WebDriverException])
    report["reused"] = settle.until(heading_other_than(before))


def heading_other_than(before):
    """A wait condition: the page's heading once it is no longer `before`."""
    def changed(driver):
        text = driver.find_element(By.TAG_NAME, "h1").text
        return text if text and text != before else False
    return changed


def main():
    report = {"errors": []}
    os.makedirs(sys.argv[-1], exist_ok=True)
    driver = browser()
    try:
        if sys.argv[1] == "ask":
            ask(driver, sys.argv[2], sys.argv[3], sys.argv[4], report)
        else:
            use(driver, sys.argv[2], sys.argv[3], report)
        report["dialogs"] = 0
    except Exception:
        report["errors"].append(traceback.format_exc())
    finally:
        driver.quit()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
