"""Thing 2's scenario ("Try it: a morning at a day-care service"), a branching situation, in headless
Chromium: worked through by keyboard only and by mouse, in SCORM 1.2 and 2004 under the strict
run-time and as the HTML site, resumed mid-way after a relaunch, and in cmi5 under the test LMS."""
import re

import pytest
from playwright.sync_api import expect

from learner import Learner
from test_cmi5 import close, launch, wait_for

TITLE = "Try it:"
# The best path: ask first, then plan practice time; both choices carry feedback to continue past.
BEST_PATH = ["Ask what is getting in the way, and offer to look at it with them at lunchtime",
             "Plan ten minutes of practice into each shift"]


def scenario(learner):
    return learner.activity(TITLE)


def choice(learner, text):
    return scenario(learner).get_by_role("button", name=re.compile("^" + re.escape(text)))


def focused(learner):
    """What has the focus in the page (inside the LMS frame when there is one)."""
    return learner.evaluate(
        "(document.activeElement.getAttribute('data-role') || document.activeElement.id || document.activeElement.tagName)")


def choose_by_keyboard(learner, text):
    button = choice(learner, text)
    button.focus()
    button.press("Enter")
    # The focus moves to what follows, so a screen reader reads it next.
    assert focused(learner) == "choice-feedback"
    learner.page.keyboard.press("Tab")
    assert focused(learner) == "continue"
    learner.page.keyboard.press("Enter")


def interactions(learner):
    return {interaction["id"]: interaction for interaction in learner.lms()["interactions"]}


@pytest.mark.parametrize("kind", ["scorm12", "scorm2004", "html"])
def test_the_scenario_by_keyboard_only_reaches_the_best_ending(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    region = scenario(learner)
    expect(region.get_by_role("heading", name="Moment 1")).to_be_visible()
    choose_by_keyboard(learner, BEST_PATH[0])
    # The next moment takes the focus, numbered as the learner met it.
    assert focused(learner) == "activity-a-morning-at-day-care-node-listen"
    expect(region.get_by_role("heading", name="Moment 2")).to_be_visible()
    expect(region.get_by_role("list", name="Your choices so far")).to_contain_text(BEST_PATH[0])
    choose_by_keyboard(learner, BEST_PATH[1])
    expect(region.get_by_role("heading", name="The ending")).to_be_visible()
    expect(region.locator(".scenario-node:not([hidden])").get_by_text("Looking back")).to_be_visible()
    expect(region.get_by_role("status")).to_contain_text("earned 4 of the 4 points of the best path (100%)")
    expect(region.get_by_text("Done.", exact=True)).to_be_visible()
    # Optional: the Thing still waits for its two required activities.
    expect(learner.progress()).to_have_text("0 of 2 required activities done.")
    if learner.in_lms:
        assert learner.lms_refusals() == []
        by_id = interactions(learner)
        first, second = by_id["a_morning_at_day_care_start"], by_id["a_morning_at_day_care_listen"]
        assert first["type"] == "choice" and first["result"] == "correct" and second["result"] == "correct"
        assert first["response"] == ("1" if kind == "scorm12" else "choice_2")  # identifiers as strict run-times take them
        assert first["correct"] == [first["response"]]
    screenshot(learner.page)


@pytest.mark.parametrize("kind", ["scorm12", "scorm2004", "html"])
def test_the_scenario_by_mouse_resumes_mid_way_after_a_relaunch(context, base_url, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    choice(learner, "Let them use paper today to keep the peace").click()
    expect(scenario(learner).get_by_text("the records are now split between two places")).to_be_visible()
    scenario(learner).get_by_role("button", name="Continue").click()
    expect(scenario(learner).get_by_text("a daughter asks about her father")).to_be_visible()
    learner.close_and_relaunch()
    # Back where the learner left off: the afternoon moment, with the path so far.
    region = scenario(learner)
    expect(region.get_by_text("a daughter asks about her father")).to_be_visible()
    expect(region.get_by_role("heading", name="Moment 2")).to_be_visible()
    expect(region.get_by_role("list", name="Your choices so far")).to_contain_text("Let them use paper")
    expect(region.get_by_text("two colleagues tell you that the new electronic care records")).to_be_hidden()
    choice(learner, "Tell her the new system is to blame").click()
    expect(region.get_by_role("heading", name="The ending")).to_be_visible()
    expect(region.get_by_role("status")).to_contain_text("earned 0 of the 4 points")
    # Starting again keeps the ending reached: the activity stays done.
    region.get_by_role("button", name="Start again").click()
    expect(region.get_by_role("heading", name="Moment 1")).to_be_visible()
    expect(region.get_by_text("Done.", exact=True)).to_be_visible()
    if learner.in_lms:
        assert learner.lms_refusals() == []
        assert interactions(learner)["a_morning_at_day_care_paper"]["result"] == ("wrong" if kind == "scorm12" else "incorrect")


def test_the_scenario_in_cmi5_sends_answered_statements_and_resumes_from_the_state_api(context, cmi5_lms):
    lms = cmi5_lms()
    session, learner = launch(context, lms)
    choice(learner, BEST_PATH[0]).click()
    scenario(learner).get_by_role("button", name="Continue").click()
    expect(scenario(learner).get_by_role("heading", name="Moment 2")).to_be_visible()
    close(learner, lms, session)
    answered = [s for s in lms.session_statements(session) if s.get("verb", {}).get("id", "").endswith("/answered")]
    chose = [s for s in answered if s["object"]["id"].endswith("a-morning-at-day-care-start")]
    assert len(chose) == 1, [s["object"]["id"] for s in answered]
    assert chose[0]["object"]["definition"]["interactionType"] == "choice"
    assert chose[0]["result"]["success"] is True
    assert lms.violations == []
    # Another browser: the moment comes back from the LMS's State API.
    fresh = context.browser.new_context()
    try:
        second, again = launch(fresh, lms, registration=session.registration)
        expect(scenario(again).get_by_text("At lunch they show you")).to_be_visible()
        choice(again, BEST_PATH[1]).click()
        scenario(again).get_by_role("button", name="Continue").click()
        expect(scenario(again).get_by_role("heading", name="The ending")).to_be_visible()
        close(again, lms, second)
    finally:
        fresh.close()
    assert lms.violations == []
