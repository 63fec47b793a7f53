"""The learner's orientation in the HTML site and the packages, at 375 px and 1280 px, in light and dark
colour schemes: the Thing's opening text on a phone's first screen, the sticky progress bar announced
to screen readers, a contents list for a long Thing, previous and next Things, the course home's
status after Thing 2 is completed, sorting zones that collapse when empty, and the accessibility
checks in the dark scheme."""
import re

import pytest
from playwright.sync_api import expect

from learner import Learner, words
from test_accessibility import check_page

SIZES = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(params=[(size, scheme) for size in SIZES for scheme in ("light", "dark")], ids=lambda p: f"{p[0]}-{p[1]}")
def view(request, browser):
    size, scheme = request.param
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
    yield context, size, scheme
    context.close()


def test_opening_text_on_the_first_screen_and_progress_announced(view, base_url, screenshot):
    context, size, scheme = view
    page = context.new_page()
    page.goto(f"{base_url}/html/things/thing-02.html")
    # The course colour from course.yaml (#24475e) heads the page.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(36, 71, 94)"
    opening = page.locator(".thing-body p").first
    expect(opening).to_be_visible()
    top = opening.bounding_box()["y"]
    assert top < SIZES[size]["height"], f"the opening text starts {top:.0f} px down on a {size}"
    # The progress text is a live region (announced), and it stays in view while the page scrolls.
    progress = page.get_by_role("status").filter(has_text=re.compile("required activities"))
    expect(progress).to_have_attribute("aria-live", "polite")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    box = page.locator("#progress").bounding_box()
    assert 0 <= box["y"] < 5, f"the progress bar scrolled away ({box['y']:.0f})"
    # Outcomes, prerequisites and the badge are one click away, not in the way.
    details = page.locator("details.thing-details")
    expect(details.locator("summary")).to_contain_text("Outcomes")
    expect(details.get_by_role("heading", name="What you will be able to do")).to_be_hidden()
    details.locator("summary").click()
    expect(details.get_by_role("heading", name="What you will be able to do")).to_be_visible()
    screenshot(page, f"orientation-thing-02-{size}-{scheme}")


def test_long_thing_contents_and_previous_next(view, base_url):
    context, size, scheme = view
    page = context.new_page()
    page.goto(f"{base_url}/html/things/thing-02.html")
    contents = page.get_by_role("navigation", name="On this page")
    expect(contents).to_be_visible()
    if size == "phone":  # one line on a phone until opened
        expect(contents.get_by_role("link").first).to_be_hidden()
        contents.locator("summary").click()
    links = contents.get_by_role("link")
    assert links.count() >= 4
    expect(links.last).to_have_text("Activities")
    links.last.click()
    expect(page).to_have_url(re.compile(r"#activities-heading$"))
    # With only Thing 2 published there is no neighbour to link; with every Thing there are two.
    expect(page.get_by_role("navigation", name="Previous and next Things")).to_have_count(0)
    page.goto(f"{base_url}/html-all/things/thing-02.html")
    things = page.get_by_role("navigation", name="Previous and next Things")
    expect(things.get_by_role("link", name=re.compile(r"^Previous Thing 1"))).to_have_attribute("href", "thing-01.html")
    expect(things.get_by_role("link", name=re.compile(r"^Next Thing 3"))).to_have_attribute("href", "thing-03.html")


def test_sorting_zones_collapse_when_empty(context, base_url):
    learner = Learner(context.new_page(), base_url, "html").launch()
    pool = learner.page.locator(".sort-pool")
    expect(pool).to_be_visible()
    learner.sort_everything()
    expect(pool).to_be_hidden()
    expect(learner.page.get_by_text("Still to sort")).to_be_hidden()


def test_course_home_shows_status_after_completing_thing_2(view, base_url, screenshot):
    context, size, scheme = view
    learner = Learner(context.new_page(), base_url, "html").launch()
    home = learner.page
    home.goto(f"{base_url}/html-all/index.html")
    things = home.get_by_role("region", name="Things")
    card = things.get_by_role("listitem").filter(has=home.get_by_role("link", name="Thing 2: Leadership / management?"))
    expect(card.locator(".thing-status")).to_have_text("Not started")
    expect(card).to_contain_text("about 1 hour")
    learner.launch()
    learner.sort_everything()
    expect(card.locator(".thing-status")).to_have_count(0)  # we are on the Thing page now
    learner.check_classification()
    learner.write_reflection(words(220))
    learner.save_reflection()
    expect(learner.progress()).to_have_text("All required activities are done: you have completed this Thing.")
    home.goto(f"{base_url}/html-all/index.html")
    expect(card.locator(".thing-status")).to_have_text("Done")
    other = things.get_by_role("listitem").filter(has=home.get_by_role("link", name=re.compile(r"^Thing 4:")))
    expect(other.locator(".thing-status")).to_have_text("Not started")
    screenshot(home, f"course-home-{size}-{scheme}")


@pytest.mark.parametrize("path", ["html/things/thing-02.html", "html/index.html"])
def test_dark_scheme_is_accessible(browser, base_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("load")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(21, 24, 27)", f"the dark scheme is not applied: {background}"
        check_page(page)
    finally:
        context.close()


def test_every_activity_completes_by_keyboard_alone(context, base_url):
    """Keyboard only: the classification by type-ahead, the reflection typed, the buttons by Enter."""
    learner = Learner(context.new_page(), base_url, "html").launch()
    learner.sort_everything()   # focus + first letter, no mouse
    learner.check_classification()  # focus + Enter
    field = learner.reflection_field()
    field.focus()
    learner.page.keyboard.type(words(205))
    learner.save_reflection()  # focus + Enter
    expect(learner.progress()).to_have_text("All required activities are done: you have completed this Thing.")


@pytest.mark.parametrize("path", ["media-html/index.html", "media-html/things/thing-01.html", "media12/things/thing-01.html"])
def test_the_course_logo_heads_every_page(context, base_url, path):
    page = context.new_page()
    page.goto(f"{base_url}/{path}")
    logo = page.get_by_role("banner").get_by_role("img", name="Media demo organisation")
    expect(logo).to_be_visible()
    assert page.evaluate("document.querySelector('.site-logo').naturalWidth") > 0, "the logo did not load"


def test_scorm2004_link_to_another_thing_opens_it_through_the_lms(context, base_url):
    page = context.new_page()
    page.goto(f"{base_url}/lms/harness.html?version=2004&sco=/scorm2004-linked/things/thing-02.html")
    frame = page.frame_locator("#sco")
    expect(frame.locator("#progress-text")).to_contain_text("required activities")
    frame.get_by_role("link", name="Thing 4", exact=True).click()
    # The page asked the LMS (adl.nav.request choice, then Terminate); the LMS launched Thing 4.
    expect(page).to_have_url(re.compile(r"sco=%2Fscorm2004-linked%2Fthings%2Fthing-04\.html"))
    expect(frame.get_by_role("heading", level=1)).to_have_text("What do others say about my leadership?")


def test_the_quiz_and_the_evidence_step_work_by_keyboard_alone(context, base_url):
    from test_quiz import RIGHT
    learner = Learner(context.new_page(), base_url, "html").launch()
    page = learner.page
    quiz = learner.activity("Check:")
    for question, options in RIGHT.items():
        group = quiz.get_by_role("group", name=question)
        for option in options:
            box = group.get_by_label(option)
            box.focus()
            page.keyboard.press("Space")
            expect(box).to_be_checked()
    check = quiz.get_by_role("button", name="Check answers")
    check.focus()
    page.keyboard.press("Enter")
    expect(quiz.get_by_role("status")).to_contain_text("You answered 4 of 4 correctly")
    evidence = learner.activity("Submit your evidence")
    sent = evidence.get_by_label("I have sent my badge application")
    sent.focus()
    page.keyboard.press("Space")
    expect(sent).to_be_checked()
    expect(evidence.locator("[data-role=state]")).to_have_text("Done.")
