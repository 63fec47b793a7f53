"""Paths and the toolkit runner shared by the Open Badges conformance tests."""
import os
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCHEMAS = pathlib.Path(os.environ.get("COURSE_TOOLKIT_SCHEMAS", ROOT.parent / "shared" / "schemas"))


def toolkit(*arguments, check=True):
    binary = os.environ.get("TOOLKIT_BIN") or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(),
        "toolkit")
    return subprocess.run([binary, *map(str, arguments)], capture_output=True, text=True, check=check)
