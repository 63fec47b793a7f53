"""Hostile content in course files never runs in a learner's browser: raw HTML in Markdown, and
markup inside YAML strings, are rendered inert, and no script of the payload executes."""
import re
import shutil
import subprocess
import zipfile

from browser_support import ROOT, toolkit_binary

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "<svg onload=\"window.__pwned = 'svg'\"><script>window.__pwned = 'svg-script'</script></svg>",
    "<iframe srcdoc=\"<script>parent.__pwned = 'iframe'</script>\"></iframe>",
    "<object data=\"data:text/html,<script>parent.__pwned='object'</script>\"></object>",
    "<div style=\"background:url(javascript:window.__pwned='css')\">styled</div>",
    "<a href=\"javascript:window.__pwned='link'\" id=\"evil-link\">click me</a>",
    "<details open ontoggle=\"window.__pwned = 'toggle'\">x</details>",
    "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:window.__pwned='math'\">m</maction></math>",
]


def hostile_workspace(tmp_path):
    for folder in ("Courses", "Badges"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    thing = tmp_path / "Courses" / "sssc-23-things-leadership" / "things" / "thing-02.md"
    text = thing.read_text()
    text = text.replace("## Your turn", "## Hostile\n\n" + "\n\n".join(PAYLOADS) + "\n\nInline <b onmouseover=\"window.__pwned='inline'\">bold</b> text.\n\n## Your turn")
    text = text.replace("text: Planning the work for the weeks ahead", "text: \"<img src=x onerror=window.__pwned='item'> Planning\"")
    text = text.replace("title: Leading Change", "title: \"<script>window.__pwned='title'</script>Leading Change\"")
    thing.write_text(text)
    return tmp_path


def test_no_payload_runs_and_no_executable_markup_is_written(tmp_path, browser, base_url, site_root):
    workspace = hostile_workspace(tmp_path / "workspace")
    out = tmp_path / "out"
    result = subprocess.run([toolkit_binary(), "package", "--html", "--output", str(out)], cwd=workspace, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    subprocess.run([toolkit_binary(), "package", "--scorm", "--output", str(out)], cwd=workspace, check=True, capture_output=True)
    page_path = out / "sssc-23-things-leadership-html" / "things" / "thing-02.html"
    html = page_path.read_text()
    # Parsing the output: only our own three scripts, no handlers, no javascript: URLs, no frames.
    assert len(re.findall(r"<script\b", html)) == 3
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.IGNORECASE)
    assert "javascript:" not in html.lower()
    for tag in ("<iframe", "<object", "<svg", "<math", "style="):
        assert tag not in html.lower(), tag
    # The theme's own two disclosures (details of the Thing, contents); the payload's is gone.
    assert re.findall(r"<details\b[^>]*>", html) == ['<details class="thing-details">', '<details data-role="contents-details">']
    with zipfile.ZipFile(out / "sssc-23-things-leadership-scorm12.zip") as archive:
        assert archive.read("things/thing-02.html").decode() .count("<script") == 3
    # And in the browser: nothing ran, even after hovering and toggling everything.
    served = site_root / "hostile"
    if served.exists():
        shutil.rmtree(served)
    shutil.copytree(out / "sssc-23-things-leadership-html", served)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base_url}/hostile/things/thing-02.html")
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        for element in page.locator("main b, main div, main a").all()[:40]:
            try:
                element.hover(timeout=500)
            except Exception:
                pass
        assert page.evaluate("window.__pwned") is None
        # The payload's text is shown as text where it came from YAML (escaped), not run.
        assert page.get_by_text("<img src=x onerror=window.__pwned='item'> Planning").count() >= 1
    finally:
        context.close()
