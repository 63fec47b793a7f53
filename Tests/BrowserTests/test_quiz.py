"""The quiz in Thing 2, as a learner takes it in SCORM 1.2, SCORM 2004 and the HTML site: the pass mark
is shown before, a failed check says the score and the pass mark without giving the answers away, a
second failed check reveals them (the quiz's setting), a pass locks the answers in, and the LMS
records score and success in the form each version defines, with no value refused."""
import pytest
from playwright.sync_api import expect

from learner import Learner

RIGHT = {
    "Which of these is mainly what management is about?": ["Keeping the processes of an organisation running smoothly"],
    "What does the SSSC's 2016 research on good leadership warn against?": ["Praising leadership at the expense of management"],
    "Which questions group the Leadership Logic Model's descriptions of good leadership?": [
        "What do good leaders bring?", "What do good leaders do?", "How do good leaders engage?"],
    "Can someone without a management role show leadership?": ["Yes, most people can, whatever their role"],
}
WRONG = {
    "Which of these is mainly what management is about?": ["Setting a direction and helping people towards it"],
    "What does the SSSC's 2016 research on good leadership warn against?": ["Measuring any outcome at all"],
}


def answer(quiz, answers):
    for question, options in answers.items():
        group = quiz.get_by_role("group", name=question)
        for box in group.get_by_role("checkbox").all():
            box.uncheck()
        for option in options:
            group.get_by_label(option).check()


def score(learner):
    data = learner.lms()["data"]
    if learner.kind == "scorm12":
        return data.get("scoreRaw"), data.get("status")
    return (data.get("score") or {}).get("scaled"), data.get("success")


@pytest.mark.parametrize("kind", ["scorm12", "scorm2004", "html"])
def test_fail_retry_reveal_and_pass(context, base_url, screenshot, kind):
    learner = Learner(context.new_page(), base_url, kind).launch()
    quiz = learner.activity("Check:")
    expect(quiz.locator("[data-role=pass-mark]")).to_have_text(
        "To pass, answer at least 3 of the 4 questions correctly (75%).")
    # First check: two of four right. The score and the pass mark are said; the answers are not given away.
    answer(quiz, {**RIGHT, **WRONG})
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.get_by_role("status")).to_have_text(
        "You answered 2 of 4 correctly (50%). The pass mark is 75%: change your answers and check again.")
    expect(quiz.get_by_text("The correct answer:", exact=False)).to_have_count(0)
    if learner.in_lms:
        learner.page.wait_for_timeout(300)
        assert score(learner) == (("50", "incomplete") if kind == "scorm12" else ("0.5", "failed")), learner.lms()["data"]
    # Second failed check: the quiz reveals the answers after two attempts.
    quiz.get_by_role("group", name="Can someone without a management role show leadership?").get_by_label(
        "No, leadership comes with the job title").check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.get_by_text("Not quite. The correct answer: Keeping the processes", exact=False)).to_be_visible()
    # Then a pass: the answers lock, and the LMS records it.
    answer(quiz, RIGHT)
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.get_by_role("status")).to_have_text("You answered 4 of 4 correctly (100%). You passed: the pass mark is 75%.")
    expect(quiz.get_by_role("button", name="Check answers")).to_be_disabled()
    if learner.in_lms:
        learner.page.wait_for_timeout(300)
        data = learner.lms()["data"]
        if kind == "scorm12":
            assert (data.get("scoreRaw"), data.get("scoreMin"), data.get("scoreMax")) == ("100", "0", "100")
        else:
            assert score(learner) == ("1", "passed")
            assert data["score"]["raw"] == "100" and data["score"]["min"] == "0" and data["score"]["max"] == "100"
        assert learner.lms_refusals() == [], learner.lms_refusals()
        ids = {interaction["id"] for interaction in learner.lms()["interactions"]}
        assert "check_understanding_management_focus" in ids, ids
    # The result survives a relaunch.
    learner.close_and_relaunch()
    quiz = learner.activity("Check:")
    expect(quiz.get_by_role("status")).to_contain_text("You passed")
    screenshot(learner.page)


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_required_quiz_holds_completion_until_it_is_passed(context, base_url, version):
    page = context.new_page()
    folder = "media12" if version == "1.2" else "media2004"
    page.goto(f"{base_url}/lms/harness.html?version={version}&sco=/{folder}/things/thing-02.html")
    frame = page.frame_locator("#sco")
    expect(frame.locator("#progress-text")).to_have_text("0 of 2 required activities done.")
    frame.get_by_role("textbox").fill(" ".join(f"word{n}" for n in range(25)))
    frame.get_by_role("button", name="Save statement").click()
    quiz = frame.get_by_role("region", name="Quiz: the chart")
    expect(quiz.locator("[data-role=pass-mark]")).to_have_text(
        "To pass, answer at least 1 of the 1 question correctly (100%). You have 2 attempts.")
    quiz.get_by_label("Five").check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.get_by_role("status")).to_contain_text("(1 attempt left)")
    page.wait_for_timeout(300)
    data = page.evaluate("window.lmsState()")["data"]
    # Failed: the Thing is not complete, and the score is recorded.
    if version == "1.2":
        assert (data.get("status"), data.get("scoreRaw")) == ("incomplete", "0"), data
    else:
        assert (data.get("completion"), data.get("success"), data["score"]["scaled"]) == ("incomplete", "failed", "0"), data
    expect(frame.locator("#progress-text")).to_have_text("1 of 2 required activities done.")
    quiz.get_by_label("Three").check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(frame.locator("#progress-text")).to_have_text("All required activities are done: you have completed this Thing.")
    page.wait_for_timeout(300)
    data = page.evaluate("window.lmsState()")["data"]
    if version == "1.2":
        assert (data.get("status"), data.get("scoreRaw")) == ("passed", "100"), data
    else:
        assert (data.get("completion"), data.get("success"), data["score"]["scaled"]) == ("completed", "passed", "1"), data
    assert page.evaluate("window.lmsLog.filter(entry => entry.result === 'false')") == []
