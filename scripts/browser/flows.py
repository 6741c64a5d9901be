#!/usr/bin/env python3
"""Drives the recruiter web app in headless Chromium (selenium) and reports what happened as JSON on stdout.

Usage: flows.py BASE_URL EMAIL PASSWORD HOSTILE_CANDIDATE_ID SCREENSHOT_DIR [CANDIDATE_ID GOOD_JOB_ID POOR_JOB_ID]

Flows: sign in; search for a candidate by skill and open their page; open every main page, including the page of a
candidate whose name is a script tag, and check that no dialog ever opens; sign out. A screenshot of each main page
is saved for people to look at. Any failure is reported, never swallowed: the Swift test asserts on the JSON.
"""
import json
import os
import sys
import traceback

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
        options.add_argument(argument)
    for binary in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]:
        if os.path.exists(binary):
            options.binary_location = binary
            break
    driver_path = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)), None)
    service = webdriver.ChromeService(executable_path=driver_path) if driver_path else webdriver.ChromeService()
    return webdriver.Chrome(service=service, options=options)


def main():
    base, email, password, hostile_id, shots = sys.argv[1:6]
    compose = sys.argv[6:9] if len(sys.argv) >= 9 else None
    os.makedirs(shots, exist_ok=True)
    report = {"steps": [], "dialogs": 0, "errors": [], "titles": {}, "console": []}
    driver = browser()
    wait = WebDriverWait(driver, 20)

    def step(name):
        report["steps"].append(name)

    def dialog_opened():
        try:
            alert = driver.switch_to.alert
            alert.dismiss()
            return True
        except NoAlertPresentException:
            return False

    def visit(path, shot):
        driver.get(base + path)
        if dialog_opened():
            report["dialogs"] += 1
        report["titles"][path] = driver.title
        driver.save_screenshot(os.path.join(shots, shot + ".png"))

    try:
        visit("/", "sign-in")
        step("redirected to " + driver.current_url.replace(base, ""))
        driver.find_element(By.ID, "email").send_keys(email)
        driver.find_element(By.ID, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait.until(expected_conditions.url_changes(base + "/sign-in"))
        step("after sign-in at " + driver.current_url.replace(base, ""))
        driver.save_screenshot(os.path.join(shots, "today.png"))
        report["heading"] = driver.find_element(By.TAG_NAME, "h1").text

        driver.find_element(By.LINK_TEXT, "Candidates").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "skill")))
        driver.find_element(By.ID, "skill").send_keys("Kubernetes")
        driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
        wait.until(expected_conditions.url_contains("skill=Kubernetes"))
        rows = driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr")
        step("search found %d" % len(rows))
        driver.save_screenshot(os.path.join(shots, "candidates.png"))
        if rows:
            rows[0].find_element(By.TAG_NAME, "a").click()
            wait.until(expected_conditions.url_matches(r"/candidates/\d+$"))
            report["candidate"] = driver.find_element(By.TAG_NAME, "h1").text
            driver.save_screenshot(os.path.join(shots, "candidate.png"))

        if compose:
            candidate, good, poor = compose
            # Answer the reply that is waiting, by logging a call; the follow-up closes. (Any message a person sends
            # answers it too, so this comes before the pitch.)
            visit("/candidates/" + candidate, "waiting")
            driver.find_element(By.CSS_SELECTOR, "form.answer textarea").send_keys("Called her back: she wants to hear about platform roles.")
            driver.find_element(By.CSS_SELECTOR, "form.answer input[value=phone]").click()
            driver.find_element(By.CSS_SELECTOR, "form.answer button").click()
            wait.until(expected_conditions.url_contains("answered=1"))
            report["answeredNotice"] = driver.find_element(By.CSS_SELECTOR, "[role=status]").text
            report["waitingAfter"] = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=waiting]").text
            driver.save_screenshot(os.path.join(shots, "answered.png"))
            # A pitch the gate blocks: shown with its reasons, and Send is disabled.
            visit("/candidates/%s/compose?job=%s" % (candidate, poor), "compose-blocked")
            report["blockedDecision"] = driver.find_element(By.ID, "verdict").text
            report["blockedReasons"] = driver.find_element(By.CSS_SELECTOR, ".verdict ul").text
            report["sendDisabled"] = not driver.find_element(By.CSS_SELECTOR, "form.send button").is_enabled()
            # One it allows: previewed, then sent.
            visit("/candidates/%s/compose?job=%s" % (candidate, good), "compose-allowed")
            report["allowedDecision"] = driver.find_element(By.ID, "verdict").text
            driver.find_element(By.CSS_SELECTOR, "form.send button").click()
            wait.until(expected_conditions.url_contains("sent=1"))
            report["sentNotice"] = driver.find_element(By.CSS_SELECTOR, "[role=status]").text

        visit("/candidates/" + hostile_id, "hostile-candidate")
        report["hostileHeading"] = driver.find_element(By.TAG_NAME, "h1").text
        visit("/candidates?name=script", "hostile-search")
        visit("/scorecards", "scorecards")
        visit("/insights", "insights")
        visit("/practices", "practice")
        visit("/jobs", "jobs")
        visit("/today", "today-again")

        driver.find_element(By.CSS_SELECTOR, "form.sign-out button").click()
        wait.until(expected_conditions.url_contains("/sign-in"))
        step("after sign-out at " + driver.current_url.replace(base, ""))
        driver.get(base + "/today")
        step("today after sign-out at " + driver.current_url.replace(base, ""))
        report["console"] = [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    except Exception:
        report["errors"].append(traceback.format_exc())
    finally:
        driver.quit()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
