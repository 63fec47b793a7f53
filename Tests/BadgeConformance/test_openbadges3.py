"""Open Badges 3.0 beside 2.0, checked by tools that are not ours: the official JSON Schemas and
openbadgeslib's verifiers (Data Integrity through pyld with pinned contexts, and VC-JWT), offline,
in their own environment (OB3_PYTHON, which Scripts/test installs); plus our own verifier on what
they accept and on tampered copies."""
import json
import pathlib
import os
import shutil
import subprocess

import pytest
from Crypto.PublicKey import ECC, RSA

from openbadges_support import HERE, ROOT, SCHEMAS, toolkit
from test_openbadges_validator import write_two_thing_workspace

BASE = "https://badges.example.org/sssc"
EMAIL = "ann@example.org"
# The contexts `toolkit badges contexts install` put in place from openbadgeslib (Scripts/test does it),
# else the pinned copies in ../shared.
CONTEXTS = pathlib.Path(os.environ.get("COURSE_TOOLKIT_TEST_CONTEXTS", SCHEMAS / "openbadges" / "v3"))


@pytest.fixture
def keys(tmp_path):
    """An Ed25519 and an RSA private key (mode 600) with their public halves."""
    ed = ECC.generate(curve="Ed25519")
    rsa = RSA.generate(2048)
    paths = {}
    for name, private, public in (("ed", ed.export_key(format="PEM"), ed.public_key().export_key(format="PEM")),
                                  ("rsa", rsa.export_key().decode(), rsa.publickey().export_key().decode())):
        paths[name] = tmp_path / f"{name}.pem"
        paths[name].write_text(private)
        os.chmod(paths[name], 0o600)
        paths[name + ".pub"] = tmp_path / f"{name}.pub"
        paths[name + ".pub"].write_text(public)
    return paths


def independent_check(folder, keys):
    python = os.environ.get("OB3_PYTHON")
    if not python:
        pytest.skip("OB3_PYTHON is not set (Scripts/test installs openbadgeslib[ldp] in its own environment)")
    result = subprocess.run(
        [python, str(HERE / "ob3_check.py"), str(folder), str(keys["ed.pub"]), str(keys["rsa.pub"]), str(SCHEMAS)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def issue(folder, rows, keys, spec="both", workspace=ROOT, extra=()):
    earners = folder.parent / "earners.csv"
    earners.write_text("email,badge,issuedOn,evidenceUrl,evidenceNarrative,name\n" + "\n".join(rows) + "\n")
    return toolkit("badges", "issue", workspace, "--earners", earners, "--base-url", BASE, "--output", folder,
                   "--spec", spec, "--ed25519-key", keys["ed"], "--sign-key", keys["rsa"], "--contexts", CONTEXTS,
                   *extra, check=False)


@pytest.fixture(autouse=True)
def contexts_present():
    if not CONTEXTS.exists():
        pytest.skip(f"no Open Badges 3.0 contexts at {CONTEXTS}")


def test_bundled_course_credentials_pass_schemas_and_verify_independently(tmp_path, keys):
    folder = tmp_path / "published"
    # With the earner's name: wallets show it; the official schema and openbadgeslib accept it beside the hashed email.
    result = issue(folder, [f"{EMAIL},thing-02,2026-11-20T09:30:00Z,https://example.org/evidence/1,My reflection,Ann Example"], keys)
    assert result.returncode == 0, result.stderr
    assert "each as a 2.0 assertion and a 3.0 credential" in result.stdout
    report = independent_check(folder, keys)
    assert report["problems"] == []
    checked = " ".join(report["checked"])
    for kind in ("profile schema", "achievement schema", "credential schema", "Data Integrity", "VC-JWT",
                 "tampered Data Integrity", "tampered VC-JWT", "baked png", "baked svg", "status list Data Integrity"):
        assert kind in checked, kind
    # Our verifier agrees, offline, on every form, and says plainly whether the recipient matches.
    for path in sorted((folder / "ob3" / "credentials").iterdir()):
        ours = toolkit("badges", "verify", path, "--output", folder, "--email", EMAIL, "--contexts", CONTEXTS, check=False)
        assert ours.returncode == 0, (path.name, ours.stderr)
        assert "yes, the recipient matches" in ours.stdout
        other = toolkit("badges", "verify", path, "--output", folder, "--email", "bob@example.org", "--contexts", CONTEXTS,
                        check=False)
        assert other.returncode == 1 and "NO, this badge was issued to someone else" in other.stdout
    credential = next((folder / "ob3" / "credentials").glob("*.json"))
    document = json.loads(credential.read_text())
    assert document["credentialSubject"]["identifier"][0]["identityHash"].startswith("sha256$")
    assert EMAIL not in credential.read_text()
    assert isinstance(document["proof"], list) and document["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    document["validFrom"] = "2020-01-01T00:00:00Z"
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(document))
    ours = toolkit("badges", "verify", forged, "--output", folder, "--contexts", CONTEXTS, check=False)
    assert ours.returncode == 1 and "does not verify" in ours.stderr


def test_two_point_zero_documents_are_unchanged_by_three_point_zero(tmp_path, keys):
    only_two = tmp_path / "two"
    both = tmp_path / "both"
    assert toolkit("badges", "export", "--base-url", BASE, "--output", only_two, "--sign-key", keys["rsa"],
                   check=False).returncode == 0
    assert toolkit("badges", "export", "--base-url", BASE, "--output", both, "--sign-key", keys["rsa"], "--spec", "both",
                   "--ed25519-key", keys["ed"], "--contexts", CONTEXTS, check=False).returncode == 0
    two_files = sorted(p.relative_to(only_two) for p in only_two.rglob("*") if p.is_file())
    assert two_files and all((both / p).read_bytes() == (only_two / p).read_bytes() for p in two_files)
    assert not any(str(p).startswith("ob3") for p in two_files)


def test_collection_credential_and_revocation(tmp_path, keys):
    course = write_two_thing_workspace(tmp_path / "workspace")
    folder = tmp_path / "published"
    rows = [f"{EMAIL},one,2026-11-20,,", f"{EMAIL},two,2026-11-21,,"]
    result = issue(folder, rows, keys, workspace=course)
    assert result.returncode == 0, result.stderr
    assert "and 1 collection badge" in result.stdout
    report = independent_check(folder, keys)
    assert report["problems"] == []
    assert len([name for name in report["checked"] if name.startswith("Data Integrity")]) == 3
    listed = json.loads(toolkit("badges", "list", "--output", folder, "--format", "json").stdout)
    both = next(h for h in listed if h["badge"] == "both")
    assert both["credential"].startswith("urn:uuid:") and both["assertion"].startswith("urn:uuid:")
    collection = json.loads((folder / "ob3" / "credentials" / (both["credential"][9:] + ".json")).read_text())
    members = {h["credential"] for h in listed if h["badge"] in ("one", "two")}
    assert {e["id"] for e in collection["evidence"]} >= {h["assertion"] for h in listed if h["badge"] in ("one", "two")} or \
        {e["id"] for e in collection["evidence"]} >= members
    # Revoking needs the keys (the status list is signed again); then both forms read as revoked.
    refused = toolkit("badges", "revoke", "--email", EMAIL, "--badge", "one", "--reason", "Issued in error",
                      "--output", folder, check=False)
    assert refused.returncode == 1 and "pass the keys" in refused.stderr
    revoked = toolkit("badges", "revoke", "--email", EMAIL, "--badge", "one", "--reason", "Issued in error",
                      "--output", folder, "--ed25519-key", keys["ed"], "--sign-key", keys["rsa"], "--contexts", CONTEXTS,
                      check=False)
    assert revoked.returncode == 0, revoked.stderr
    one = next(h for h in listed if h["badge"] == "one")
    for extension in ("json", "jwt", "png"):
        path = folder / "ob3" / "credentials" / (one["credential"][9:] + "." + extension)
        ours = toolkit("badges", "verify", path, "--output", folder, "--contexts", CONTEXTS, check=False)
        assert ours.returncode == 1 and "the credential was revoked" in ours.stderr, (extension, ours.stderr)
    # The re-signed status list still verifies independently.
    assert independent_check(folder, keys)["problems"] == []


def test_did_web_credentials_verify_with_openbadgeslib_resolving_the_published_did_document(tmp_path, keys):
    """--issuer-did: openbadgeslib's own did:web verifiers accept the Data Integrity proofs and the VC-JWTs,
    resolving did.json from the published folder, and the proof purpose holds as verifier-core checks it."""
    python = os.environ.get("OB3_PYTHON")
    assert python, "OB3_PYTHON is not set (Scripts/test installs openbadgeslib in its own environment)"
    folder = tmp_path / "published"
    did = "did:web:badges.example.org:sssc"
    result = issue(folder, [f"{EMAIL},thing-02,2026-11-20,,"], keys, spec="3.0", extra=("--issuer-did", did))
    assert result.returncode == 0, result.stderr
    document = json.loads((folder / "did.json").read_text())
    assert document["id"] == did and len(document["assertionMethod"]) == 2
    checked = subprocess.run([python, str(HERE / "ob3_did_check.py"), str(folder), BASE, did], capture_output=True,
                             text=True, timeout=600)
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["problems"] == [], report["problems"]
    assert any(name.startswith("Data Integrity (did:web)") for name in report["checked"])
    assert any(name.startswith("VC-JWT (did:web)") for name in report["checked"])

