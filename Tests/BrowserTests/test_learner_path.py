"""The learner's path through Thing 2, in headless Chromium, against the strict test LMS (SCORM 1.2
and 2004) and as the HTML site (localStorage)."""
import re

import pytest
from playwright.sync_api import expect

from learner import Learner, words

LMS_KINDS = ["scorm12", "scorm2004"]
ALL_KINDS = LMS_KINDS + ["html"]
TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
DURATION_2004 = re.compile(r"^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$")
TIMESTAMP_2004 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?$")


def status(learner):
    state = learner.lms()
    return state["data"].get("status") if state["version"] == "1.2" else state["data"].get("completion")


def assert_lms_accepted_everything(learner):
    if learner.in_lms:
        assert learner.lms_refusals() == [], "the LMS refused calls"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_1_first_launch_marks_incomplete_and_nothing_completes(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    expect(learner.progress()).to_have_text("0 of 2 required activities done.")
    if learner.in_lms:
        state = learner.lms()
        assert status(learner) == "incomplete"
        assert state["exit"] == "suspend"
        assert learner.lms_calls("Initialize" if kind == "scorm2004" else "LMSInitialize")[0]["result"] == "true"
        expect(learner.content.get_by_text("Your progress is saved to your learning management system.")).to_be_visible()
    else:
        expect(learner.content.get_by_text("your progress is kept only in this browser", exact=False)).to_be_visible()
    # Opening optional activities, saving an empty draft: still not complete.
    learner.save_reflection()
    expect(learner.reflection_message()).to_contain_text("Write at least 200 words")
    if learner.in_lms:
        assert status(learner) == "incomplete"
    assert_lms_accepted_everything(learner)
    screenshot(learner.page)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_2_classification_by_keyboard_with_feedback(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    answers = learner.sort_everything(wrong_item="Keeping risk as low as possible")
    assert len(answers) >= 12
    # Tab moves between the items' lists in order: the activity works without a mouse.
    first = learner.content.get_by_role("combobox", name=f"Category for “{answers[0][0]}”")
    first.focus()
    learner.page.keyboard.press("Tab")
    assert learner.evaluate("document.activeElement.getAttribute('aria-describedby') || document.activeElement.tagName") is not None
    learner.check_classification()
    expect(learner.classification_message()).to_have_text(
        f"You sorted {len(answers) - 1} of {len(answers)} items as we would. Read the feedback under each item.")
    region = learner.activity("Explore:")
    expect(region.get_by_text("Correct.", exact=True)).to_have_count(len(answers) - 1)
    expect(region.get_by_text("Not quite: we would put this under Management.")).to_be_visible()
    expect(region.get_by_text("Reducing risk protects stability", exact=False)).to_be_visible()
    expect(learner.progress()).to_have_text("1 of 2 required activities done.")
    if learner.in_lms:
        interaction = next(i for i in learner.lms()["interactions"] if i.get("id") == "sort_activities")
        assert interaction["type"] == "matching"
        assert interaction["result"] in ("wrong", "incorrect")
    assert_lms_accepted_everything(learner)
    screenshot(learner.page)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_3_reflection_refused_below_min_words_then_accepted(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    learner.write_reflection(words(150))
    expect(learner.content.get_by_text("150 words of the 200 needed")).to_be_visible()
    learner.save_reflection()
    expect(learner.reflection_message()).to_have_text(
        "Your statement has 150 words. Write at least 200 words, then save again.")
    expect(learner.progress()).to_have_text("0 of 2 required activities done.")
    field = learner.write_reflection(words(205))
    # Past the minimum the count never reads "205 of 200".
    expect(learner.content.get_by_text("205 words: at least 200, done")).to_be_visible()
    # The count follows typing, word by word.
    field.press("End")
    field.type(" one two")
    expect(learner.content.get_by_text("207 words: at least 200, done")).to_be_visible()
    learner.save_reflection()
    expect(learner.reflection_message()).to_have_text("Saved: 207 words. This activity is complete.")
    expect(learner.progress()).to_have_text("1 of 2 required activities done.")
    assert_lms_accepted_everything(learner)
    screenshot(learner.page)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_4_close_and_relaunch_restores_classification_and_reflection(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    answers = learner.sort_everything()
    learner.check_classification()
    text = words(230, "saved")
    learner.write_reflection(text)
    learner.save_reflection()
    expect(learner.progress()).to_contain_text("completed this Thing")
    # Unfinished work must also survive: start the evidence step, then leave.
    learner.close_and_relaunch()
    if learner.in_lms:
        entry = learner.lms_calls("GetValue" if kind == "scorm2004" else "LMSGetValue")
        assert any(call["element"] in ("cmi.entry", "cmi.core.entry") for call in entry)
    for item, label in answers:
        box = learner.content.get_by_role("combobox", name=f"Category for “{item}”")
        expect(box.locator("option:checked")).to_have_text(label)
    expect(learner.reflection_field()).to_have_value(text)
    expect(learner.progress()).to_contain_text("completed this Thing")
    assert_lms_accepted_everything(learner)
    screenshot(learner.page)


@pytest.mark.parametrize("kind", LMS_KINDS)
def test_4b_unfinished_attempt_resumes_from_suspend_data(context, base_url, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    answers = learner.sort_everything()
    learner.write_reflection(words(40, "draft"))
    learner.close_and_relaunch()
    state = learner.lms()
    assert state["resuming"] is True and state["attempt"] == 1
    assert state["committed"]["exit"] == "suspend" if state["committed"] else True
    expect(learner.reflection_field()).to_have_value(words(40, "draft"))
    box = learner.content.get_by_role("combobox", name=f"Category for “{answers[0][0]}”")
    expect(box.locator("option:checked")).to_have_text(answers[0][1])
    assert_lms_accepted_everything(learner)


@pytest.mark.parametrize("kind", LMS_KINDS)
def test_5_completion_reaches_the_lms_with_valid_interactions_and_time(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    learner.complete_required()
    expect(learner.progress()).to_have_text("All required activities are done: you have completed this Thing.")
    learner.page.wait_for_timeout(300)
    state = learner.lms()
    assert status(learner) == "completed"
    assert state["exit"] == "suspend"  # a finished Thing resumes too, keeping the statement
    by_id = {interaction["id"]: interaction for interaction in state["interactions"]}
    # Identifiers as the strictest run-times accept them: hyphens become underscores.
    assert set(by_id) >= {"sort_activities", "reflect"}
    by_id["sort-activities"] = by_id["sort_activities"]
    assert by_id["sort-activities"]["type"] == "matching" and by_id["sort-activities"]["result"] == "correct"
    if kind == "scorm12":
        assert by_id["reflect"]["type"] == "fill-in"
        assert re.match(r"^\d{2}:\d{2}:\d{2}$", by_id["reflect"]["time"])
        assert by_id["sort-activities"]["response"] == by_id["sort-activities"]["correct"][0]
    else:
        assert by_id["reflect"]["type"] == "long-fill-in"
        assert by_id["reflect"]["response"].startswith("reflection0 reflection1")
        assert all(TIMESTAMP_2004.match(i["timestamp"]) for i in state["interactions"])
        assert by_id["sort-activities"]["response"] == by_id["sort-activities"]["correct"][0]
        assert "day_to_day_problems[.]management" in by_id["sort-activities"]["response"]
    assert learner.lms_refusals() == []
    # Leaving ends the session with a well-formed session time, committed.
    learner.page.goto("about:blank")
    learner.page.goto(learner.url)
    committed = learner.lms()["committed"]
    session = committed["data"]["sessionTime"]
    assert (TIMESPAN_12 if kind == "scorm12" else DURATION_2004).match(session), session
    assert (committed["data"].get("status") or committed["data"].get("completion")) == "completed"
    screenshot(learner.page)


@pytest.mark.parametrize("kind", ["scorm12", "scorm2004"])
def test_5b_a_reflection_in_paragraphs_reaches_the_lms_on_one_line_and_stays_whole_in_the_page(context, base_url, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    paragraphs = words(110) + "\n\n" + words(110, "second") + "\r\n{braces} and\u2028more"
    learner.write_reflection(paragraphs)
    learner.save_reflection()
    learner.page.wait_for_timeout(300)
    assert learner.lms_refusals() == [], learner.lms_refusals()
    [reflection] = [i for i in learner.lms()["interactions"] if i["id"] == "reflect"]
    assert "\n" not in reflection["response"] and "\u2028" not in reflection["response"]
    # The learner's own text keeps its paragraphs after a relaunch.
    learner.close_and_relaunch()
    assert learner.reflection_field().input_value() == paragraphs.replace("\r\n", "\n")


def test_6_a_4000_word_reflection_in_scorm12_never_overflows_and_the_learner_is_told(context, base_url, screenshot):
    learner = Learner(context.new_page(), base_url, "scorm12").launch()
    learner.sort_everything()
    text = words(4000)
    learner.write_reflection(text)
    learner.save_reflection()
    expect(learner.reflection_message()).to_have_text("Saved: 4000 words. This activity is complete.")
    expect(learner.content.get_by_text("longer than this learning system can store", exact=False)).to_be_visible()
    assert_lms_accepted_everything(learner)
    suspend = learner.lms()["data"]["suspend"]
    assert len(suspend) <= 4096
    assert all(len(i.get("response", "")) <= 255 for i in learner.lms()["interactions"])
    # In the same browser the whole statement comes back; the LMS copy is marked as shortened.
    learner.close_and_relaunch()
    expect(learner.reflection_field()).to_have_value(text)
    assert '"x":1' in learner.lms()["data"]["suspend"]
    screenshot(learner.page)


@pytest.mark.parametrize("kind", ["direct12", "html"])
def test_7_without_an_lms_the_page_works_and_says_where_progress_is_kept(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    expect(learner.content.get_by_text(
        "No learning management system was found, so your progress is kept only in this browser, on this device.")).to_be_visible()
    learner.sort_everything()
    learner.check_classification()
    expect(learner.progress()).to_have_text("1 of 2 required activities done.")
    learner.page.reload()
    learner.content = learner.page
    expect(learner.progress()).to_have_text("1 of 2 required activities done.")
    screenshot(learner.page)


def test_the_course_home_counts_each_collections_things_done(context, base_url):
    """The home page's collections say how many of their Things this browser has seen done."""
    page = context.new_page()
    page.goto(f"{base_url}/html/index.html")
    progress = page.locator(".collection-progress").first
    expect(progress).to_have_text("0 of 2 Things done")
    learner = Learner(page, base_url, "html").launch()
    learner.complete_required()
    page.goto(f"{base_url}/html/index.html")
    expect(page.locator(".collection-progress").first).to_have_text("1 of 2 Things done")


def test_the_course_home_is_a_programme_map_on_a_phone(browser, base_url, screenshot):
    """Where to start, the pathways with their progress and badges, and where to finish, at 375 px
    without scrolling sideways; a Thing done shows as done wherever the map names it."""
    context = browser.new_context(viewport={"width": 375, "height": 812})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/html-all/index.html")
        programme = page.get_by_role("region", name="Programme map")
        start = programme.get_by_role("region", name="Start here")
        expect(start.get_by_role("link")).to_have_text(
            [re.compile(r"^Thing 1"), re.compile(r"^Thing 2:"), re.compile(r"^Thing 3:"), re.compile(r"^Thing 4:")])
        pathway = programme.get_by_role("region", name="Leadership Fundamentals")
        expect(pathway.locator(".collection-progress")).to_have_text("0 of 2 Things done")
        expect(pathway).to_contain_text("Badge: SSSC 23 Things Leadership – Leadership Fundamentals")
        expect(programme.get_by_role("region", name="Finish with").get_by_role("link")).to_have_text([re.compile(r"^Thing 23")])
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        # By keyboard: the first link after the header and the page's own links is the map's first Thing.
        page.keyboard.press("Tab")
        for _ in range(5):
            if page.evaluate("document.activeElement.closest('.programme-map') !== null"):
                break
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent").startswith("Thing 1")
        learner = Learner(page, base_url, "html").launch()
        learner.complete_required()
        page.goto(f"{base_url}/html-all/index.html")
        stop = start.get_by_role("listitem").filter(has=page.get_by_role("link", name=re.compile(r"^Thing 2:")))
        expect(stop.locator(".thing-status")).to_have_text("Done")
        expect(pathway.locator(".collection-progress")).to_have_text("1 of 2 Things done")
        screenshot(page)
    finally:
        context.close()
