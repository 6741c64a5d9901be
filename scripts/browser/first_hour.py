#!/usr/bin/env python3
"""Drives what a new recruiter meets in their first hour, in headless Chromium, and reports JSON on stdout.

Usage: first_hour.py BASE_URL EMAIL PASSWORD SCREENSHOT_DIR CANDIDATE_ID PITCHABLE_JOB_ID INTERVIEW_JOB_ID NOTE_FILE

Flows: search with two skills (all of them, every filter shown) and a partial skill (suggestions); compose a pitch
whose own words hold spaces, +, &, %, line breaks and non-ASCII letters, check and preview it, then send it; see that
a job the person is interviewing for is offered with its state, never as a pitch, and that the gate blocks it; fail
the discovery form and get it back filled in with the problem in words. Screenshots go to SCREENSHOT_DIR.
"""
import json
import os
import sys
import traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.wait import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flows import browser  # noqa: E402


def main():
    base, email, password, shots, candidate, pitchable, interviewing, note_file = sys.argv[1:9]
    with open(note_file, encoding="utf-8") as handle:
        note = handle.read()
    os.makedirs(shots, exist_ok=True)
    report = {"errors": [], "console": []}
    driver = browser()
    wait = WebDriverWait(driver, 20)

    def shot(name):
        driver.save_screenshot(os.path.join(shots, name + ".png"))

    try:
        driver.get(base + "/sign-in")
        driver.find_element(By.ID, "email").send_keys(email)
        driver.find_element(By.ID, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait.until(expected_conditions.url_changes(base + "/sign-in"))

        # Item 4: two skills mean both, and every filter in force is shown.
        driver.get(base + "/candidates")
        report["skillSuggestions"] = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#skill-names option")
                                      if o.get_attribute("value").lower().startswith("jav")]
        driver.find_element(By.ID, "skill").send_keys("Java, Kubernetes")
        Select(driver.find_element(By.ID, "region")).select_by_value("UK")
        driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
        wait.until(expected_conditions.url_contains("region=UK"))
        report["twoSkillsCount"] = driver.find_element(By.CSS_SELECTOR, "p.count").text
        report["twoSkillsNames"] = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "table.list tbody a")]
        report["filters"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".chips li")]
        shot("search-two-skills")
        driver.find_element(By.ID, "skill").send_keys("Jav")
        driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "p.problem")))
        report["partialSkill"] = driver.find_element(By.CSS_SELECTOR, "p.problem").text

        # Item 5: the recruiter's own words survive the preview and the send.
        driver.get("%s/candidates/%s/compose" % (base, candidate))
        driver.find_element(By.CSS_SELECTOR, "input[name=job][value='%s']" % pitchable).click()
        driver.find_element(By.ID, "note").send_keys(note)
        driver.find_element(By.CSS_SELECTOR, "form.compose button[type=submit]").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "verdict")))
        report["previewNote"] = driver.find_element(By.ID, "note").get_property("value")
        report["previewHidden"] = driver.find_element(By.CSS_SELECTOR, "form.send input[name=note]").get_property("value")
        report["previewMessage"] = driver.find_element(By.CSS_SELECTOR, "pre.message").text
        shot("compose-own-words")
        driver.find_element(By.CSS_SELECTOR, "form.send button").click()
        wait.until(expected_conditions.url_contains("sent=1"))
        report["sent"] = driver.find_element(By.CSS_SELECTOR, "[role=status]").text

        # Item 1: a job they are interviewing for is shown with its state, and the gate blocks a pitch of it.
        driver.get("%s/candidates/%s" % (base, candidate))
        openings = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=opportunities]")
        report["openings"] = openings.text
        report["pitchLinks"] = [a.get_attribute("href").replace(base, "") for a in openings.find_elements(By.LINK_TEXT, "Pitch this")]
        driver.execute_script("arguments[0].scrollIntoView()", openings)
        shot("candidate-pipeline-state")
        driver.get("%s/candidates/%s/compose?job=%s" % (base, candidate, interviewing))
        report["interviewDecision"] = driver.find_element(By.ID, "verdict").text
        report["interviewReasons"] = driver.find_element(By.CSS_SELECTOR, ".verdict ul").text
        report["interviewSendDisabled"] = not driver.find_element(By.CSS_SELECTOR, "form.send button").is_enabled()
        shot("compose-in-pipeline")

        # Item 18: a discovery form the server refuses comes back filled in, with the problem next to the field.
        driver.get("%s/candidates/%s" % (base, candidate))
        driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=discovery] summary").click()
        driver.find_element(By.ID, "notes").send_keys("   ")
        driver.find_element(By.ID, "targetRoles").send_keys("Platform Lead, SRE")
        driver.find_element(By.ID, "cadenceDays").send_keys("30")
        driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=discovery] button[type=submit]").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "notes-problem")))
        report["discoveryProblem"] = driver.find_element(By.ID, "notes-problem").text
        report["discoveryRoles"] = driver.find_element(By.ID, "targetRoles").get_property("value")
        report["discoveryCadence"] = driver.find_element(By.ID, "cadenceDays").get_property("value")
        report["discoveryNavigation"] = len(driver.find_elements(By.CSS_SELECTOR, "nav a[href='/today']"))
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "discovery"))
        shot("discovery-failed")
        # The refused form answers 422 on purpose; anything else logged as severe (a CSP violation, a script error) counts.
        report["console"] = [entry["message"] for entry in driver.get_log("browser")
                             if entry.get("level") == "SEVERE" and "status of 422" not in entry["message"]]
    except Exception:
        report["errors"].append(traceback.format_exc())
    finally:
        driver.quit()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
