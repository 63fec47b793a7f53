"""The harness must catch a broken adapter: each test breaks the run-time script on purpose and
shows that the checks the learner-path tests rely on would then fail."""
import shutil

import pytest
from playwright.sync_api import expect

from learner import Learner, words


@pytest.fixture
def broken_site(site_root, tmp_path):
    """Copies the SCORM 1.2 package to /broken12/ with a patch applied to one file (scorm-runtime.js by default)."""

    def make(old, new, file="assets/scorm-runtime.js", version="scorm12"):
        name = "broken12" if version == "scorm12" else "broken2004"
        target = site_root / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(site_root / version, target)
        script = target / file
        text = script.read_text()
        assert old in text
        script.write_text(text.replace(old, new, 1))
        return name

    return make


def launch_broken(context, base_url, folder):
    learner = Learner(context.new_page(), base_url, "scorm12")
    learner.page.goto(f"{base_url}/lms/harness.html?version=1.2&sco=/{folder}/things/thing-02.html")
    learner.content = learner.page.frame_locator("#sco")
    expect(learner.progress()).to_contain_text("required activities")
    return learner


def test_status_sent_to_the_2004_element_under_12_is_caught(context, base_url, broken_site):
    folder = broken_site('status: "cmi.core.lesson_status"', 'status: "cmi.completion_status"')
    learner = launch_broken(context, base_url, folder)
    learner.complete_required()
    learner.page.wait_for_timeout(300)
    refused = learner.lms_refusals()
    assert any(call["element"] == "cmi.completion_status" and call["error"] == "201" for call in refused)
    assert learner.lms()["data"].get("status") != "completed"


def test_suspend_data_over_4096_characters_is_caught(context, base_url, broken_site):
    # The page's configuration tells the run-time its suspend-data limit; a wrong one must be caught.
    folder = broken_site('"suspendDataLimit":4096', '"suspendDataLimit":5000', "things/thing-02.html")
    learner = launch_broken(context, base_url, folder)
    learner.write_reflection(words(4000))
    learner.save_reflection()
    refused = learner.lms_refusals()
    assert any(call["element"] == "cmi.suspend_data" and call["error"] == "405" for call in refused)


def test_a_malformed_session_time_is_caught(context, base_url, broken_site):
    folder = broken_site('return pad(hours, 2) + ":"', 'return pad(hours, 1) + "h"')
    learner = launch_broken(context, base_url, folder)
    learner.page.goto("about:blank")
    learner.page.goto(f"{base_url}/lms/harness.html?version=1.2&sco=/{folder}/things/thing-02.html")
    assert "sessionTime" not in (learner.lms()["committed"] or {}).get("data", {})


def test_identifiers_with_hyphens_and_responses_in_paragraphs_are_caught(context, base_url, broken_site):
    """Without the mapping to what Moodle and scorm-again accept, the strict run-time refuses what they refuse."""
    folder = broken_site('return String(id).replace(/[^A-Za-z0-9_.]/g, "_").slice(0, 250) || "_";', "return String(id);",
                         version="scorm2004")
    learner = Learner(context.new_page(), base_url, "scorm2004")
    learner.page.goto(f"{base_url}/lms/harness.html?version=2004&sco=/{folder}/things/thing-02.html")
    learner.content = learner.page.frame_locator("#sco")
    expect(learner.progress()).to_contain_text("required activities")
    learner.sort_everything()
    learner.check_classification()
    learner.page.wait_for_timeout(300)
    refused = learner.lms_refusals()
    assert any(call["element"].endswith(".id") and call["error"] == "406" for call in refused), refused
    folder = broken_site('.replace(/[\\r\\n\\u2028\\u2029\\u0085]+/g, " ")', "", version="scorm2004")
    learner = Learner(context.new_page(), base_url, "scorm2004")
    learner.page.goto(f"{base_url}/lms/harness.html?version=2004&sco=/{folder}/things/thing-02.html")
    learner.content = learner.page.frame_locator("#sco")
    expect(learner.progress()).to_contain_text("required activities")
    learner.write_reflection(words(110) + "\n\n" + words(110, "second"))
    learner.save_reflection()
    learner.page.wait_for_timeout(300)
    refused = learner.lms_refusals()
    assert any(call["element"].endswith("learner_response") and call["error"] == "406" for call in refused), refused
