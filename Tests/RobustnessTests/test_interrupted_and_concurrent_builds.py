"""Interrupted and concurrent builds: a killed `toolkit package` never leaves a half-written package
where an LMS admin would pick it up, the next run clears its litter, two builds into the same
folder both end with a complete package, and rebuilds are byte-identical."""
import filecmp
import json
import os
import pathlib
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


def stop_when(process, condition, ceiling=120):
    """Freezes `process` (SIGSTOP) as soon as `condition()` holds, or when it ends; True when it was
    frozen while running. The moment is chosen by what the build has done, never by a clock: a slow
    machine only widens the window the test aims at."""
    deadline = time.monotonic() + ceiling
    while process.poll() is None and not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the build neither reached the moment nor ended")
        time.sleep(0.0005)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGSTOP)
    return True


def test_killing_a_build_at_chosen_moments_never_damages_the_previous_package(workspace):
    first = package(workspace, "--scorm")
    assert first.wait() == 0, first.stderr.read()
    out = workspace / "out"
    zip_path = out / "sssc-23-things-leadership-scorm12.zip"
    original = zip_path.read_bytes()

    def temporary_bytes():
        sizes = []
        for entry in out.iterdir():
            try:
                if ".tmp-" in entry.name and entry.is_file():
                    sizes.append(entry.stat().st_size)
            except FileNotFoundError:
                pass
        return max(sizes) if sizes else -1

    # Moments: at once; when the temporary zip appears; when it holds a tenth, a third, half, nine tenths
    # of the package's size; each twice over.
    moments = [lambda: True, lambda: temporary_bytes() >= 0] + [
        (lambda share: lambda: temporary_bytes() >= len(original) * share)(share) for share in (0.1, 0.33, 0.5, 0.9)]
    mid_write = 0
    for moment in moments * 2:
        process = package(workspace, "--scorm")
        frozen = stop_when(process, moment)
        if frozen and temporary_bytes() >= 0:
            mid_write += 1
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Whatever moment the kill came, the package in place is the complete previous one.
        assert zip_path.read_bytes() == original
        with zipfile.ZipFile(zip_path) as archive:
            assert archive.testzip() is None
    print("kills while the temporary zip was written:", mid_write, "of", len(moments) * 2)
    assert mid_write >= 1, "at least one kill must land while the temporary zip is being written"
    final = package(workspace, "--scorm")
    assert final.wait() == 0
    assert litter(out) == []
    assert zip_path.read_bytes() == original


def test_killing_an_html_build_leaves_the_previous_site_whole(workspace):
    first = package(workspace, "--html")
    assert first.wait() == 0
    site = workspace / "out" / "sssc-23-things-leadership-html"
    files = sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file())
    out = workspace / "out"

    def temporary_files():
        # The build renames or removes what is counted here at any moment: what vanished counts as nothing.
        count = 0
        try:
            for entry in out.iterdir():
                if ".tmp-" in entry.name:
                    count += sum(1 for _ in entry.rglob("*")) if entry.is_dir() else 1
        except FileNotFoundError:
            pass
        return count

    # Moments chosen by what the build has written, never by a clock.
    for threshold in (0, 1, 5, 20, 60, 120, 200, 1_000_000):
        process = package(workspace, "--html")
        stop_when(process, lambda: temporary_files() >= threshold if threshold else True)
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
