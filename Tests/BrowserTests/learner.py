"""A learner working through Thing 2 in a real browser, finding controls by role and accessible name."""
import re

from playwright.sync_api import expect

THING = "things/thing-02.html"
PROGRESS = re.compile(r"required activities|completed this Thing")
REFLECTION_FIELD = "Your reflective statement (at least 200 words)"


def words(count, word="reflection"):
    return " ".join(f"{word}{index}" for index in range(count))


class Learner:
    """Drives one launch of the Thing 2 page: in the strict test LMS (SCORM) or as the HTML site."""

    #: The Thing's page, and the folder each kind of package is served from.
    thing = THING
    folders = {"scorm12": "scorm12", "scorm2004": "scorm2004", "html": "html"}

    def __init__(self, page, base_url, kind):
        self.page = page
        self.base_url = base_url
        self.kind = kind  # "scorm12", "scorm2004", "html", "direct12" (SCORM page opened with no LMS) or "cmi5"

    @property
    def in_lms(self):
        return self.kind in ("scorm12", "scorm2004")

    @property
    def url(self):
        if self.kind == "scorm12":
            return f"{self.base_url}/lms/harness.html?version=1.2&sco=/{self.folders['scorm12']}/{self.thing}"
        if self.kind == "scorm2004":
            return f"{self.base_url}/lms/harness.html?version=2004&sco=/{self.folders['scorm2004']}/{self.thing}"
        if self.kind == "direct12":
            return f"{self.base_url}/{self.folders['scorm12']}/{self.thing}"
        return f"{self.base_url}/{self.folders['html']}/{self.thing}"

    def launch(self, url=None):
        """Opens the page (at `url`, a cmi5 launch, when given) and waits for its progress line."""
        self.page.goto(url or self.url)
        self.content = self.page.frame_locator("#sco") if self.in_lms else self.page
        expect(self.progress()).to_have_text(PROGRESS)
        return self

    def close_and_relaunch(self):
        # Leaving the page fires pagehide in the SCO, which terminates the session, as closing a window does.
        self.page.goto("about:blank")
        return self.launch()

    def progress(self):
        return self.content.locator("#progress-text")

    def evaluate(self, script):
        if self.in_lms:
            return self.page.frame_locator("#sco").locator("body").evaluate(f"() => ({script})")
        return self.page.evaluate(f"() => ({script})")

    # ---- the LMS side ----------------------------------------------------------------------
    def lms(self):
        return self.page.evaluate("window.lmsState()")

    def lms_refusals(self):
        return self.page.evaluate("window.lmsLog.filter(entry => entry.result === 'false')")

    def lms_calls(self, method=None):
        calls = self.page.evaluate("window.lmsLog")
        return [call for call in calls if method is None or call["method"] == method]

    # ---- the classification ----------------------------------------------------------------
    def classification_answers(self):
        """(item text, the course's category label) for every item, read from the page's own data."""
        return self.evaluate(
            """(() => {
                const config = JSON.parse(document.getElementById('course-toolkit-config').textContent);
                const activity = config.activities.find(a => a.kind === 'classification');
                const root = document.getElementById('activity-' + activity.id);
                const labels = Array.from(root.querySelectorAll('select')[0].options).slice(1).map(o => o.textContent);
                return activity.items.map((id, index) => [
                    root.querySelector('#activity-' + activity.id + '-item-' + index + '-text').textContent,
                    labels[activity.answers[index]]]);
            })()"""
        )

    def choose_by_keyboard(self, item_text, label):
        box = self.content.get_by_role("combobox", name=f"Category for “{item_text}”")
        box.focus()
        # Type-ahead on a focused list box: the first letter picks the option, as a keyboard user does.
        box.press(label[0])
        expect(box).to_have_value(re.compile(r"\d"))
        return box

    def sort_everything(self, wrong_item=None):
        answers = self.classification_answers()
        labels = sorted({label for _, label in answers})
        for text, label in answers:
            choice = label
            if text == wrong_item:
                choice = next(other for other in labels if other != label)
            self.choose_by_keyboard(text, choice)
        return answers

    def check_classification(self):
        button = self.activity("Explore:").get_by_role("button", name="Check answers")
        button.focus()
        button.press("Enter")

    # ---- the reflection --------------------------------------------------------------------
    def reflection_field(self):
        return self.content.get_by_role("textbox", name=REFLECTION_FIELD)

    def write_reflection(self, text):
        field = self.reflection_field()
        field.fill(text)
        return field

    def complete_required(self):
        """Does every required activity the plain way: sorts every item, checks, writes and saves 220 words."""
        self.sort_everything()
        self.check_classification()
        self.write_reflection(words(220))
        self.save_reflection()

    def save_reflection(self):
        button = self.content.get_by_role("button", name="Save statement")
        button.focus()
        button.press("Enter")

    def activity(self, title):
        return self.content.get_by_role("region", name=re.compile(title))

    def reflection_message(self):
        return self.activity("Reflect:").get_by_role("status")

    def classification_message(self):
        return self.activity("Explore:").get_by_role("status")
