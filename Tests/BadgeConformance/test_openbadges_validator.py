"""Exported issuer and badge classes, and issued assertions (hosted and signed, JSON, PNG and SVG),
pass the 1EdTech Open Badges validator (PyPI openbadges 1.1.2) offline; `bakery unbake` gives back
exactly the hosted assertion."""
import json
import os
import pathlib

import pytest
from defusedxml import minidom
from openbadges_bakery import unbake

from openbadges_support import ROOT, toolkit

COURSE = ROOT / "Courses" / "sssc-23-things-leadership"
EMAIL = "ann@example.org"


def issue(folder, base, rows, course=COURSE, key=None):
    earners = folder.parent / "earners.csv"
    earners.write_text("email,badge,issuedOn,evidenceUrl,evidenceNarrative\n" + "".join(row + "\n" for row in rows))
    signing = ["--sign-key", key] if key else []
    result = toolkit("badges", "issue", course, "--earners", earners, "--base-url", base, "--output", folder, *signing)
    return result


def test_issuer_and_every_badge_class_validate(published, validator):
    folder, base = published
    toolkit("badges", "export", COURSE, "--base-url", base, "--output", folder)
    names = sorted(path.name for path in (folder / "badges").glob("*.json"))
    assert names == [
        "evaluation-of-impact.json", "leadership-fundamentals.json", "self-leadership.json",
        "six-leadership-capabilities.json", "supporting-leadership.json", "thing-02.json"]
    for path in ["issuer.json"] + [f"badges/{name}" for name in names]:
        valid, errors, _ = validator(f"{base}/{path}")
        assert valid and errors == [], (path, errors)


def test_hosted_assertions_validate_as_json_png_and_svg(published, validator):
    folder, base = published
    result = issue(folder, base, [f"{EMAIL},thing-02,2026-11-20,https://blog.example.org/ann/thing-2,My reflective statement"])
    assert result.returncode == 0, result.stderr
    stems = sorted({path.stem for path in (folder / "assertions").iterdir()})
    assert len(stems) == 1
    stem = stems[0]
    valid, errors, _ = validator(f"{base}/assertions/{stem}.json", EMAIL)
    assert valid and errors == [], errors
    for extension in ("png", "svg"):
        with open(folder / "assertions" / f"{stem}.{extension}", "rb") as image:
            valid, errors, _ = validator(image, EMAIL)
        assert valid and errors == [], (extension, errors)
        hosted = (folder / "assertions" / f"{stem}.json").read_text()
        with open(folder / "assertions" / f"{stem}.{extension}", "rb") as image:
            baked = unbake(image)
        if extension == "png":
            assert baked == hosted
        else:
            # bakery returns an SVG's `verify` attribute when there is one (the hosted URL, as the
            # baking spec asks); the CDATA beside it is the hosted JSON, byte for byte.
            assert baked == f"{base}/assertions/{stem}.json"
            svg = minidom.parse(str(folder / "assertions" / f"{stem}.svg"))
            element = svg.getElementsByTagName("openbadges:assertion")
            assert len(element) == 1
            assert element[0].firstChild.nodeValue == hosted
    # The wrong earner does not validate.
    valid, _, _ = validator(f"{base}/assertions/{stem}.json", "someone.else@example.org")
    assert not valid


def test_signed_assertions_validate_and_revocation_is_seen(published, validator, tmp_path):
    from Crypto.PublicKey import RSA

    folder, base = published
    key = tmp_path / "issuer.pem"
    key.write_bytes(RSA.generate(2048).export_key())
    os.chmod(key, 0o600)
    result = issue(folder, base, [f"{EMAIL},thing-02,2026-11-20T09:30:00Z,,"], key=key)
    assert result.returncode == 0, result.stderr
    jws_files = list((folder / "assertions").glob("*.jws"))
    assert len(jws_files) == 1
    jws = jws_files[0].read_text().strip()
    valid, errors, _ = validator(jws, EMAIL)
    assert valid and errors == [], errors
    for extension in ("png", "svg"):
        path = jws_files[0].with_suffix("." + extension)
        with open(path, "rb") as image:
            valid, errors, _ = validator(image, EMAIL)
        assert valid and errors == [], (extension, errors)
        with open(path, "rb") as image:
            assert unbake(image) == jws
    assert "PRIVATE KEY" not in "".join(p.read_text(errors="ignore") for p in folder.rglob("*") if p.is_file())
    toolkit("badges", "revoke", "urn:uuid:" + jws_files[0].stem, "--reason", "Issued in error", "--output", folder)
    revoked = json.loads((folder / "revocations.json").read_text())["revokedAssertions"]
    assert revoked == [{"id": "urn:uuid:" + jws_files[0].stem, "revocationReason": "Issued in error"}]
    # openbadges 1.1.2 misses a list of exactly one revoked assertion (JSON-LD compaction turns it
    # into an object it then iterates by key), so the revocation is checked with our verifier.
    check = toolkit("badges", "verify", jws_files[0].with_suffix(".png"), "--output", folder, check=False)
    assert check.returncode == 1 and "revoked: Issued in error" in check.stderr


def write_two_thing_workspace(root):
    """A small workspace whose collection has two published Things, so a collection can be earned."""
    (root / "Courses" / "demo" / "things").mkdir(parents=True)
    (root / "Badges" / "badges").mkdir(parents=True)
    (root / "Badges" / "images").mkdir(parents=True)
    art = (ROOT / "Badges" / "images" / "thing-02.png").read_bytes()
    svg = (ROOT / "Badges" / "images" / "thing-02.svg").read_bytes()
    for name in ("one", "two", "both", "issuer"):
        (root / "Badges" / "images" / f"{name}.png").write_bytes(art)
        (root / "Badges" / "images" / f"{name}.svg").write_bytes(svg)
    (root / "Courses" / "demo" / "course.yaml").write_text(
        "id: demo\ntitle: Demo\nlanguage: en-GB\nissuer: demo\nlicence:\n  name: CC BY 4.0\n"
        "  url: https://creativecommons.org/licenses/by/4.0/\nattribution: Demo.\nthings: [thing-01, thing-02]\n"
        "collections:\n  - id: both\n    title: Both\n    badge: both\n    things: [thing-01, thing-02]\n")
    for number in (1, 2):
        (root / "Courses" / "demo" / "things" / f"thing-0{number}.md").write_text(
            f"---\nid: thing-0{number}\nnumber: {number}\ntitle: Thing {number}\nstatus: published\n"
            f"badge: {'one' if number == 1 else 'two'}\ncountsTowards: [both]\naim: Learn.\nactivities:\n"
            "  - id: reflect\n    type: reflection\n    title: Reflect\n    minWords: 200\n---\n\nBody.\n")
    (root / "Badges" / "issuer.yaml").write_text(
        "id: demo\nname: Demo Issuer\nurl: https://www.demo-issuer.org\nemail: badges@demo-issuer.org\nimage: images/issuer.png\n"
        "description: Demo.\n")
    for badge, kind in (("one", "thing"), ("two", "thing"), ("both", "collection")):
        (root / "Badges" / "badges" / f"{badge}.yaml").write_text(
            f"id: {badge}\nkind: {kind}\nname: Demo {badge}\ndescription: The {badge} badge.\nimage: images/{badge}.png\n")
    return root / "Courses" / "demo"


def test_collection_is_awarded_with_member_assertions_as_evidence(published, validator, tmp_path):
    folder, base = published
    course = write_two_thing_workspace(tmp_path / "workspace")
    check = toolkit("validate", course, check=False)
    assert check.returncode == 0, check.stdout
    first = issue(folder, base, [f"{EMAIL},one,2026-11-01,,"], course=course)
    assert "0 collection badges" in first.stdout, first.stdout
    second = issue(folder, base, [f"{EMAIL},one,2026-11-01,,", f"{EMAIL},two,2026-11-05,,"], course=course)
    assert "issued 1 assertion and 1 collection badge" in second.stdout, second.stdout
    assert "1 row was already issued" in second.stdout
    documents = [json.loads(path.read_text()) for path in (folder / "assertions").glob("*.json")]
    collection = next(doc for doc in documents if doc["badge"].endswith("/badges/both.json"))
    members = {doc["id"] for doc in documents if not doc["badge"].endswith("/badges/both.json")}
    assert {evidence["id"] for evidence in collection["evidence"]} == members
    assert collection["issuedOn"] == "2026-11-05T00:00:00Z"
    valid, errors, _ = validator(collection["id"], EMAIL)
    assert valid and errors == [], errors
    # Running the same file again issues nothing new.
    again = issue(folder, base, [f"{EMAIL},one,2026-11-01,,", f"{EMAIL},two,2026-11-05,,"], course=course)
    assert "issued 0 assertions and 0 collection badges" in again.stdout
    assert len(list((folder / "assertions").glob("*.json"))) == 3

