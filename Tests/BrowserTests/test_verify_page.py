"""The verification page published with the badges (verify/index.html), in a real browser, served from
the published folder as any static host would: a baked 3.0 PNG (VC-JWT) and a baked 2.0 PNG (signed JWS)
are confirmed with the issuer's published keys; the email is checked; revocation, a tampered token and
a badge of another issuer are refused."""
import functools
import http.server
import os
import shutil
import subprocess
import threading

import pytest
from Crypto.PublicKey import RSA
from playwright.sync_api import expect

from browser_support import ROOT, toolkit_binary

BASE_PATH = "/sssc"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def site(tmp_path):
    """A static host on 127.0.0.1 serving tmp_path/site; publish(name, expires_after_days) issues the bundled
    course's Thing 2 badge to ann (2.0 signed and 3.0 VC-JWT) into /<name>/ of it."""
    root = tmp_path / "site"
    root.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    key = tmp_path / "rsa.pem"
    key.write_text(RSA.generate(2048).export_key().decode())
    os.chmod(key, 0o600)

    def publish(name, expires_after_days=None):
        workspace = tmp_path / f"workspace-{name}"
        shutil.copytree(ROOT / "Courses", workspace / "Courses")
        shutil.copytree(ROOT / "Badges", workspace / "Badges")
        if expires_after_days:
            badge = workspace / "Badges" / "badges" / "thing-02.yaml"
            badge.write_text(badge.read_text() + f"expiresAfterDays: {expires_after_days}\n")
        earners = tmp_path / f"earners-{name}.csv"
        earners.write_text("email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\n")
        folder = root / name
        base = f"http://127.0.0.1:{server.server_address[1]}/{name}"
        issued = subprocess.run([toolkit_binary(), "badges", "issue", "--earners", earners, "--base-url", base, "--spec",
                                 "both", "--sign-key", key, "--output", folder], cwd=workspace, capture_output=True, text=True)
        assert issued.returncode == 0, issued.stderr
        return folder, base, workspace

    yield publish, key
    server.shutdown()
    server.server_close()


@pytest.fixture
def published(site):
    publish, key = site
    folder, base, workspace = publish("sssc")
    return folder, base, workspace, key


def check(context, base, file=None, text=None, email=""):
    page = context.new_page()
    page.goto(f"{base}/verify/index.html")
    if file:
        page.set_input_files("#file", str(file))
    if text:
        page.fill("#text", text)
    page.fill("#email", email)
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#verdict")).not_to_be_empty()
    return page.locator("#verdict").inner_text(), page.locator("#checks").inner_text()


def test_the_published_page_confirms_badges_and_refuses_what_is_wrong(context, published):
    folder, base, workspace, key = published
    credential_png = next((folder / "ob3" / "credentials").glob("*.png"))
    assertion_png = next((folder / "assertions").glob("*.png"))
    for png in (credential_png, assertion_png):
        verdict, checks = check(context, base, file=png, email="ann@example.org")
        assert verdict == "This badge is valid.", checks
        assert "signed by the issuer's published key" in checks and "issued to ann@example.org" in checks
        verdict, checks = check(context, base, file=png, email="bob@example.org")
        assert verdict == "This badge could not be confirmed." and "not issued to bob@example.org" in checks
    # A token changed by one character does not verify.
    jwt = next((folder / "ob3" / "credentials").glob("*.jwt")).read_text().strip()
    header, payload, signature = jwt.split(".")
    tampered = f"{header}.{payload}.{('A' if signature[0] != 'A' else 'B') + signature[1:]}"
    verdict, checks = check(context, base, text=tampered)
    assert verdict == "This badge could not be confirmed." and "does not match" in checks
    # Revoked: both forms say so.
    revoked = subprocess.run([toolkit_binary(), "badges", "revoke", "--email", "ann@example.org", "--badge", "thing-02",
                              "--reason", "Issued in error", "--sign-key", key, "--output", folder], cwd=workspace,
                             capture_output=True, text=True)
    assert revoked.returncode == 0, revoked.stderr
    for png in (credential_png, assertion_png):
        verdict, checks = check(context, base, file=png)
        assert verdict == "This badge was revoked." and "revoked by the issuer" in checks, checks


def test_the_page_and_badges_verify_agree_on_every_case(context, site, tmp_path):
    """Valid, another earner, tampered, expired, revoked: the page and `toolkit badges verify` say the same."""
    publish, key = site
    folder, base, workspace = publish("agree")
    expired_folder, expired_base, _ = publish("expired", expires_after_days=1)
    jwt = next((folder / "ob3" / "credentials").glob("*.jwt")).read_text().strip()
    header, payload, signature = jwt.split(".")
    tampered = tmp_path / "tampered.jwt"
    tampered.write_text(f"{header}.{payload}.{('A' if signature[0] != 'A' else 'B') + signature[1:]}")
    cases = [
        ("3.0 PNG", folder, base, next((folder / "ob3" / "credentials").glob("*.png")), "ann@example.org", "This badge is valid."),
        ("2.0 PNG", folder, base, next((folder / "assertions").glob("*.png")), "ann@example.org", "This badge is valid."),
        ("another earner", folder, base, next((folder / "assertions").glob("*.png")), "bob@example.org",
         "This badge could not be confirmed."),
        ("tampered", folder, base, tampered, "", "This badge could not be confirmed."),
        ("expired 3.0", expired_folder, expired_base, next((expired_folder / "ob3" / "credentials").glob("*.png")), "",
         "This badge has expired."),
        ("expired 2.0", expired_folder, expired_base, next((expired_folder / "assertions").glob("*.png")), "",
         "This badge has expired."),
    ]
    for name, case_folder, case_base, file, email, expected in cases:
        verdict, checks = check(context, case_base, file=file, email=email)
        assert verdict == expected, (name, checks)
        arguments = [toolkit_binary(), "badges", "verify", str(file), "--output", str(case_folder)]
        if email:
            arguments += ["--email", email]
        cli = subprocess.run(arguments, capture_output=True, text=True)
        assert (cli.returncode == 0) == (expected == "This badge is valid."), (name, cli.stdout, cli.stderr)
    revoked = subprocess.run([toolkit_binary(), "badges", "revoke", "--email", "ann@example.org", "--badge", "thing-02",
                              "--reason", "Issued in error", "--sign-key", key, "--output", folder], cwd=workspace,
                             capture_output=True, text=True)
    assert revoked.returncode == 0, revoked.stderr
    for png in (next((folder / "ob3" / "credentials").glob("*.png")), next((folder / "assertions").glob("*.png"))):
        verdict, checks = check(context, base, file=png)
        assert verdict == "This badge was revoked.", checks
        cli = subprocess.run([toolkit_binary(), "badges", "verify", str(png), "--output", str(folder)], capture_output=True,
                             text=True)
        assert cli.returncode == 1 and "revoked" in cli.stderr, cli.stderr

