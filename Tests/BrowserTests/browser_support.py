"""Paths and the toolkit binary, shared by the browser tests (a module name of its own: pytest
puts several test folders on the path, and each has a conftest)."""
import os
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCREENSHOTS = ROOT / "build" / "browser-tests"


def toolkit_binary():
    binary = os.environ.get("TOOLKIT_BIN")
    if binary:
        return binary
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(path, "toolkit")
