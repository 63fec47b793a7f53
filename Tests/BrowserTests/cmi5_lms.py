"""A cmi5 LMS of our own for the browser tests, served on 127.0.0.1 on a port of its own (so the AU,
served from another origin, meets CORS as in a real LMS).

It reads the package's cmi5.xml, launches an AU as the specification says (a launch URL with endpoint,
fetch, actor, registration and activityId; a one-time token; LMS.LaunchData in the State API), keeps
an LRS's statements and State API documents, and checks the specification's rules on every statement
it receives: the initialized statement first, cmi5-defined statements with the right object, context,
categories and results, completed and passed at most once per registration, no failed after passed,
at most one of passed and failed per session, nothing after terminated. A statement that breaks a rule
is refused with 403 and the rule is kept in `violations`, which the tests read."""
import base64
import datetime
import http.server
import json
import re
import threading
import urllib.parse
import uuid
import xml.etree.ElementTree as ElementTree

CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVE_ON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
VERB = "http://adlnet.gov/expapi/verbs/"
DEFINED = {VERB + name for name in ("initialized", "completed", "passed", "failed", "terminated")}
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
NAMESPACE = {"cmi5": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}


def course_structure(path):
    """The AUs of a cmi5.xml: url → (publisher id, moveOn, masteryScore or None)."""
    root = ElementTree.parse(path).getroot()
    units = {}
    for au in root.iter("{%s}au" % NAMESPACE["cmi5"]):
        url = au.find("cmi5:url", NAMESPACE).text.strip()
        mastery = au.get("masteryScore")
        units[url] = (au.get("id"), au.get("moveOn", "NotApplicable"), float(mastery) if mastery else None)
    return units


class Session:
    def __init__(self, registration, au_url, activity_id, publisher_id, mastery, move_on, mode):
        self.id = str(uuid.uuid4())
        self.registration = registration
        self.au_url = au_url
        self.activity_id = activity_id
        self.publisher_id = publisher_id
        self.mastery = mastery
        self.move_on = move_on
        self.mode = mode
        self.fetches = 0
        self.token = None
        self.initialized = False
        self.terminated = False
        self.verbs = []


class Cmi5LMS:
    def __init__(self, structure_path, content_base):
        self.units = course_structure(structure_path)
        self.content_base = content_base.rstrip("/")
        self.actor = {"objectType": "Agent", "name": "Test Learner",
                      "account": {"homePage": "https://lms.example.org", "name": "learner-1"}}
        self.lock = threading.Lock()
        self.sessions = {}           # session id → Session
        self.tokens = {}             # token → Session
        self.activity_ids = {}       # (registration, au url) → LMS activity id
        self.states = {}             # (activity id, registration, state id) → document
        self.statements = []         # (session id, statement) accepted, in order of arrival
        self.violations = []
        self.requests = []           # (method, path, session id or None) in order
        self.resent = 0              # statements received again (same id, same content)
        self.registration_verbs = {}  # registration → set of cmi5-defined verbs accepted
        self.server = None

    # ---- launching --------------------------------------------------------------------------
    def launch(self, au_url="things/thing-02.html", registration=None, mode="Normal", return_url=None):
        """Creates a session (and a registration when none is given) and returns the launch URL."""
        registration = registration or str(uuid.uuid4())
        publisher_id, move_on, mastery = self.units[au_url]
        with self.lock:
            key = (registration, au_url)
            if key not in self.activity_ids:
                self.activity_ids[key] = "https://lms.example.org/activities/" + str(uuid.uuid4())
            activity_id = self.activity_ids[key]
            session = Session(registration, au_url, activity_id, publisher_id, mastery, move_on, mode)
            self.sessions[session.id] = session
            launch_data = {
                "contextTemplate": {
                    "contextActivities": {"grouping": [{"id": publisher_id, "objectType": "Activity"}]},
                    "extensions": {SESSION_EXTENSION: session.id},
                },
                "launchMode": mode,
                "moveOn": move_on,
                "returnURL": return_url or self.url + "/returned",
            }
            if mastery is not None:
                launch_data["masteryScore"] = mastery
            self.states[(activity_id, registration, "LMS.LaunchData")] = launch_data
            # The LMS records the launch itself, before the AU runs.
            self.statements.append((session.id, {"verb": {"id": VERB + "launched"}}))
        query = urllib.parse.urlencode({
            "endpoint": self.url + "/xapi", "fetch": f"{self.url}/fetch/{session.id}",
            "actor": json.dumps(self.actor), "registration": registration, "activityId": activity_id,
        })
        return session, f"{self.content_base}/{au_url}?{query}"

    # ---- what the tests read ----------------------------------------------------------------
    def verbs(self, session):
        return [statement["verb"]["id"].rsplit("/", 1)[-1] for sid, statement in self.statements if sid == session.id]

    def session_statements(self, session):
        return [statement for sid, statement in self.statements if sid == session.id]

    def state(self, session, state_id):
        return self.states.get((session.activity_id, session.registration, state_id))

    # ---- the rules --------------------------------------------------------------------------
    def check(self, session, statement):
        """The rules `statement` breaks, as short sentences."""
        problems = []
        verb = (statement.get("verb") or {}).get("id", "")
        name = verb.rsplit("/", 1)[-1]
        context = statement.get("context") or {}
        activities = context.get("contextActivities") or {}
        categories = {item.get("id") for item in activities.get("category") or []}
        result = statement.get("result") or {}
        if not UUID.match(str(statement.get("id", ""))):
            problems.append("the statement has no UUID id")
        if statement.get("actor") != self.actor:
            problems.append("the actor is not the launch's actor")
        if not statement.get("timestamp"):
            problems.append("the statement has no timestamp")
        if context.get("registration") != session.registration:
            problems.append("the context has not the launch's registration")
        if (context.get("extensions") or {}).get(SESSION_EXTENSION) != session.id:
            problems.append("the context has not the session id")
        if {item.get("id") for item in activities.get("grouping") or []} != {session.publisher_id}:
            problems.append("the grouping is not the context template's (the AU's publisher id)")
        if session.terminated:
            problems.append(f"{name} arrived after terminated")
        if not session.initialized and verb != VERB + "initialized":
            problems.append(f"{name} arrived before initialized")
        if verb not in DEFINED:
            if CMI5_CATEGORY in categories:
                problems.append(f"the cmi5-allowed statement {name} carries the cmi5 category")
            return problems
        # cmi5-defined statements.
        if (statement.get("object") or {}).get("id") != session.activity_id:
            problems.append(f"{name}'s object is not the launch's activityId")
        if CMI5_CATEGORY not in categories:
            problems.append(f"{name} lacks the cmi5 category")
        has_outcome = "success" in result or "completion" in result
        if has_outcome != (MOVE_ON_CATEGORY in categories):
            problems.append(f"{name}: the moveOn category must be there exactly when the result has success or completion")
        if name in ("completed", "passed", "failed", "terminated") and not DURATION.match(str(result.get("duration", ""))):
            problems.append(f"{name} has no ISO 8601 duration")
        registration_verbs = self.registration_verbs.setdefault(session.registration, set())
        if name == "initialized" and session.initialized:
            problems.append("a second initialized in one session")
        if name in ("completed", "passed", "failed") and session.mode != "Normal":
            problems.append(f"{name} in {session.mode} mode")
        if name == "completed":
            if result.get("completion") is not True or "success" in result or "score" in result:
                problems.append("completed must say completion true and nothing of success or score")
            if "completed" in registration_verbs:
                problems.append("a second completed in the registration")
        if name in ("passed", "failed"):
            if {"passed", "failed"} & set(session.verbs):
                problems.append(f"{name} after another passed or failed in the session")
            scaled = (result.get("score") or {}).get("scaled")
            if "raw" in (result.get("score") or {}) and not {"min", "max"} <= set(result["score"]):
                problems.append(f"{name}: a raw score needs min and max")
            if name == "passed":
                if result.get("success") is not True:
                    problems.append("passed must say success true")
                if "passed" in registration_verbs:
                    problems.append("a second passed in the registration")
                if session.mastery is not None and scaled is not None and scaled < session.mastery:
                    problems.append("passed with a score below the mastery score")
            else:
                if result.get("success") is not False:
                    problems.append("failed must say success false")
                if "passed" in registration_verbs:
                    problems.append("failed after passed in the registration")
                if session.mastery is not None and scaled is not None and scaled >= session.mastery:
                    problems.append("failed with a score at or above the mastery score")
            if session.mastery is not None and (context.get("extensions") or {}).get(MASTERY_EXTENSION) != session.mastery:
                problems.append(f"{name} lacks the mastery score extension")
        if name in ("initialized", "terminated") and ("success" in result or "completion" in result or "score" in result):
            problems.append(f"{name} must not carry success, completion or score")
        return problems

    def accept(self, session, statement):
        verb = statement["verb"]["id"]
        name = verb.rsplit("/", 1)[-1]
        if name == "initialized":
            session.initialized = True
        if name == "terminated":
            session.terminated = True
        if verb in DEFINED:
            self.registration_verbs.setdefault(session.registration, set()).add(name)
        session.verbs.append(name)
        self.statements.append((session.id, statement))

    # ---- serving ----------------------------------------------------------------------------
    def start(self):
        lms = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def cors(self):
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version")
                self.send_header("Access-Control-Expose-Headers", "X-Experience-API-Version")

            def reply(self, status, body=None, content_type="application/json"):
                data = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
                self.send_response(status)
                self.cors()
                self.send_header("X-Experience-API-Version", "1.0.3")
                if body is not None:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def body(self):
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def session(self):
                header = self.headers.get("Authorization") or ""
                if not header.startswith("Basic "):
                    return None
                return lms.tokens.get(header[len("Basic "):])

            def do_OPTIONS(self):
                self.reply(204)

            def handle_any(self, method):
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                with lms.lock:
                    if url.path.startswith("/fetch/") and method == "POST":
                        session = lms.sessions.get(url.path[len("/fetch/"):])
                        lms.requests.append((method, url.path, session and session.id))
                        if session is None:
                            return self.reply(200, {"error-code": "3", "error-text": "unknown session"})
                        session.fetches += 1
                        if session.fetches > 1:
                            lms.violations.append("the token was fetched more than once in a launch")
                            return self.reply(200, {"error-code": "1", "error-text": "already in use"})
                        session.token = base64.b64encode(f"au:{uuid.uuid4()}".encode()).decode()
                        lms.tokens[session.token] = session
                        return self.reply(200, {"auth-token": session.token})
                    if url.path == "/returned":
                        return self.reply(200, b"<!DOCTYPE html><title>Back in the LMS</title><h1>Back in the LMS</h1>", "text/html")
                    if not url.path.startswith("/xapi/"):
                        return self.reply(404, {"error": "not found"})
                    session = self.session()
                    lms.requests.append((method, url.path + ("?" + query.get("stateId", query.get("profileId", "")) if query else ""),
                                         session and session.id))
                    if session is None:
                        return self.reply(401, {"error": "no or unknown token"})
                    if session.terminated:
                        # The session ended with terminated, and its token with it: a save arriving now is lost.
                        lms.violations.append(f"{method} {url.path} arrived after terminated, with the ended session's token")
                        return self.reply(401, {"error": "the session was terminated"})
                    if self.headers.get("X-Experience-API-Version") is None:
                        lms.violations.append(f"{method} {url.path} without X-Experience-API-Version")
                    resource = url.path[len("/xapi"):]
                    if resource == "/activities/state":
                        return self.state(method, session, query)
                    if resource == "/agents/profile":
                        return self.reply(404, {"error": "no preferences"}) if method == "GET" else self.reply(403, {})
                    if resource == "/statements" and method in ("POST", "PUT"):
                        return self.statements(session)
                    return self.reply(405, {"error": "not supported"})

            def state(self, method, session, query):
                if query.get("activityId") != session.activity_id or query.get("registration") != session.registration:
                    lms.violations.append(f"State API {method} for another activity or registration")
                    return self.reply(400, {"error": "wrong activity or registration"})
                try:
                    agent = json.loads(query.get("agent", "null"))
                except ValueError:
                    agent = None
                if agent != lms.actor:
                    lms.violations.append(f"State API {method} for another agent")
                    return self.reply(400, {"error": "wrong agent"})
                key = (session.activity_id, session.registration, query.get("stateId"))
                if method == "GET":
                    document = lms.states.get(key)
                    return self.reply(404, {"error": "no document"}) if document is None else self.reply(200, document)
                if query.get("stateId") == "LMS.LaunchData":
                    lms.violations.append("the AU tried to change LMS.LaunchData")
                    return self.reply(403, {"error": "read only"})
                if method in ("PUT", "POST"):
                    lms.states[key] = json.loads(self.body() or b"null")
                    return self.reply(204)
                if method == "DELETE":
                    lms.states.pop(key, None)
                    return self.reply(204)
                return self.reply(405, {})

            def statements(self, session):
                payload = json.loads(self.body() or b"null")
                batch = payload if isinstance(payload, list) else [payload]
                ids = []
                known = {statement.get("id"): statement for _, statement in lms.statements}
                for statement in batch:
                    if statement.get("id") in known:
                        # xAPI: a statement id is kept once; the same statement again changes nothing.
                        if known[statement["id"]] != statement:
                            lms.violations.append("a statement id was reused for a different statement")
                            return self.reply(409, {"error": "conflict"})
                        lms.resent += 1
                        ids.append(statement["id"])
                        continue
                    problems = lms.check(session, statement)
                    if problems:
                        lms.violations.extend(problems)
                        return self.reply(403, {"error": "; ".join(problems)})
                    lms.accept(session, statement)
                    ids.append(statement["id"])
                return self.reply(200, ids)

            def do_GET(self):
                self.handle_any("GET")

            def do_POST(self):
                self.handle_any("POST")

            def do_PUT(self):
                self.handle_any("PUT")

            def do_DELETE(self):
                self.handle_any("DELETE")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
