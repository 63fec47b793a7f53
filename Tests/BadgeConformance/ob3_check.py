"""Checks a published Open Badges 3.0 folder with tools that are not ours (run in the venv
OB3_PYTHON names): every credential, profile and achievement against the official JSON Schemas,
every credential's Data Integrity proof with openbadgeslib's OB3LdpVerifier and every VC-JWT with
its OB3Verifier, baked PNG and SVG unbaked with openbadgeslib's baking module, and a tampered copy
of each rejected. Prints one JSON object: {"checked": [...], "problems": [...]}.

Usage: ob3_check.py FOLDER ED25519_PUBLIC_PEM RSA_PUBLIC_PEM SCHEMAS_FOLDER
"""
import copy
import json
import pathlib
import sys

import jsonschema
from openbadgeslib import baking
from openbadgeslib.ob3 import OB3LdpVerifier, OB3Verifier, verify_data_integrity_proof

folder, ed_pem, rsa_pem, schemas = map(pathlib.Path, sys.argv[1:5])
ob3 = folder / "ob3"
checked, problems = [], []


def schema(name):
    return jsonschema.Draft201909Validator(json.loads((schemas / "openbadges" / "v3" / "schema" / name).read_text()))


credential_schema, profile_schema = schema("achievementcredential.json"), schema("profile.json")
ldp = OB3LdpVerifier(pubkey_pem=ed_pem.read_bytes())
jwt = OB3Verifier(rsa_pem.read_bytes())


def expect(name, ok, detail=""):
    checked.append(name)
    if not ok:
        problems.append(f"{name}: {detail}")


def schema_errors(validator, document):
    return [f"{'/'.join(map(str, error.path))}: {error.message}" for error in validator.iter_errors(document)]


profile = json.loads((ob3 / "issuer.json").read_text())
errors = schema_errors(profile_schema, profile)
expect("profile schema", not errors, errors)
for path in sorted((ob3 / "achievements").glob("*.json")):
    achievement = json.loads(path.read_text())
    # No schema of its own: an Achievement is checked inside a credential, as the schema defines it.
    probe = {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:00000000-0000-4000-8000-000000000000", "type": ["VerifiableCredential", "OpenBadgeCredential"],
             "issuer": profile, "validFrom": "2026-01-01T00:00:00Z", "name": "probe",
             "credentialSubject": {"type": ["AchievementSubject"], "achievement": achievement}}
    errors = schema_errors(credential_schema, probe)
    expect(f"achievement schema {path.name}", not errors, errors)

for path in sorted((ob3 / "credentials").glob("*.json")):
    document = json.loads(path.read_text())
    errors = schema_errors(credential_schema, document)
    expect(f"credential schema {path.name}", not errors, errors)
    try:
        ldp.verify(copy.deepcopy(document))
        expect(f"Data Integrity {path.name}", True)
    except Exception as error:  # noqa: BLE001 - any failure is a finding
        expect(f"Data Integrity {path.name}", False, repr(error))
    tampered = copy.deepcopy(document)
    tampered["credentialSubject"]["achievement"]["name"] += " (forged)"
    try:
        ldp.verify(tampered)
        expect(f"tampered Data Integrity {path.name} rejected", False, "a changed credential verified")
    except Exception:  # noqa: BLE001
        expect(f"tampered Data Integrity {path.name} rejected", True)
    for image in ("png", "svg"):
        baked = path.with_suffix("." + image).read_bytes()
        text = (baking.extract_png(baked, keyword=baking.ITXT_KEYWORD_OB3) if image == "png"
                else baking.extract_svg(baked, element=baking.SVG_ELEMENT_OB3, text_fallback=True))
        expect(f"baked {image} {path.name}", text is not None and json.loads(text) == document, "not the credential")

for path in sorted((ob3 / "credentials").glob("*.jwt")):
    token = path.read_text().strip()
    try:
        jwt.verify(token)
        expect(f"VC-JWT {path.name}", True)
    except Exception as error:  # noqa: BLE001
        expect(f"VC-JWT {path.name}", False, repr(error))
    header, payload, signature = token.split(".")
    import base64
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    errors = schema_errors(credential_schema, {k: v for k, v in claims.items() if k not in ("iss", "nbf", "jti", "sub", "exp")})
    expect(f"VC-JWT schema {path.name}", not errors, errors)
    claims["name"] = "forged"
    forged = header + "." + base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=") + "." + signature
    try:
        jwt.verify(forged)
        expect(f"tampered VC-JWT {path.name} rejected", False, "a changed VC-JWT verified")
    except Exception:  # noqa: BLE001
        expect(f"tampered VC-JWT {path.name} rejected", True)

status = ob3 / "status" / "revocation.json"
if status.exists():
    status_list = json.loads(status.read_text())
    try:
        verify_data_integrity_proof(status_list, ed_pem.read_bytes())
        expect("status list Data Integrity", True)
    except Exception as error:  # noqa: BLE001
        expect("status list Data Integrity", False, repr(error))

print(json.dumps({"checked": checked, "problems": problems}))
