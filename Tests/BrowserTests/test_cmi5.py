"""Thing 2 as a cmi5 assignable unit, launched by our cmi5 test LMS (Tests/BrowserTests/cmi5_lms.py)
from another origin: the launch handshake, the learner's path to completion, resuming from the State
API, pass and fail with the quiz, Browse mode, going back to the LMS, and a deliberately broken adapter
caught by the LMS's statement rules."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import time
import urllib.parse

import pytest
from playwright.sync_api import expect

from learner import Learner, PROGRESS, words
from test_quiz import RIGHT, WRONG, answer

SAVED_TO_LMS = "Your progress is saved to your learning management system."

# A loaded machine is the rule, not the exception: these tests run beside two busy processes, and
# every wait below is a ceiling, never a measure of speed.
expect.set_options(timeout=30_000)


@pytest.fixture(autouse=True, scope="module")
def cpu_hogs():
    """Two processes spinning for the whole module, so the LMS sees requests in the order a busy
    learner's machine sends them (a save overtaken by terminated showed only under load)."""
    import sys
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    yield
    for hog in hogs:
        hog.kill()
        hog.wait()


def launch(context, lms, registration=None, mode="Normal"):
    session, url = lms.launch(registration=registration, mode=mode)
    learner = Learner(context.new_page(), lms.content_base, "html")
    learner.page.goto(url)
    learner.content = learner.page
    expect(learner.progress()).to_have_text(PROGRESS)
    expect(learner.page.get_by_text(SAVED_TO_LMS)).to_be_visible()
    return session, learner


def wait_for(condition, what, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what() if callable(what) else what}")


def close(learner, lms, session):
    """Leaves the page, as closing the window does: the AU terminates from pagehide. The learner leaves
    once the page has saved what they did (the AU's writes answered): a window closed in the middle of
    a request is a race no page can win, since nothing runs after it is gone."""
    learner.page.evaluate("window.CourseToolkitRuntime.idle ? window.CourseToolkitRuntime.idle() : null")
    learner.page.goto("about:blank")
    wait_for(lambda: "terminated" in lms.verbs(session), lambda: f"the terminated statement (LMS saw: {lms.verbs(session)}, "
             f"violations: {lms.violations}, requests: {[r for r in lms.requests if r[2] == session.id][-4:]})")


def do_the_required_activities(learner, word="reflection"):
    """Sorts the statements, checks them and saves a 220-word reflection: Thing 2's required activities."""
    learner.sort_everything()
    learner.check_classification()
    learner.write_reflection(words(220, word))
    learner.save_reflection()
    expect(learner.progress()).to_have_text("All required activities are done: you have completed this Thing.")


def cmi5_verbs(lms, session):
    return [verb for verb in lms.verbs(session) if verb != "answered"]


def defined(lms, session, verb):
    return [s for s in lms.session_statements(session) if s["verb"]["id"].endswith("/" + verb)]


def test_first_launch_handshake_in_order(context, cmi5_lms):
    lms = cmi5_lms()
    session, learner = launch(context, lms)
    wait_for(lambda: "initialized" in lms.verbs(session), "initialized")
    # The token once, then LMS.LaunchData and the learner preferences, all before initialized.
    calls = [path for method, path, sid in lms.requests if sid == session.id]
    assert calls[0].startswith("/fetch/")
    assert sum(path.startswith("/fetch/") for path in calls) == 1
    launch_data = calls.index("/xapi/activities/state?LMS.LaunchData")
    preferences = calls.index("/xapi/agents/profile?cmi5LearnerPreferences")
    first_statement = calls.index("/xapi/statements")
    assert launch_data < preferences < first_statement
    expect(learner.progress()).to_have_text("0 of 2 required activities done.")
    close(learner, lms, session)
    assert lms.verbs(session) == ["launched", "initialized", "terminated"]
    assert lms.violations == []
    terminated = defined(lms, session, "terminated")[0]
    assert re.match(r"^PT(\d+H)?(\d+M)?[\d.]+S$", terminated["result"]["duration"])


def test_completion_with_answered_statements_then_terminated_last(context, cmi5_lms, screenshot):
    lms = cmi5_lms()
    session, learner = launch(context, lms)
    do_the_required_activities(learner)
    wait_for(lambda: "completed" in lms.verbs(session), "completed")
    screenshot(learner.page)
    close(learner, lms, session)
    verbs = lms.verbs(session)
    assert verbs[:2] == ["launched", "initialized"] and verbs[-1] == "terminated"
    assert cmi5_verbs(lms, session) == ["launched", "initialized", "completed", "terminated"]
    answered = defined(lms, session, "answered")
    kinds = {s["object"]["definition"]["interactionType"] for s in answered}
    assert {"matching", "long-fill-in"} <= kinds
    for statement in answered:
        assert statement["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
        assert statement["context"]["contextActivities"]["parent"] == [{"id": session.activity_id, "objectType": "Activity"}]
    sort = next(s for s in answered if s["object"]["definition"]["interactionType"] == "matching")
    assert sort["result"]["success"] is True
    completed = defined(lms, session, "completed")[0]
    assert completed["result"]["completion"] is True
    assert lms.violations == []
    # The same statements through an independent xAPI implementation (ralph's statement model).
    sent = [s for s in lms.session_statements(session) if "actor" in s]
    verdict = independent_check(sent)
    if verdict is not None:
        assert verdict.returncode == 0, verdict.stdout
        # And it can say no: a statement without its actor's identifier is refused.
        broken = json.loads(json.dumps(sent[0]))
        broken["actor"] = {"objectType": "Agent", "name": "nobody"}
        assert independent_check([broken]).returncode == 1


def independent_check(statements):
    """ralph's verdict on `statements` (run in its own venv, XAPI_PYTHON); None when it is not installed."""
    python = os.environ.get("XAPI_PYTHON")
    if not python or not os.path.exists(python):
        print("skipping the independent xAPI check: XAPI_PYTHON is not set (Scripts/test installs ralph-malph)")
        return None
    script = pathlib.Path(__file__).with_name("xapi_check.py")
    return subprocess.run([python, str(script)], input=json.dumps(statements), capture_output=True, text=True)


def test_relaunch_resumes_from_the_state_api_and_never_completes_twice(context, cmi5_lms):
    lms = cmi5_lms()
    first, learner = launch(context, lms)
    do_the_required_activities(learner, "kept")
    wait_for(lambda: "completed" in lms.verbs(first), "completed")
    close(learner, lms, first)
    # A new browser profile: nothing in localStorage, so what comes back comes from the LMS.
    fresh = context.browser.new_context()
    try:
        second, again = launch(fresh, lms, registration=first.registration)
        assert second.activity_id == first.activity_id
        expect(again.reflection_field()).to_have_value(re.compile(r"^kept0 kept1"))
        expect(again.progress()).to_have_text("All required activities are done: you have completed this Thing.")
        close(again, lms, second)
    finally:
        fresh.close()
    assert cmi5_verbs(lms, second) == ["launched", "initialized", "terminated"]
    assert lms.violations == []


def test_quiz_fail_reported_at_the_end_of_the_session_then_pass_in_the_next(context, cmi5_lms):
    lms = cmi5_lms()
    first, learner = launch(context, lms)
    quiz = learner.activity("Check:")
    answer(quiz, {**RIGHT, **WRONG})
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.get_by_role("status")).to_contain_text("You answered 2 of 4 correctly (50%)")
    learner.page.wait_for_timeout(300)
    assert "failed" not in lms.verbs(first), "a failed check is not yet a failed attempt"
    close(learner, lms, first)
    assert cmi5_verbs(lms, first) == ["launched", "initialized", "failed", "terminated"]
    failed = defined(lms, first, "failed")[0]
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] == 0.5
    assert failed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == 0.75

    second, learner = launch(context, lms, registration=first.registration)
    quiz = learner.activity("Check:")
    answer(quiz, RIGHT)
    quiz.get_by_role("button", name="Check answers").click()
    wait_for(lambda: "passed" in lms.verbs(second), "passed")
    close(learner, lms, second)
    assert cmi5_verbs(lms, second) == ["launched", "initialized", "passed", "terminated"]
    passed = defined(lms, second, "passed")[0]
    assert passed["result"] == {**passed["result"], "success": True}
    assert passed["result"]["score"] == {"scaled": 1, "raw": 100, "min": 0, "max": 100}
    assert lms.violations == []


def test_fail_then_pass_in_one_session_reports_only_the_pass(context, cmi5_lms):
    lms = cmi5_lms()
    session, learner = launch(context, lms)
    quiz = learner.activity("Check:")
    answer(quiz, {**RIGHT, **WRONG})
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.get_by_role("status")).to_contain_text("You answered 2 of 4")
    answer(quiz, RIGHT)
    quiz.get_by_role("button", name="Check answers").click()
    wait_for(lambda: "passed" in lms.verbs(session), "passed")
    close(learner, lms, session)
    assert cmi5_verbs(lms, session) == ["launched", "initialized", "passed", "terminated"]
    assert lms.violations == []


def test_browse_mode_sends_no_completion(context, cmi5_lms):
    lms = cmi5_lms()
    session, learner = launch(context, lms, mode="Browse")
    do_the_required_activities(learner)
    close(learner, lms, session)
    assert cmi5_verbs(lms, session) == ["launched", "initialized", "terminated"]
    assert lms.violations == []


def test_exit_returns_to_the_lms(context, cmi5_lms):
    lms = cmi5_lms()
    session, learner = launch(context, lms)
    # Work done just before leaving: its save must be answered before terminated is sent.
    learner.sort_everything()
    learner.check_classification()
    learner.page.get_by_role("button", name="Exit and return to the course").click()
    expect(learner.page.get_by_role("heading", name="Back in the LMS")).to_be_visible()
    wait_for(lambda: "terminated" in lms.verbs(session), "terminated")
    assert lms.violations == []
    ours = [(method, path) for method, path, owner in lms.requests if owner == session.id]
    saves = [index for index, (method, path) in enumerate(ours) if method == "PUT" and "course-toolkit-progress" in path]
    assert saves, "the progress was saved to the State API"
    progress = lms.state(session, "course-toolkit-progress")
    assert progress and progress.get("v") == 1


def test_a_return_url_that_is_not_http_is_never_followed(context, cmi5_lms):
    """An LRS-supplied `javascript:` returnURL would run in the course's origin: no exit button is offered."""
    lms = cmi5_lms()
    for hostile in ("javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>"):
        session, url = lms.launch(return_url=hostile)
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        expect(page.get_by_text(SAVED_TO_LMS)).to_be_visible()
        expect(page.get_by_role("button", name="Exit and return to the course")).to_have_count(0)
        errors = page.evaluate("window.CourseToolkitRuntime.errors")
        assert any("returnURL is not an http or https address" in error for error in errors), errors
        page.evaluate("window.CourseToolkitRuntime.finish()")
        wait_for(lambda: "terminated" in lms.verbs(session), "terminated")
        assert dialogs == []
        page.close()
    assert lms.violations == []


def test_a_launch_whose_endpoint_is_not_http_is_refused(context, cmi5_lms):
    lms = cmi5_lms()
    session, url = lms.launch()
    hostile = re.sub(r"endpoint=[^&]+", "endpoint=" + urllib.parse.quote("javascript:alert(1)//", safe=""), url)
    page = context.new_page()
    page.goto(hostile)
    # Not a cmi5 launch the page can use: it works from this browser alone and says so.
    expect(page.get_by_text("your progress is kept only in this browser", exact=False)).to_be_visible()
    assert page.evaluate("window.CourseToolkitRuntime.mode") == "local"


@pytest.fixture
def broken_cmi5(site_root):
    """A copy of the cmi5 package with one change made to its run-time script."""

    def make(old, new, name):
        target = site_root / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(site_root / "cmi5", target)
        script = target / "assets" / "scorm-runtime.js"
        text = script.read_text()
        assert old in text, "the adapter no longer holds the line this test breaks"
        script.write_text(text.replace(old, new, 1))
        return name

    return make


def test_a_missing_registration_is_caught(context, cmi5_lms, broken_cmi5):
    lms = cmi5_lms(broken_cmi5("context.registration = launch.registration;", "", "broken-cmi5-registration"))
    session, url = lms.launch()
    page = context.new_page()
    page.goto(url)
    wait_for(lambda: lms.violations, "the LMS to refuse the statement")
    assert "the context has not the launch's registration" in lms.violations
    # The refused initialized leaves the page working from this browser alone, and saying so.
    expect(page.get_by_text("your progress is kept only in this browser", exact=False)).to_be_visible()


def test_a_completion_sent_twice_is_caught(context, cmi5_lms, broken_cmi5):
    lms = cmi5_lms(broken_cmi5("if (report.done && !outcome.completed) {", "if (report.done) {", "broken-cmi5-twice"))
    first, learner = launch(context, lms)
    do_the_required_activities(learner)
    wait_for(lambda: "completed" in lms.verbs(first), "completed")
    close(learner, lms, first)
    second, learner = launch(context, lms, registration=first.registration)
    wait_for(lambda: lms.violations, "the LMS to refuse the second completed")
    assert "a second completed in the registration" in lms.violations


def test_statements_after_terminated_are_caught(context, cmi5_lms, broken_cmi5):
    # An adapter that forgets it has terminated keeps sending; the LMS refuses what follows terminated.
    lms = cmi5_lms(broken_cmi5("      session.finished = true;\n      if (!(options", "      if (!(options", "broken-cmi5-after"))
    session, learner = launch(context, lms)
    learner.page.evaluate("window.CourseToolkitRuntime.finish()")
    wait_for(lambda: "terminated" in lms.verbs(session), "terminated")
    learner.sort_everything()
    learner.check_classification()
    wait_for(lambda: lms.violations, "the LMS to refuse a statement after terminated")
    assert any("after terminated" in problem for problem in lms.violations)
