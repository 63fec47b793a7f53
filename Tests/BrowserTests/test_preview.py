"""`toolkit preview` in a real browser: a copy of the bundled course served live, edits on disk seen
without a manual reload, a broken file shown as an overlay with its location and gone once fixed, the
SCORM 1.2 inspector showing completion and the suspend-data gauge, path escapes answered 404, and
Ctrl-C stopping the server cleanly."""
import http.client
import re
import urllib.parse
import shutil
import signal
import subprocess
import threading
import time

import pytest
from playwright.sync_api import expect

from browser_support import ROOT, SCREENSHOTS, toolkit_binary
from learner import Learner, words

THING_02 = "Courses/sssc-23-things-leadership/things/thing-02.md"


class Preview:
    def __init__(self, workspace, runtime):
        self.workspace = workspace
        self.process = subprocess.Popen(
            [toolkit_binary(), "preview", "--port", "0", "--runtime", runtime], cwd=workspace,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = []
        self.url = None
        ready = threading.Event()

        def read():
            for line in self.process.stdout:
                self.lines.append(line)
                match = re.search(r"Previewing at (http://127\.0\.0\.1:\d+/)", line)
                if match:
                    self.url = match.group(1)
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        assert ready.wait(120) and self.url, f"the preview did not start: {self.lines} {self.process.stderr.read() if self.process.poll() is not None else ''}"

    def edit(self, old, new):
        path = self.workspace / THING_02
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fixture no longer holds {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=15)


@pytest.fixture
def preview(tmp_path):
    started = []

    def start(runtime="html"):
        workspace = tmp_path / "workspace"
        if not workspace.exists():
            shutil.copytree(ROOT / "Courses", workspace / "Courses")
            shutil.copytree(ROOT / "Badges", workspace / "Badges")
        server = Preview(workspace, runtime)
        started.append(server)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()


def test_edits_appear_errors_overlay_then_clear(context, preview, screenshot):
    server = preview()
    page = context.new_page()
    page.goto(server.url + "things/thing-02.html")
    expect(page.get_by_role("heading", name="Leadership / management?", level=1)).to_be_visible()
    # An edit on disk: the page shows it without anyone reloading.
    server.edit("## Leadership and management are everywhere", "## Leadership and management are all around us")
    expect(page.get_by_role("heading", name="Leadership and management are all around us")).to_be_visible(timeout=10000)
    # A YAML slip: the errors appear over the last good page, with the location validate gives.
    server.edit("status: published", "status: published: yes")
    overlay = page.get_by_role("alert")
    expect(overlay).to_contain_text("1 error: the page shows the last version that built", timeout=10000)
    expect(overlay).to_contain_text(re.compile(r"things/thing-02\.md:5:\d+: error: .*\[yaml-syntax\]"))
    expect(page.get_by_role("heading", name="Leadership and management are all around us")).to_be_attached()
    screenshot(page, "preview-error-overlay")
    # Fixed: the overlay goes and the page is back.
    server.edit("status: published: yes", "status: published")
    expect(page.get_by_role("alert")).to_have_count(0, timeout=10000)
    expect(page.get_by_role("heading", name="Leadership / management?", level=1)).to_be_visible()
    assert server.stop() == 0, "Ctrl-C must stop the preview cleanly"
    assert any(line.startswith("rebuilt ") for line in server.lines), server.lines


def test_scorm12_inspector_shows_completion_and_the_suspend_data_gauge(context, preview):
    server = preview("scorm12")
    page = context.new_page()
    page.goto(server.url)
    expect(page.get_by_role("heading", name="LMS inspector")).to_be_visible()
    page.get_by_role("combobox", name="Thing").select_option("/things/thing-02.html")
    expect(page).to_have_url(re.compile(r"sco=%2Fthings%2Fthing-02\.html"))
    learner = Learner(page, server.url, "scorm12")
    learner.content = page.frame_locator("#sco")
    expect(learner.progress()).to_have_text("0 of 2 required activities done.")
    learner.sort_everything()
    learner.check_classification()
    learner.write_reflection(words(220))
    learner.save_reflection()
    expect(learner.progress()).to_have_text("All required activities are done: you have completed this Thing.")
    status = page.locator("#status")
    expect(status).to_contain_text("lesson_status")
    expect(status).to_contain_text("completed")
    expect(page.locator("#suspend-text")).to_have_text(re.compile(r"^[1-9]\d* of 4096 characters \(\d+%\)$"))
    expect(page.locator("#interactions")).to_contain_text("sort_activities")
    expect(page.locator("#calls")).to_contain_text("LMSSetValue(cmi.core.lesson_status")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(SCREENSHOTS / "preview-inspector.png"))
    assert server.stop() == 0


def test_the_inspector_runs_only_pages_of_the_package(context, preview):
    """A `sco=` that is a `javascript:` URL or another site's page would run in the preview's origin,
    where the drafts are: the inspector loads nothing and says why."""
    server = preview("scorm12")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server.url)
    expect(page.get_by_role("heading", name="LMS inspector")).to_be_visible()
    inspector = page.url.split("?")[0]
    for hostile in ("javascript:alert(document.domain)", "//evil.example/things/thing-02.html",
                    "/\\evil.example/x.html", "/things/../../etc/passwd.html", "data:text/html,<script>alert(1)</script>",
                    "https://evil.example/thing.html"):
        page.goto(inspector + "?version=1.2&sco=" + urllib.parse.quote(hostile, safe=""))
        expect(page.locator("#version")).to_contain_text("refused")
        assert page.locator("#sco").get_attribute("src") == "about:blank", hostile
    assert dialogs == []
    assert server.stop() == 0


def test_paths_that_escape_get_404_and_other_hosts_403(preview):
    server = preview()
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/things/../../../etc/passwd", "/..%2f..%2fetc%2fpasswd",
                 "/things/%2E%2E/%2E%2E/" + THING_02, "/" + THING_02, "/things/", "/assets", "//etc/passwd",
                 "/index.html%00.txt"]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        assert response.status == 404, (path, response.status)
        assert b"root:" not in body
        connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/", headers={"Host": "attacker.example"})
    assert connection.getresponse().status == 403
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/things/thing-02.html")
    response = connection.getresponse()
    assert response.status == 200 and b"/__preview/client.js" in response.read()
    assert server.stop() == 0


def test_two_hundred_event_streams_are_capped_and_ctrl_c_still_stops(preview):
    """Hundreds of event streams (a script, or a page reloaded in a loop) must neither use up the
    server's descriptors nor keep Ctrl-C from stopping it."""
    import socket
    server = preview()
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    sockets = []
    for _ in range(200):
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        connection.sendall(b"GET /__preview/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        sockets.append(connection)
    answers = []
    for connection in sockets:
        try:
            answers.append(connection.recv(200).split(b"\r\n", 1)[0])
        except (ConnectionResetError, socket.timeout):
            answers.append(b"")
    streams = sum(answer.endswith(b"200 OK") for answer in answers)
    assert 0 < streams <= 32, answers[:40]
    assert any(b"503" in answer or answer == b"" for answer in answers), "the streams past the cap were served"
    # The server still answers a page while the streams it accepted stay open.
    def page_answers():
        try:
            page = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            page.request("GET", "/things/thing-02.html")
            return page.getresponse().status
        except OSError:
            return None
    statuses = [page_answers() for _ in range(3)]
    assert 200 in statuses, statuses
    assert server.stop() == 0, "Ctrl-C must stop the preview with streams open"
    for connection in sockets:
        connection.close()


def test_a_folder_swapped_for_a_link_out_of_the_workspace_is_refused_on_the_next_rebuild(preview, tmp_path):
    """The path policy is applied on every rebuild: `files/` replaced by a link to a folder elsewhere
    while the preview runs gives the errors `validate` gives, and the outside bytes are never served."""
    import json
    server = preview()
    port = int(server.url.rsplit(":", 1)[1].strip("/"))

    def get(path):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()

    status, page = get("/things/thing-02.html")
    picture = re.search(rb'src="\.\./(media/[^"]+\.svg)"', page).group(1).decode()
    files = server.workspace / "Courses/sssc-23-things-leadership/files"
    outside = tmp_path / "outside"
    shutil.copytree(files, outside)
    for svg in outside.glob("*.svg"):
        svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>OUTSIDE</text></svg>')
    shutil.move(str(files), str(tmp_path / "moved-away"))
    files.symlink_to(outside, target_is_directory=True)

    def problems():
        return json.loads(get("/__preview/status")[1])["problems"]

    deadline = time.time() + 60
    while time.time() < deadline and not problems():
        time.sleep(0.1)
    found = problems()
    assert any("outside the workspace" in problem["message"] for problem in found), found
    status, body = get("/" + picture)
    assert b"OUTSIDE" not in body
    assert server.stop() == 0
