"""Fixtures for the browser tests: packages of the bundled course, a local server, Chromium."""
import functools
import os
import http.server
import shutil
import subprocess
import threading
import zipfile

import pytest
from playwright.sync_api import sync_playwright

from browser_support import HERE, ROOT, SCREENSHOTS, toolkit_binary


@pytest.fixture(scope="session")
def site_root(tmp_path_factory):
    """A folder served over HTTP: /scorm12/, /scorm2004/ and /cmi5/ (unzipped packages), /html/ (the site), /lms/ (the harness)."""
    root = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("packages")
    binary = toolkit_binary()
    for args in (["--scorm"], ["--scorm", "--scorm-version", "2004"], ["--cmi5"], ["--html"]):
        subprocess.run([binary, "package", str(ROOT / "Courses" / "sssc-23-things-leadership"), *args, "--output", str(build)], check=True, capture_output=True)
    for version in ("scorm12", "scorm2004", "cmi5"):
        with zipfile.ZipFile(build / f"sssc-23-things-leadership-{version}.zip") as archive:
            archive.extractall(root / version)
    shutil.copytree(build / "sssc-23-things-leadership-html", root / "html")
    # Every Thing, drafts too: previous and next links between Things.
    drafts = build / "with-drafts"
    subprocess.run([binary, "package", str(ROOT / "Courses" / "sssc-23-things-leadership"), "--html", "--include-drafts",
                    "--output", str(drafts)], check=True, capture_output=True)
    shutil.copytree(drafts / "sssc-23-things-leadership-html", root / "html-all")
    # Thing 2 linking to Thing 4, every Thing packaged: SCORM 2004 opens Thing 4 through the LMS.
    linked = tmp_path_factory.mktemp("linked")
    shutil.copytree(ROOT / "Courses", linked / "Courses")
    shutil.copytree(ROOT / "Badges", linked / "Badges")
    thing = linked / "Courses" / "sssc-23-things-leadership" / "things" / "thing-02.md"
    thing.write_text(thing.read_text(encoding="utf-8") + "\nNext, try [Thing 4](thing-04.md).\n", encoding="utf-8")
    subprocess.run([binary, "package", "--scorm", "--scorm-version", "2004", "--include-drafts", "--output", str(drafts)],
                   cwd=linked, check=True, capture_output=True)
    with zipfile.ZipFile(drafts / "sssc-23-things-leadership-scorm2004.zip") as archive:
        archive.extractall(root / "scorm2004-linked")
    # The media fixture course (pictures, video with captions, audio, a player, downloads) as SCORM 1.2 and HTML.
    media = ROOT / "Tests" / "Fixtures" / "media-workspace" / "Courses" / "media-demo"
    for args in (["--scorm"], ["--scorm", "--scorm-version", "2004"], ["--html"]):
        subprocess.run([binary, "package", str(media), *args, "--output", str(build)], check=True, capture_output=True)
    with zipfile.ZipFile(build / "media-demo-scorm12.zip") as archive:
        archive.extractall(root / "media12")
    with zipfile.ZipFile(build / "media-demo-scorm2004.zip") as archive:
        archive.extractall(root / "media2004")
    shutil.copytree(build / "media-demo-html", root / "media-html")
    # The activities fixture course (a sequence and cards) in every format the LMS tests launch.
    activities = ROOT / "Tests" / "Fixtures" / "activities-workspace" / "Courses" / "activities-demo"
    for args in (["--scorm"], ["--scorm", "--scorm-version", "2004"], ["--cmi5"], ["--html"]):
        subprocess.run([binary, "package", str(activities), *args, "--output", str(build)], check=True, capture_output=True)
    for version, folder in (("scorm12", "activities12"), ("scorm2004", "activities2004"), ("cmi5", "activities-cmi5")):
        with zipfile.ZipFile(build / f"activities-demo-{version}.zip") as archive:
            archive.extractall(root / folder)
    shutil.copytree(build / "activities-demo-html", root / "activities-html")
    # The Common Cartridge's pages (static: every page of every format goes through axe-core).
    subprocess.run([binary, "package", str(ROOT / "Courses" / "sssc-23-things-leadership"), "--cc", "--output", str(build)],
                   check=True, capture_output=True)
    with zipfile.ZipFile(build / "sssc-23-things-leadership-cc11.zip") as archive:
        archive.extractall(root / "cc")
    shutil.copytree(HERE / "lms", root / "lms")
    # The strict SCORM run-time is the product's (toolkit preview's LMS inspector runs it too).
    shutil.copy(ROOT / "Sources" / "CoursePreview" / "Client" / "strict-lms.js", root / "lms" / "strict-lms.js")
    return root


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_root):
    handler = functools.partial(QuietHandler, directory=str(site_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: empty localStorage, so every test starts as a new learner."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def screenshot(request):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name=None):
        safe = (name or request.node.name).replace("/", "_")
        page.screenshot(path=str(SCREENSHOTS / f"{safe}.png"), full_page=True)

    return take


@pytest.fixture
def cmi5_lms(site_root, base_url):
    """A cmi5 LMS on a port of its own, launching the AUs of the cmi5 package served under /cmi5/."""
    from cmi5_lms import Cmi5LMS

    def start(folder="cmi5"):
        lms = Cmi5LMS(site_root / folder / "cmi5.xml", f"{base_url}/{folder}").start()
        started.append(lms)
        return lms

    started = []
    yield start
    for lms in started:
        lms.stop()
