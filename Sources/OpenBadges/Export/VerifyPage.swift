import CourseModel

/// `verify/index.html`, published with the badges: a page anyone can open from the issuer's own site
/// (any static host, no server code, no third-party script) to check a badge without a platform or
/// this toolkit. Drop a baked PNG or SVG, or paste an assertion, a JWS or a VC-JWT; the page reads the
/// issuer's published files beside it (same origin, under the folder only) and checks with the
/// browser's own Web Crypto: the RS256 signature of a 2.0 signed assertion or a 3.0 VC-JWT against the
/// published key, a hosted assertion against its hosted copy, the issuer, the dates, the recipient
/// (when an email is given) and revocation (2.0 revocation list, 3.0 Bitstring Status List as a
/// VC-JWT). A 3.0 credential secured only by a Data Integrity proof is checked through its VC-JWT
/// twin when the issuer published one (checking `eddsa-rdfc-2022` in the page would need RDF
/// canonicalisation in JavaScript); otherwise the page says to use `toolkit badges verify`.
enum VerifyPage {
    /// The page, reading the folder's files where `layout` puts them.
    static func html(layout: PublishedBadgesLayout) -> String {
        let statusListJWT = layout.ob3StatusListJWT
        let credentialsFolder = String(layout.ob3Credential(uuid: "", extension: "").dropLast(2))
        return #"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:">
            <title>Check a badge</title>
            <style>
              body { font: 1rem/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
              label { display: block; font-weight: 600; margin-top: 1rem; }
              textarea, input[type=email] { width: 100%; box-sizing: border-box; font: inherit; padding: 0.4rem; }
              button { margin-top: 1rem; font: inherit; padding: 0.5rem 1rem; }
              #verdict { font-size: 1.2rem; font-weight: 700; margin-top: 1.5rem; }
              .ok { color: #0b6b2e; } .bad { color: #a4161a; }
              li { margin: 0.25rem 0; }
            </style>
            </head>
            <body>
            <main>
            <h1>Check a badge</h1>
            <p>Choose a badge image (PNG or SVG) or paste the badge's text. The check runs in this browser
            against the issuer's files published beside this page; nothing is sent anywhere.</p>
            <form id="form">
              <label for="file">Badge image or file</label>
              <input id="file" type="file" accept=".png,.svg,.json,.jws,.jwt,image/png,image/svg+xml,application/json">
              <label for="text">Or paste the assertion, JWS or VC-JWT</label>
              <textarea id="text" rows="5"></textarea>
              <label for="email">Earner's email (optional: to check who it was issued to)</label>
              <input id="email" type="email" autocomplete="off">
              <button type="submit">Check</button>
            </form>
            <p id="verdict" role="status" aria-live="polite"></p>
            <ul id="checks"></ul>
            </main>
            <script>
            "use strict";
            (function () {
              var folder = new URL("\#(String(repeating: "../", count: layout.verifyPage.split(separator: "/").count - 1))", window.location.href);
              var checks = [];
              function note(ok, text) { checks.push({ ok: ok, text: text }); }

              /* A file of the issuer's folder: same origin, below the folder, never anywhere else. */
              function inFolder(url) {
                try {
                  var target = new URL(url, folder);
                  return target.origin === folder.origin && target.pathname.indexOf(folder.pathname) === 0 ? target : null;
                } catch (error) { return null; }
              }
              function fetchText(url) {
                var target = inFolder(url);
                if (!target) return Promise.reject(new Error(url + " is not a file published beside this page"));
                return fetch(target.href, { cache: "no-store", credentials: "omit" }).then(function (response) {
                  if (!response.ok) throw new Error(url + " answered " + response.status);
                  return response.text();
                });
              }
              function fetchJSON(url) { return fetchText(url).then(function (text) { return JSON.parse(text); }); }

              function base64url(text) {
                var padded = text.replace(/-/g, "+").replace(/_/g, "/");
                while (padded.length % 4) padded += "=";
                var binary = atob(padded);
                var bytes = new Uint8Array(binary.length);
                for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
                return bytes;
              }
              function utf8(bytes) { return new TextDecoder().decode(bytes); }

              /* What a PNG or SVG carries, or the text itself. */
              function unbake(bytes) {
                if (bytes[0] === 0x89 && bytes[1] === 0x50) {
                  var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
                  var offset = 8;
                  while (offset + 8 <= bytes.length) {
                    var length = view.getUint32(offset);
                    var type = utf8(bytes.subarray(offset + 4, offset + 8));
                    var data = bytes.subarray(offset + 8, offset + 8 + length);
                    if (type === "iTXt") {
                      var keywordEnd = data.indexOf(0);
                      var keyword = utf8(data.subarray(0, keywordEnd));
                      if (keyword === "openbadges" || keyword === "openbadgecredential") {
                        var rest = keywordEnd + 3;
                        rest = data.indexOf(0, rest) + 1;
                        rest = data.indexOf(0, rest) + 1;
                        return utf8(data.subarray(rest)).trim();
                      }
                    }
                    offset += 12 + length;
                  }
                  throw new Error("the PNG carries no badge");
                }
                var text = utf8(bytes).trim();
                if (text.indexOf("<svg") !== -1) {
                  var svg = new DOMParser().parseFromString(text, "image/svg+xml");
                  var found = svg.getElementsByTagNameNS("http://openbadges.org", "assertion")[0]
                    || svg.getElementsByTagNameNS("https://purl.imsglobal.org/ob/v3p0", "credential")[0];
                  if (!found) throw new Error("the SVG carries no badge");
                  var content = (found.textContent || "").trim();
                  return content || found.getAttribute("verify") || "";
                }
                return text;
              }

              function importRSA(jwk) {
                return crypto.subtle.importKey("jwk", { kty: "RSA", n: jwk.n, e: jwk.e, alg: "RS256", ext: true },
                  { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
              }
              function importPEM(pem) {
                var body = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
                return crypto.subtle.importKey("spki", base64url(body.replace(/\+/g, "-").replace(/\//g, "_")),
                  { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
              }
              function verifyJWS(jws, key) {
                var parts = jws.split(".");
                return crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, base64url(parts[2]),
                  new TextEncoder().encode(parts[0] + "." + parts[1]));
              }
              function parseJWS(jws) {
                var parts = jws.split(".");
                if (parts.length !== 3) throw new Error("not a compact JWS");
                return { header: JSON.parse(utf8(base64url(parts[0]))), payload: JSON.parse(utf8(base64url(parts[1]))) };
              }
              function sha256Hex(text) {
                return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (digest) {
                  return Array.prototype.map.call(new Uint8Array(digest), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
                });
              }
              function normalise(email) { return email.trim().toLowerCase(); }

              /* A key the issuer published: a JWK file, or a key of its did:web document. */
              function publishedJWK(kid) {
                if (kid.indexOf("did:web:") === 0) {
                  return fetchJSON("\#(layout.didDocument)").then(function (did) {
                    var method = (did.verificationMethod || []).filter(function (m) { return m.id === kid; })[0];
                    if (!method || !method.publicKeyJwk) throw new Error("the DID document lists no key " + kid);
                    return method.publicKeyJwk;
                  });
                }
                return fetchJSON(kid);
              }

              function checkDates(claims) {
                var now = Date.now();
                var from = Date.parse(claims.validFrom || claims.issuedOn || "");
                note(!isNaN(from) && from <= now, isNaN(from) ? "no valid date of issue" : "issued " + new Date(from).toISOString().slice(0, 10));
                var until = claims.validUntil || claims.expires;
                if (until) {
                  var end = Date.parse(until);
                  note(!isNaN(end) && end > now, !isNaN(end) && end > now ? "valid until " + until : "expired on " + until);
                }
              }

              function checkRecipient(identifiers, email) {
                if (!email) return Promise.resolve();
                var hashed = identifiers.filter(function (id) { return id.hashed && (id.identityType === "emailAddress" || id.type === "email"); });
                return Promise.all(hashed.map(function (id) {
                  return sha256Hex(normalise(email) + (id.salt || "")).then(function (hex) { return "sha256$" + hex === (id.identityHash || id.identity); });
                })).then(function (results) {
                  note(results.some(Boolean), results.some(Boolean) ? "issued to " + email : "not issued to " + email);
                });
              }

              function bitSet(encoded, index) {
                var gzip = base64url(encoded.slice(1));
                var stream = new Blob([gzip]).stream().pipeThrough(new DecompressionStream("gzip"));
                return new Response(stream).arrayBuffer().then(function (buffer) {
                  var bits = new Uint8Array(buffer);
                  return (bits[Math.floor(index / 8)] & (0x80 >> (index % 8))) !== 0;
                });
              }

              /* A 3.0 VC-JWT: its signature with the published key, issuer, dates, recipient, status. */
              function checkVCJWT(jwt, email, issuerID) {
                var parsed = parseJWS(jwt);
                var claims = parsed.payload;
                return publishedJWK(parsed.header.kid || "").then(importRSA).then(function (key) {
                  return verifyJWS(jwt, key);
                }).then(function (valid) {
                  note(valid, valid ? "signed by the issuer's published key" : "the signature does not match the issuer's key");
                  var iss = claims.iss || (claims.issuer && claims.issuer.id) || claims.issuer;
                  note(iss === issuerID, iss === issuerID ? "issued by " + ((claims.issuer && claims.issuer.name) || iss) : "issued by someone else: " + iss);
                  checkDates(claims);
                  var subject = claims.credentialSubject || {};
                  return checkRecipient(subject.identifier || [], email).then(function () {
                    var status = claims.credentialStatus;
                    if (!status || status.statusPurpose !== "revocation") { note(false, "the credential carries no revocation status"); return; }
                    return fetchText("\#(statusListJWT)").then(function (listJWT) {
                      listJWT = listJWT.trim();
                      var list = parseJWS(listJWT);
                      return publishedJWK(list.header.kid || "").then(importRSA).then(function (key) { return verifyJWS(listJWT, key); })
                        .then(function (listValid) {
                          if (!listValid || list.payload.jti !== status.statusListCredential) { note(false, "the status list is not the issuer's"); return; }
                          return bitSet(list.payload.credentialSubject.encodedList, parseInt(status.statusListIndex, 10)).then(function (revoked) {
                            note(!revoked, revoked ? "revoked by the issuer" : "not revoked");
                          });
                        });
                    });
                  });
                });
              }

              /* A 2.0 assertion: hosted (its hosted copy) or signed (a JWS with the published key). */
              function checkAssertion(text, email) {
                var signed = text.charAt(0) !== "{" && text.indexOf("http") !== 0;
                var assertion;
                var start;
                if (signed) {
                  var parsed = parseJWS(text);
                  assertion = parsed.payload;
                  start = fetchJSON(assertion.verification.creator).then(function (key) {
                    return importPEM(key.publicKeyPem).then(function (imported) { return verifyJWS(text, imported); });
                  }).then(function (valid) { note(valid, valid ? "signed by the issuer's published key" : "the signature does not match the issuer's key"); });
                } else {
                  assertion = text.charAt(0) === "{" ? JSON.parse(text) : null;
                  start = fetchJSON(assertion ? assertion.id : text).then(function (hosted) {
                    if (!assertion) assertion = hosted;
                    var copy = JSON.parse(JSON.stringify(hosted));
                    delete copy.revoked; delete copy.revocationReason;
                    note(JSON.stringify(sorted(copy)) === JSON.stringify(sorted(assertion)), "the same as the issuer's hosted copy");
                    if (hosted.revoked) note(false, "revoked by the issuer: " + (hosted.revocationReason || "no reason given"));
                  });
                }
                return start.then(function () {
                  checkDates(assertion);
                  return fetchJSON(assertion.badge).then(function (badge) {
                    note(true, "badge: " + badge.name);
                    return checkRecipient([assertion.recipient || {}], email).then(function () {
                      if (!signed) return;
                      return fetchJSON("\#(layout.issuerProfile)").then(function (issuer) {
                        if (!issuer.revocationList) return;
                        return fetchJSON(issuer.revocationList).then(function (list) {
                          var revoked = (list.revokedAssertions || []).some(function (entry) { return (entry.id || entry) === assertion.id; });
                          note(!revoked, revoked ? "revoked by the issuer" : "not revoked");
                        });
                      });
                    });
                  });
                });
              }
              function sorted(value) {
                if (Array.isArray(value)) return value.map(sorted);
                if (value && typeof value === "object") {
                  var result = {};
                  Object.keys(value).sort().forEach(function (key) { result[key] = sorted(value[key]); });
                  return result;
                }
                return value;
              }

              function check(text, email) {
                checks = [];
                return Promise.all([fetchJSON("\#(layout.ob3Profile)").catch(function () { return null; }),
                                    fetchJSON("\#(layout.didDocument)").catch(function () { return null; })]).then(function (issuers) {
                  var issuerID = issuers[1] ? issuers[1].id : issuers[0] ? issuers[0].id : null;
                  if (text.charAt(0) === "{") {
                    var document = JSON.parse(text);
                    var context = [].concat(document["@context"] || []);
                    if (context[0] === "https://www.w3.org/ns/credentials/v2") {
                      var uuid = String(document.id || "").replace("urn:uuid:", "");
                      // Data Integrity proofs need RDF canonicalisation; the issuer's VC-JWT twin is checked instead.
                      return fetchText("\#(credentialsFolder)" + uuid + ".jwt").then(function (jwt) {
                        note(true, "checked through the issuer's VC-JWT of the same credential");
                        return checkVCJWT(jwt.trim(), email, issuerID);
                      }, function () {
                        note(false, "this credential has only a Data Integrity proof: check it with `toolkit badges verify`");
                      });
                    }
                    return checkAssertion(text, email);
                  }
                  var parts = text.split(".");
                  if (parts.length === 3) {
                    var header = JSON.parse(utf8(base64url(parts[0])));
                    if (header.typ === "JWT") return checkVCJWT(text, email, issuerID);
                  }
                  return checkAssertion(text, email);
                });
              }

              function show() {
                var list = document.getElementById("checks");
                list.textContent = "";
                checks.forEach(function (item) {
                  var entry = document.createElement("li");
                  entry.className = item.ok ? "ok" : "bad";
                  entry.textContent = (item.ok ? "✓ " : "✗ ") + item.text;
                  list.appendChild(entry);
                });
                var good = checks.length > 0 && checks.every(function (item) { return item.ok; });
                var verdict = document.getElementById("verdict");
                verdict.className = good ? "ok" : "bad";
                var said = checks.filter(function (item) { return !item.ok; }).map(function (item) { return item.text; }).join(" ");
            verdict.textContent = good ? "This badge is valid."
              : said.indexOf("revoked") !== -1 ? "This badge was revoked."
              : said.indexOf("expired on") !== -1 ? "This badge has expired."
              : "This badge could not be confirmed.";
              }

              document.getElementById("form").addEventListener("submit", function (event) {
                event.preventDefault();
                var file = document.getElementById("file").files[0];
                var email = document.getElementById("email").value;
                var read = file ? file.arrayBuffer().then(function (buffer) { return unbake(new Uint8Array(buffer)); })
                                : Promise.resolve(document.getElementById("text").value.trim());
                read.then(function (text) { return check(text, email); }).catch(function (error) {
                  note(false, String(error && error.message || error));
                }).then(show);
              });
            })();
            </script>
            </body>
            </html>

            """#
    }
}
