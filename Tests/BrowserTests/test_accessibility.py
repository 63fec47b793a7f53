"""Accessibility measured in the browser. axe-core (the engine UK public-sector audits use) checks every
page of every format of the bundled course and of the media and activities fixtures, at 375 and 1280 px,
in the light and the dark colour scheme, with every disclosure open. The hand-written checks below keep
only what axe-core does not check: that every stop of the keyboard's tab order shows where the focus is
(axe cannot see focus), one h1 and no skipped heading level (axe's heading-order is advisory and allows
some skips), the course's own language tag, and no sideways scrolling at 320 and 375 px (reflow, WCAG
1.4.10). Any violation fails the test."""
import pytest

from learner import Learner

STRUCTURE_SCRIPT = """
() => {
  const levels = Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => Number(h.tagName[1]));
  const skips = [];
  levels.forEach((level, i) => { if (i > 0 && level > levels[i - 1] + 1) skips.push(`h${levels[i - 1]} → h${level}`); });
  return {
    h1: levels.filter(l => l === 1).length,
    firstLevel: levels[0],
    skips,
    mains: document.querySelectorAll('main, [role=main]').length,
    lang: document.documentElement.lang,
    title: document.title,
  };
}
"""

FOCUS_SCRIPT = """
() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return { tag: element.tagName.toLowerCase(), name: element.getAttribute('aria-label') || element.textContent.trim().slice(0, 30) || element.name || element.id, visible: outline || shadow };
}
"""


def check_page(page):
    structure = page.evaluate(STRUCTURE_SCRIPT)
    assert structure["h1"] == 1, structure
    assert structure["firstLevel"] == 1, structure
    assert structure["skips"] == [], structure
    assert structure["mains"] == 1, structure
    assert structure["lang"] == "en-GB" and structure["title"]
    # Every stop of the keyboard's tab order shows where focus is.
    page.mouse.click(1, 1)
    invisible = []
    stops = 0
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_SCRIPT)
        if focused is None:
            break
        stops += 1
        if not focused["visible"]:
            invisible.append(focused)
    assert stops >= 3
    assert invisible == [], "focus not visible"


@pytest.mark.parametrize("path", ["html/things/thing-02.html", "html/index.html"])
def test_page_is_accessible(context, base_url, screenshot, path):
    page = context.new_page()
    page.goto(f"{base_url}/{path}")
    page.wait_for_load_state("load")
    check_page(page)
    screenshot(page)


def test_page_with_feedback_shown_is_accessible(context, base_url, screenshot):
    learner = Learner(context.new_page(), base_url, "html").launch()
    learner.sort_everything(wrong_item="Planning the work for the weeks ahead")
    learner.check_classification()
    learner.save_reflection()  # shows the error message style
    check_page(learner.page)
    screenshot(learner.page)


@pytest.mark.parametrize("width", [320, 375])
def test_no_sideways_scrolling_on_small_screens(browser, base_url, screenshot, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/html/things/thing-02.html")
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"thing-02-{width}px")
    finally:
        context.close()


def test_the_checks_themselves_catch_violations(context):
    """The checks above must be able to fail: a page with each kind of violation is flagged."""
    page = context.new_page()
    page.set_content(
        "<html lang='en-GB'><head><title>Bad</title><style>:focus{outline:none}</style></head><body>"
        "<main><h1>Title</h1><h3>Skipped a level</h3><p style='color:#aaa'>Pale text</p>"
        "<button></button><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><a href='#x'>link</a></main><main></main></body></html>")
    structure = page.evaluate(STRUCTURE_SCRIPT)
    assert structure["skips"] == ["h1 → h3"]
    assert structure["mains"] == 2
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_SCRIPT)["visible"] is False


# Every package the browser tests serve: the HTML site with every Thing, SCORM 1.2 and 2004, cmi5 and
# the Common Cartridge of the bundled course, and the media and activities fixtures in each format.
AXE_FOLDERS = ["html-all", "scorm12", "scorm2004", "cmi5", "cc", "media12", "media2004", "media-html", "activities12",
               "activities2004", "activities-cmi5", "activities-html"]
VIEWS = [(375, "light"), (375, "dark"), (1280, "light"), (1280, "dark")]


def axe_violations(page):
    """What axe-core (the engine UK public-sector audits use) finds on the page, every rule run."""
    from axe_playwright_python.sync_playwright import Axe
    return [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
            for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("folder", AXE_FOLDERS)
def test_axe_core_finds_no_serious_violation_on_any_page(browser, site_root, base_url, folder):
    """Every page of the package, at 375 and 1280 px, light and dark, every <details> open: no serious or
    critical violation (lesser ones are printed, so a drift is seen before it matters)."""
    pages = sorted(path.relative_to(site_root / folder).as_posix() for path in (site_root / folder).rglob("*.html"))
    assert pages, f"no page in {folder}"
    serious, lesser = [], []
    for width, scheme in VIEWS:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            page = context.new_page()
            for path in pages:
                page.goto(f"{base_url}/{folder}/{path}")
                page.wait_for_load_state("load")
                page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")
                for rule, impact, targets in axe_violations(page):
                    found = f"{folder}/{path} at {width} px, {scheme}: {rule} ({impact}) {targets}"
                    (serious if impact in ("serious", "critical") else lesser).append(found)
        finally:
            context.close()
    for finding in lesser:
        print("axe-core (minor or moderate):", finding)
    assert serious == []


def test_axe_core_itself_catches_violations(context):
    page = context.new_page()
    page.set_content("<html><head></head><body><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
                     "<button></button><p style='color:#bbb'>Pale</p></body></html>")
    found = {rule for rule, _, _ in axe_violations(page)}
    assert {"image-alt", "button-name", "html-has-lang"} <= found, found
