"""Fixtures for the Open Badges conformance tests: the 1EdTech validator, run offline."""
import collections
import collections.abc
import functools
import http.server
import threading

# openbadges 1.1.2's pinned dependencies still import the pre-3.10 names.
for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable", "MutableSet", "Set"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

import pytest  # noqa: E402
import responses  # noqa: E402

from openbadges_support import SCHEMAS  # noqa: E402


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def published(tmp_path):
    """A folder served on 127.0.0.1; yields (folder, base URL)."""
    folder = tmp_path / "published"
    folder.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def validator(published):
    """The 1EdTech validator, with the Open Badges context answered from ../shared/schemas in-process."""
    context = SCHEMAS / "openbadges" / "context-v2.json"
    if not context.exists():
        pytest.skip(f"no Open Badges context at {context}")
    from openbadges import verify

    _, base = published
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.GET, "https://w3id.org/openbadges/v2", body=context.read_text(), content_type="application/ld+json")
        mock.add_passthru(base)

        def run(badge_input, email=None):
            result = verify(badge_input, recipient_profile={"email": email} if email else None, use_cache=False)
            report = result["report"]
            errors = [message["result"] for message in report["messages"] if message.get("messageLevel") == "ERROR"]
            return report["valid"], errors, result

        yield run
