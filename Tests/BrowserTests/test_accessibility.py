"""Accessibility of the Thing 2 page and the course index, measured in the browser: names, headings,
landmarks, alt text, visible focus, contrast from the rendered styles, and no sideways scrolling at
320 px. Any violation fails the test."""
import pytest

from learner import Learner

NAMED_ROLES = {"button", "link", "combobox", "textbox", "checkbox", "radio", "image", "listbox", "menuitem", "tab", "switch", "slider", "spinbutton"}

CONTRAST_SCRIPT = """
() => {
  function parse(color) {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }
  function luminance(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function blend(top, bottom) {
    const a = top.a;
    return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
  }
  function background(element) {
    const layers = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
    }
    let color = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) color = blend(layers[i], color);
    return color;
  }
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const text = walker.currentNode;
    if (!text.textContent.trim()) continue;
    const element = text.parentElement;
    if (seen.has(element)) continue;
    seen.add(element);
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    if (style.visibility === "hidden" || style.display === "none" || rect.width === 0 || rect.height === 0) continue;
    if (element.closest(".visually-hidden, [hidden], .skip-link")) continue;
    const fg = parse(style.color);
    const bg = background(element);
    const color = blend(fg, bg);
    const l1 = luminance(color), l2 = luminance(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(style.fontSize);
    const bold = parseInt(style.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) problems.push(`${element.tagName.toLowerCase()} "${text.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)} < ${needed}`);
  }
  return problems;
}
"""

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
    imagesWithoutAlt: Array.from(document.images).filter(img => !img.hasAttribute('alt')).map(img => img.src),
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


def ax_names(page):
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")
    missing = []
    for node in tree["nodes"]:
        if node.get("ignored"):
            continue
        role = node.get("role", {}).get("value")
        name = (node.get("name") or {}).get("value", "")
        if role in NAMED_ROLES and not str(name).strip():
            missing.append(f"{role} (backend node {node.get('backendDOMNodeId')})")
    return missing


def check_page(page):
    structure = page.evaluate(STRUCTURE_SCRIPT)
    assert structure["h1"] == 1, structure
    assert structure["firstLevel"] == 1, structure
    assert structure["skips"] == [], structure
    assert structure["mains"] == 1, structure
    assert structure["imagesWithoutAlt"] == [], structure
    assert structure["lang"] == "en-GB" and structure["title"]
    assert ax_names(page) == [], "controls without an accessible name"
    assert page.evaluate(CONTRAST_SCRIPT) == [], "text below the contrast minimum"
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
    assert len(structure["imagesWithoutAlt"]) == 1
    assert any("Pale text" in problem for problem in page.evaluate(CONTRAST_SCRIPT))
    assert any(problem.startswith("button") for problem in ax_names(page))
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_SCRIPT)["visible"] is False


AXE_PAGES = ["html/index.html", "html/things/thing-02.html", "html-all/index.html", "html-all/things/thing-03.html",
             "media-html/things/thing-01.html", "media-html/index.html"]


def axe_violations(page):
    """What axe-core (the engine UK public-sector audits use) finds on the page, every rule run."""
    from axe_playwright_python.sync_playwright import Axe
    return [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
            for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_core_finds_nothing(context, base_url, path):
    """Pages as published, drafts and media included, against axe-core's rules, beside our own checks."""
    page = context.new_page()
    page.goto(f"{base_url}/{path}")
    page.wait_for_load_state("load")
    assert axe_violations(page) == []


def test_axe_core_itself_catches_violations(context):
    page = context.new_page()
    page.set_content("<html><head></head><body><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
                     "<button></button><p style='color:#bbb'>Pale</p></body></html>")
    found = {rule for rule, _, _ in axe_violations(page)}
    assert {"image-alt", "button-name", "html-has-lang"} <= found, found
