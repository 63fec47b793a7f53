"""An author's desk, far from this repository: in an empty folder with no `../shared` anywhere and no
COURSE_TOOLKIT_SCHEMAS, `toolkit new course`, `package --scorm`, and Open Badges 3.0 issuing with
Data Integrity proofs after `toolkit badges contexts install` from openbadgeslib's own contexts
folder (whose files are named otherwise); the credential then verifies, and VC-JWTs verify and show
revocation with no contexts at all."""
import os
import pathlib
import subprocess

import pytest
from Crypto.PublicKey import ECC, RSA

from openbadges_support import toolkit as _unused  # noqa: F401  (the binary's location is resolved the same way)

ROOT = pathlib.Path(__file__).resolve().parents[2]


def binary():
    return os.environ.get("TOOLKIT_BIN") or str(ROOT / ".build" / "debug" / "toolkit")


def openbadgeslib_contexts():
    python = os.environ.get("OB3_PYTHON")
    assert python, "OB3_PYTHON is not set (Scripts/test installs openbadgeslib in its own environment)"
    folder = subprocess.run(
        [python, "-c", "import openbadgeslib, os; print(os.path.join(os.path.dirname(openbadgeslib.__file__), 'ob3', 'contexts'))"],
        capture_output=True, text=True, check=True).stdout.strip()
    return pathlib.Path(folder)


@pytest.fixture
def desk(tmp_path):
    """An empty folder and an environment with a home of its own and none of the repository's variables."""
    home = tmp_path / "home"
    home.mkdir()
    folder = tmp_path / "my-course"
    folder.mkdir()
    environment = {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8"}

    def run(*arguments, check=True):
        result = subprocess.run([binary(), *map(str, arguments)], cwd=folder, env=environment, capture_output=True,
                                text=True)
        if check:
            assert result.returncode == 0, f"toolkit {' '.join(map(str, arguments))}: {result.stdout}{result.stderr}"
        return result

    return folder, home, run


def test_a_fresh_folder_builds_and_signs_with_installed_contexts(desk, tmp_path):
    folder, home, run = desk
    run("new", "course", "first-aid", "--title", "First aid at work")
    # A course repository: the CI workflow is one GitHub accepts, build/ and the ledgers stay out of git.
    check = os.environ.get("CHECK_JSONSCHEMA")
    assert check, "CHECK_JSONSCHEMA is not set (Scripts/test installs check-jsonschema)"
    workflow = subprocess.run([check, "--builtin-schema", "vendor.github-workflows",
                               str(folder / ".github" / "workflows" / "course.yml")], capture_output=True, text=True)
    assert workflow.returncode == 0, workflow.stdout + workflow.stderr
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "build").mkdir(exist_ok=True)
    (folder / "build" / "x-badges.ledger.json").write_text("{}")
    ignored = subprocess.run(["git", "-C", str(folder), "check-ignore", "build/x-badges.ledger.json", "ed.pem"],
                             capture_output=True, text=True)
    assert ignored.stdout.split() == ["build/x-badges.ledger.json", "ed.pem"], ignored.stdout
    schema = folder / ".toolkit" / "schemas" / "course.schema.json"
    schema.write_text("{}")
    run("schema")
    assert schema.read_text() != "{}", "toolkit schema refreshes the schemas the editor settings name"
    issuer = folder / "Badges" / "issuer.yaml"
    text = issuer.read_text()
    for old, new in (("The organisation's name", "First Aid Trust"), ("https://example.org", "https://www.first-aid-trust.org.uk"),
                     ("badges@example.org", "badges@first-aid-trust.org.uk"),
                     ("Say in a sentence or two who the organisation is.", "A charity that teaches first aid.")):
        text = text.replace(old, new)
    issuer.write_text(text)
    course = folder / "Courses" / "first-aid" / "course.yaml"
    course.write_text(course.read_text()
                      .replace("Say in a few sentences who the course is for and what it offers.", "First aid for everyone.")
                      .replace("Say whose work this is and what was changed, as the licence asks.", "Written by the trust."))
    thing = folder / "Courses" / "first-aid" / "things" / "thing-01.md"
    thing.write_text(thing.read_text().replace("status: draft", "status: published"))
    # The author writes the Thing: every text the scaffold left for them, as validate lists them.
    import json
    import re
    findings = json.loads(run("validate", "--format", "json", check=False).stdout)
    for index, finding in enumerate(f for f in findings if f["rule"] == "placeholder-text"):
        placeholder = re.match(r"“(.*)” is a placeholder", finding["message"]).group(1)
        path = folder / finding["file"]
        path.write_text(path.read_text().replace(placeholder, f"Written by the author, part {index}."))
    validated = run("validate", check=False)
    assert validated.returncode == 0, validated.stdout
    run("package", "--scorm")
    assert (folder / "build" / "first-aid-scorm12.zip").is_file()

    ed, rsa = tmp_path / "ed.pem", tmp_path / "rsa.pem"
    ed.write_text(ECC.generate(curve="Ed25519").export_key(format="PEM"))
    rsa.write_text(RSA.generate(2048).export_key().decode())
    os.chmod(ed, 0o600)
    os.chmod(rsa, 0o600)
    earners = tmp_path / "earners.csv"
    earners.write_text("email,badge,issuedOn\nann@example.org,thing-01,2026-11-20\n")
    base = "https://badges.first-aid-trust.org.uk"
    # Without the contexts, Data Integrity signing says how to get them.
    refused = run("badges", "issue", "--earners", earners, "--base-url", base, "--spec", "3.0", "--ed25519-key", ed,
                  check=False)
    assert refused.returncode == 2 and "toolkit badges contexts install" in refused.stderr, refused.stderr
    installed = run("badges", "contexts", "install", openbadgeslib_contexts())
    assert installed.stdout.count("installed ") == 4
    assert (home / ".local" / "share" / "course-toolkit" / "contexts" / "credentials-v2.json").is_file()
    run("badges", "issue", "--earners", earners, "--base-url", base, "--spec", "3.0", "--ed25519-key", ed,
        "--sign-key", rsa)
    credentials = sorted((folder / "build" / "first-aid-badges" / "ob3" / "credentials").glob("*.json"))
    assert len(credentials) == 1
    verified = run("badges", "verify", credentials[0], "--email", "ann@example.org")
    assert "valid Open Badges 3.0 (Data Integrity) credential" in verified.stdout
    assert not any(path for path in [ROOT.parent / "shared"] if str(path) in verified.stdout + verified.stderr)

    # VC-JWTs and revocation need no contexts: remove them and check the JWT, before and after revoking.
    for file in (home / ".local" / "share" / "course-toolkit" / "contexts").iterdir():
        file.unlink()
    jwt = credentials[0].with_suffix(".jwt")
    assert "valid Open Badges 3.0 (VC-JWT)" in run("badges", "verify", jwt).stdout
    run("badges", "revoke", "--email", "ann@example.org", "--badge", "thing-01", "--reason", "Issued in error",
        "--sign-key", rsa)
    revoked = run("badges", "verify", jwt, check=False)
    assert revoked.returncode == 1 and "the credential was revoked" in revoked.stderr, revoked.stdout + revoked.stderr
