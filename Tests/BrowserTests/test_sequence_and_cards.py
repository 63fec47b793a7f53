"""The sequence and the cards of the activities fixture course (Tests/Fixtures/activities-workspace), in
headless Chromium: put in order with "Move up" and "Move down" by keyboard only and by mouse (no
dragging), cards turned and self-checked, resumed after a relaunch, in SCORM 1.2 and 2004 under the
strict run-time, as the HTML site, and in cmi5 under the test LMS."""
import re

import pytest
from playwright.sync_api import expect

from learner import Learner
from test_cmi5 import close, wait_for

THING = "things/thing-01.html"
COMPLETE = "All required activities are done: you have completed this Thing."


class Page(Learner):
    """One launch of the fixture's Thing: in the strict test LMS (SCORM), as the HTML site, or a cmi5 AU."""

    thing = THING
    folders = {"scorm12": "activities12", "scorm2004": "activities2004", "html": "activities-html"}

    def region(self, title):
        return self.content.get_by_role("region", name=re.compile(title))

    def order(self):
        """The steps' texts in the order the page shows them."""
        return self.region("Order:").locator(".sequence-step .step-text").all_text_contents()


RIGHT = ["Agree the time, place and what to bring", "Look back at the actions agreed last time",
         "Talk through current work and workload", "Discuss learning and development", "Agree and record new actions"]


def press(button, by_keyboard):
    if by_keyboard:
        button.focus()
        button.press("Enter")
    else:
        button.click()


def put_in_order(view, by_keyboard, upto=len(RIGHT)):
    """Moves each step up to its right place, one press at a time, as a learner would."""
    region = view.region("Order:")
    for target, text in enumerate(RIGHT[:upto]):
        position = view.order().index(text)
        button = region.get_by_role("button", name=f"Move up: {text}")
        for _ in range(position - target):
            press(button, by_keyboard)
        expect(region.locator(".sequence-step .step-text").nth(target)).to_have_text(text)


def turn_cards(view, by_keyboard, fronts=("Management", "Leadership", "Managerialism")):
    region = view.region("Recall:")
    for front in fronts:
        card = region.get_by_role("button", name=front, exact=True)
        press(card, by_keyboard)
        expect(card).to_have_attribute("aria-expanded", "true")
        press(region.get_by_role("button", name=f"I knew this: {front}"), by_keyboard)


@pytest.mark.parametrize("kind", ["scorm12", "scorm2004", "html"])
def test_by_keyboard_only_the_steps_go_in_order_and_every_card_is_turned(context, base_url, screenshot, kind):
    view = Page(context.new_page(), base_url, kind).launch()
    assert view.order() != RIGHT, "the page never shows the steps already in order"
    put_in_order(view, by_keyboard=True)
    region = view.region("Order:")
    # The moved step keeps the focus, and the move is announced.
    expect(region.get_by_role("status")).to_contain_text("to position")
    press(region.get_by_role("button", name="Check the order"), by_keyboard=True)
    expect(region.get_by_role("status")).to_have_text("All 5 steps are in the right order.")
    turn_cards(view, by_keyboard=True)
    expect(view.region("Recall:").get_by_role("status")).to_contain_text("You have turned every card.")
    expect(view.content.locator("#progress-text")).to_have_text(COMPLETE)
    if view.in_lms:
        view.page.wait_for_timeout(300)
        state = view.lms()
        assert state["data"].get("status" if kind == "scorm12" else "completion") == "completed"
        by_id = {interaction["id"]: interaction for interaction in state["interactions"]}
        order = by_id["order_session"]
        assert order["type"] == "sequencing" and order["result"] == "correct"
        assert order["response"] == order["correct"][0]
        assert by_id["key_terms"]["type"] == ("performance" if kind == "scorm12" else "other")
        assert view.page.evaluate("window.lmsLog.filter(entry => entry.result === 'false')") == []
    screenshot(view.page)


@pytest.mark.parametrize("kind", ["scorm12", "scorm2004", "html"])
def test_by_mouse_a_wrong_order_gets_feedback_and_both_activities_resume_after_a_relaunch(context, base_url, kind):
    view = Page(context.new_page(), base_url, kind).launch()
    put_in_order(view, by_keyboard=False, upto=2)
    region = view.region("Order:")
    region.get_by_role("button", name="Check the order").click()
    expect(region.get_by_role("status")).to_contain_text("steps are in the right place")
    expect(region.get_by_text(re.compile(r"Not here: this is step \d"))).not_to_have_count(0)
    turn_cards(view, by_keyboard=False, fronts=("Management",))
    kept = view.order()
    view.close_and_relaunch()
    assert view.order() == kept, "the order comes back as the learner left it"
    expect(view.region("Recall:").get_by_role("button", name="Management", exact=True)).to_have_attribute("aria-expanded", "true")
    expect(view.region("Recall:").get_by_role("button", name="I knew this: Management")).to_have_attribute("aria-pressed", "true")
    put_in_order(view, by_keyboard=False)
    view.region("Order:").get_by_role("button", name="Check the order").click()
    turn_cards(view, by_keyboard=False, fronts=("Leadership", "Managerialism"))
    expect(view.content.locator("#progress-text")).to_have_text(COMPLETE)


def test_in_cmi5_both_activities_send_answered_statements_complete_and_resume(context, cmi5_lms):
    lms = cmi5_lms("activities-cmi5")
    session, url = lms.launch(au_url=THING)
    view = Page(context.new_page(), None, "cmi5").launch(url)
    put_in_order(view, by_keyboard=False)
    view.region("Order:").get_by_role("button", name="Check the order").click()
    turn_cards(view, by_keyboard=False, fronts=("Management", "Leadership"))
    close(view, lms, session)
    fresh = context.browser.new_context()
    try:
        second, url = lms.launch(au_url=THING, registration=session.registration)
        again = Page(fresh.new_page(), None, "cmi5").launch(url)
        assert again.order() == RIGHT
        turn_cards(again, by_keyboard=False, fronts=("Managerialism",))
        expect(again.content.locator("#progress-text")).to_have_text(COMPLETE)
        wait_for(lambda: "completed" in lms.verbs(second), "completed")
        close(again, lms, second)
    finally:
        fresh.close()
    answered = [s for s in lms.session_statements(session) + lms.session_statements(second)
                if s.get("verb", {}).get("id", "").endswith("/answered")]
    kinds = {s["object"]["definition"]["interactionType"] for s in answered}
    assert {"sequencing", "other"} <= kinds, kinds
    assert lms.violations == []
