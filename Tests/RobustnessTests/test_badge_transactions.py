"""Badge operations as transactions, with real processes: two administrators issuing the same file
at once issue each row once, twenty revocations at once all land, a re-export never undoes what was
published, and a run killed at any moment leaves whole files and no litter after the next run."""
import json
import os
import random
import shutil
import signal
import subprocess
import time

import pytest
from Crypto.PublicKey import RSA

from test_interrupted_and_concurrent_builds import ROOT, binary

BASE = "https://badges.example.org/sssc"
COURSE = "Courses/sssc-23-things-leadership"


@pytest.fixture
def workspace(tmp_path):
    for folder in ("Courses", "Badges"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


@pytest.fixture
def key(tmp_path):
    path = tmp_path / "issuer.pem"
    path.write_bytes(RSA.generate(2048).export_key())
    os.chmod(path, 0o600)
    return path


def earners(workspace, count, name="earners.csv"):
    rows = ["email,badge,issuedOn"] + [f"person{n}@example.org,thing-02,2026-11-20" for n in range(count)]
    (workspace / name).write_text("\n".join(rows) + "\n")
    return name


def start(workspace, *arguments):
    return subprocess.Popen([binary(), "badges", *arguments], cwd=workspace, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(workspace, *arguments):
    process = start(workspace, *arguments)
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def folder(workspace):
    return workspace / "build" / "sssc-23-things-leadership-badges"


def ledger(workspace):
    return json.loads((workspace / "build" / "sssc-23-things-leadership-badges.ledger.json").read_text())


def litter(path):
    return [os.path.join(where, name) for where, _, names in os.walk(path) for name in names if ".tmp-" in name]


def test_the_same_earners_file_issued_twice_at_once_issues_each_row_once(workspace):
    name = earners(workspace, 40)
    first = start(workspace, "issue", "--earners", name, "--base-url", BASE)
    second = start(workspace, "issue", "--earners", name, "--base-url", BASE)
    results = [process.communicate(timeout=300) + (process.returncode,) for process in (first, second)]
    assert [code for _, _, code in results] == [0, 0], results
    outputs = " ".join(out for out, _, _ in results)
    # One run issued all 40 (and the collection badge check found nothing to award); the other found them issued.
    assert "issued 40 assertions" in outputs and "40 rows were already issued" in outputs, outputs
    holders = ledger(workspace)["earners"]
    assert len(holders) == 40 and all(list(badges) == ["thing-02"] for badges in holders.values())
    assert len(list((folder(workspace) / "assertions").glob("*.json"))) == 40
    assert oct(os.stat(workspace / "build" / "sssc-23-things-leadership-badges.ledger.json").st_mode & 0o777) == "0o600"


def test_twenty_revocations_at_once_all_land(workspace, key):
    name = earners(workspace, 20)
    code, _, err = run(workspace, "issue", "--earners", name, "--base-url", BASE, "--sign-key", str(key))
    assert code == 0, err
    ids = [holding["thing-02"]["assertionID"] for holding in ledger(workspace)["earners"].values()]
    processes = [start(workspace, "revoke", assertion, "--reason", f"Reason {n}") for n, assertion in enumerate(ids)]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    revoked = json.loads((folder(workspace) / "revocations.json").read_text())["revokedAssertions"]
    assert sorted(entry["id"] for entry in revoked) == sorted(ids)


def test_a_re_export_never_undoes_what_was_published(workspace, key, tmp_path):
    code, _, err = run(workspace, "issue", "--earners", earners(workspace, 1), "--base-url", BASE, "--sign-key", str(key))
    assert code == 0, err
    [assertion] = [holding["thing-02"]["assertionID"] for holding in ledger(workspace)["earners"].values()]
    assert run(workspace, "revoke", assertion, "--reason", "Duplicate")[0] == 0
    issuer = json.loads((folder(workspace) / "issuer.json").read_text())
    # Re-exported without the key: the key and the revocation list stay published and named.
    code, _, err = run(workspace, "export", "--base-url", BASE)
    assert code == 0, err
    assert "signing key and revocation list are kept" in err
    again = json.loads((folder(workspace) / "issuer.json").read_text())
    assert again["publicKey"] == issuer["publicKey"] and again["revocationList"] == issuer["revocationList"]
    assert len(json.loads((folder(workspace) / "revocations.json").read_text())["revokedAssertions"]) == 1
    # A new key: published beside the old one, which stays, so the earlier badge still verifies (as revoked).
    other = tmp_path / "other.pem"
    other.write_bytes(RSA.generate(2048).export_key())
    os.chmod(other, 0o600)
    code, _, err = run(workspace, "export", "--base-url", BASE, "--sign-key", str(other))
    assert code == 0 and "the signing key changed" in err, err
    assert len(list((folder(workspace) / "keys").glob("*.json"))) == 2
    baked = next((folder(workspace) / "assertions").glob("*.png"))
    code, _, err = run(workspace, "verify", str(baked))
    assert code == 1 and "revoked: Duplicate" in err, err
    # Another base URL is refused unless asked for, and so are URLs a platform might misread.
    code, _, err = run(workspace, "export", "--base-url", "https://elsewhere.example.org/badges")
    assert code == 1 and "was published under https://badges.example.org/sssc" in err, err
    for bad in ("https://user:secret@badges.example.org", "https://badges.example.org/a b", "https://badges.example.org/%2e%2e"):
        assert run(workspace, "export", "--base-url", bad)[0] == 2, bad


@pytest.mark.parametrize("operation", ["issue", "export", "revoke"])
def test_a_badge_operation_killed_at_random_moments_leaves_whole_files(workspace, key, operation):
    name = earners(workspace, 300)
    code, _, err = run(workspace, "issue", "--earners", earners(workspace, 5, "first.csv"), "--base-url", BASE, "--sign-key", str(key))
    assert code == 0, err
    ids = [holding["thing-02"]["assertionID"] for holding in ledger(workspace)["earners"].values()]
    arguments = {
        "issue": ["issue", "--earners", name, "--base-url", BASE, "--sign-key", str(key)],
        "export": ["export", "--base-url", BASE, "--sign-key", str(key)],
        "revoke": ["revoke", ids[0], "--reason", "Killed"],
    }[operation]
    started = time.monotonic()
    assert run(workspace, *arguments)[0] == 0
    duration = time.monotonic() - started
    rng = random.Random(20261202)
    for _ in range(8):
        process = start(workspace, *arguments)
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Whatever the moment, every published JSON document is whole.
        for document in folder(workspace).rglob("*.json"):
            json.loads(document.read_text())
        json.loads((workspace / "build" / "sssc-23-things-leadership-badges.ledger.json").read_text())
    code, _, err = run(workspace, *arguments)
    assert code == 0, err
    assert litter(folder(workspace)) == [], "the next run removes what killed runs left"
