"""Interrupted and concurrent builds: a killed `toolkit package` never leaves a half-written package
where an LMS admin would pick it up, the next run clears its litter, two builds into the same
folder both end with a complete package, and rebuilds are byte-identical."""
import filecmp
import json
import os
import pathlib
import random
import shutil
import signal
import subprocess
import time
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def binary():
    return os.environ.get("TOOLKIT_BIN") or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(),
        "toolkit")


@pytest.fixture
def workspace(tmp_path):
    for folder in ("Courses", "Badges"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def package(workspace, *arguments):
    return subprocess.Popen([binary(), "package", *arguments, "--output", str(workspace / "out")], cwd=workspace,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def litter(folder):
    return sorted(name for name in os.listdir(folder) if ".tmp-" in name)


def test_killing_a_build_at_random_moments_never_damages_the_previous_package(workspace):
    first = package(workspace, "--scorm")
    assert first.wait() == 0, first.stderr.read()
    zip_path = workspace / "out" / "sssc-23-things-leadership-scorm12.zip"
    original = zip_path.read_bytes()
    started = time.monotonic()
    build = package(workspace, "--scorm")
    build.wait()
    duration = time.monotonic() - started
    rng = random.Random(20261122)
    killed = 0
    for _ in range(20):
        process = package(workspace, "--scorm")
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        if process.wait() == -signal.SIGKILL:
            killed += 1
        # Whatever moment the kill came, the package in place is the complete previous one.
        assert zip_path.read_bytes() == original
        with zipfile.ZipFile(zip_path) as archive:
            assert archive.testzip() is None
    assert killed >= 10, "most kills must land while the build runs"
    final = package(workspace, "--scorm")
    assert final.wait() == 0
    assert litter(workspace / "out") == []
    assert zip_path.read_bytes() == original


def test_killing_an_html_build_leaves_the_previous_site_whole(workspace):
    first = package(workspace, "--html")
    assert first.wait() == 0
    site = workspace / "out" / "sssc-23-things-leadership-html"
    files = sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file())
    rng = random.Random(7)
    for _ in range(8):
        process = package(workspace, "--html")
        time.sleep(rng.uniform(0, 0.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if site.exists():
            assert sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()) == files
    assert package(workspace, "--html").wait() == 0
    assert litter(workspace / "out") == []
    assert sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()) == files


@pytest.mark.parametrize("format_arguments", [["--scorm"], ["--html"]])
def test_two_builds_into_the_same_folder_at_once_both_end_complete(workspace, format_arguments):
    for _ in range(3):
        builds = [package(workspace, *format_arguments) for _ in range(2)]
        results = [(build.wait(), build.stderr.read().decode()) for build in builds]
        assert all(code == 0 for code, _ in results), results
        assert litter(workspace / "out") == []
    if format_arguments == ["--scorm"]:
        with zipfile.ZipFile(workspace / "out" / "sssc-23-things-leadership-scorm12.zip") as archive:
            assert archive.testzip() is None
            assert "imsmanifest.xml" in archive.namelist()
    else:
        assert (workspace / "out" / "sssc-23-things-leadership-html" / "things" / "thing-02.html").exists()


def test_rebuilds_are_byte_identical_for_every_output(workspace, tmp_path):
    outputs = []
    for run in range(2):
        out = tmp_path / f"run{run}"
        for arguments in (["--scorm"], ["--scorm", "--scorm-version", "2004"], ["--html"]):
            subprocess.run([binary(), "package", *arguments, "--output", str(out)], cwd=workspace, check=True, capture_output=True)
        subprocess.run([binary(), "badges", "export", "--base-url", "https://badges.example.org/s", "--output", str(out / "badges")],
                       cwd=workspace, check=True, capture_output=True)
        (tmp_path / "earners.csv").write_text("email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\n")
        subprocess.run([binary(), "badges", "issue", "--earners", str(tmp_path / "earners.csv"), "--base-url",
                        "https://badges.example.org/s", "--output", str(out / "badges")], cwd=workspace, check=True, capture_output=True)
        outputs.append(out)
    first, second = outputs
    files = sorted(str(path.relative_to(first)) for path in first.rglob("*") if path.is_file())
    assert files == sorted(str(path.relative_to(second)) for path in second.rglob("*") if path.is_file())
    for name in files:
        if "/assertions/" in name:
            continue  # salted on purpose
        assert filecmp.cmp(first / name, second / name, shallow=False), name
    # Assertions differ only in the fields that must: the recipient's salt and hash.
    for name in (n for n in files if n.endswith(".json") and "/assertions/" in n):
        a, b = json.loads((first / name).read_text()), json.loads((second / name).read_text())
        assert a["recipient"]["salt"] != b["recipient"]["salt"]
        for document in (a, b):
            document["recipient"].pop("salt")
            document["recipient"].pop("identity")
        assert a == b
