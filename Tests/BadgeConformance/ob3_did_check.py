"""Checks the 3.0 credentials of a folder published with `--issuer-did` with openbadgeslib's own
did:web support (run in OB3_PYTHON's venv): OB3LdpVerifier.for_issuer_did for the Data Integrity
proofs and OB3Verifier.for_issuer_did for the VC-JWTs, resolving did.json and every other address
from the published folder through a download function (no network); then a purpose check written
like verifier-core's: the proof's verification method must be listed under assertionMethod in its
controller's document, and a method that is not listed must fail. Prints {"checked": [...], "problems": [...]}.

Usage: ob3_did_check.py FOLDER BASE_URL DID
"""
import copy
import json
import pathlib
import sys

from openbadgeslib.ob3 import OB3LdpVerifier, OB3Verifier

folder, base, did = pathlib.Path(sys.argv[1]), sys.argv[2].rstrip("/"), sys.argv[3]
checked, problems = [], []


def download(url, *args, **kwargs):
    if not url.startswith(base + "/"):
        raise IOError(f"{url} is not under the published folder")
    return (folder / url[len(base) + 1:]).read_bytes()


def expect(name, ok, detail=""):
    checked.append(name)
    if not ok:
        problems.append(f"{name}: {detail}")


def purpose_allows(method):
    """verifier-core's proof-purpose check: the controller lists the method under assertionMethod."""
    document = json.loads(download(base + "/did.json"))
    return method.split("#")[0] == document["id"] and method in document.get("assertionMethod", [])


ldp = OB3LdpVerifier.for_issuer_did(did, download)
jwt = OB3Verifier.for_issuer_did(did, download)
for path in sorted((folder / "ob3" / "credentials").glob("*.json")):
    document = json.loads(path.read_text())
    try:
        # As ob3_check.py does for https issuers: openbadgeslib reads a status list only as a VC-JWT, and ours
        # (a Data Integrity list beside a VC-JWT twin) is checked by our verifier and the verification page.
        ldp.verify(copy.deepcopy(document), download=download)
        expect(f"Data Integrity (did:web) {path.name}", True)
    except Exception as error:  # noqa: BLE001 - any refusal is a problem to report
        expect(f"Data Integrity (did:web) {path.name}", False, repr(error))
    method = document["proof"][0]["verificationMethod"] if isinstance(document["proof"], list) else document["proof"]["verificationMethod"]
    expect(f"purpose {path.name}", purpose_allows(method), method)
    expect(f"purpose refuses an unlisted key {path.name}", not purpose_allows(did + "#not-listed"))
for path in sorted((folder / "ob3" / "credentials").glob("*.jwt")):
    try:
        jwt.verify(path.read_text().strip())
        expect(f"VC-JWT (did:web) {path.name}", True)
    except Exception as error:  # noqa: BLE001
        expect(f"VC-JWT (did:web) {path.name}", False, repr(error))
print(json.dumps({"checked": checked, "problems": problems}))
