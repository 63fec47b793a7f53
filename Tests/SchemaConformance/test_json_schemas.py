"""The JSON Schemas `toolkit schema` writes, checked by an independent validator (check-jsonschema):
the bundled course's files pass them, and files with the mistakes an author makes fail them, as
`toolkit validate` fails them too."""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOLKIT = os.environ.get("TOOLKIT_BIN", str(ROOT / ".build" / "debug" / "toolkit"))
CHECK = os.environ.get("CHECK_JSONSCHEMA", shutil.which("check-jsonschema") or "")

pytestmark = pytest.mark.skipif(not CHECK or not os.path.exists(CHECK), reason="check-jsonschema is not installed")


@pytest.fixture(scope="module")
def schemas(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schemas")
    result = subprocess.run([TOOLKIT, "schema", "--output", str(folder)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["badge.schema.json", "course.schema.json", "issuer.schema.json", "thing.schema.json"]
    return folder


def front_matter(markdown: str) -> str:
    lines = markdown.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    return "\n".join(lines[1:end]) + "\n"


def check(schema: pathlib.Path, *files: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHECK, "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True)


def bundled_files(tmp_path):
    """Every bundled file by the schema that describes it; Thing front matter written out as YAML."""
    things = []
    for markdown in sorted((ROOT / "Courses").glob("*/things/*.md")):
        target = tmp_path / (markdown.stem + ".yaml")
        target.write_text(front_matter(markdown.read_text(encoding="utf-8")), encoding="utf-8")
        things.append(target)
    return {
        "course.schema.json": sorted((ROOT / "Courses").glob("*/course.yaml")),
        "thing.schema.json": things,
        "badge.schema.json": sorted((ROOT / "Badges" / "badges").glob("*.yaml")),
        "issuer.schema.json": [ROOT / "Badges" / "issuer.yaml"],
    }


def test_the_schemas_are_valid_draft_2020_12(schemas):
    for schema in sorted(schemas.iterdir()):
        result = subprocess.run([CHECK, "--check-metaschema", str(schema)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_every_bundled_file_passes_its_schema(schemas, tmp_path):
    files = bundled_files(tmp_path)
    assert len(files["thing.schema.json"]) >= 5 and len(files["badge.schema.json"]) >= 10
    for name, paths in files.items():
        result = check(schemas / name, *paths)
        assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"


THING_02 = ROOT / "Courses" / "sssc-23-things-leadership" / "things" / "thing-02.md"

# (what the author got wrong, the text replaced, its replacement) in Thing 2's front matter.
THING_MUTATIONS = [
    ("an unknown key", "\nstatus: published", "\nstatus: published\nestimatedTime: 40"),
    ("a status that is not draft or published", "\nstatus: published", "\nstatus: done"),
    ("a number written as a word", "\nnumber: 2", "\nnumber: two"),
    ("an id with capitals", "id: thing-02\nnumber", "id: Thing-02\nnumber"),
    ("a reflection without minWords", "    minWords: 200\n", ""),
    ("a quiz key on a reflection", "    minWords: 200\n", "    minWords: 200\n    passingScore: 0.8\n"),
    ("an activity of an unknown type", "type: reflection", "type: essay"),
    ("a resource without a kind", "    kind: ", "    genre: "),
]


@pytest.mark.parametrize("mistake,old,new", THING_MUTATIONS, ids=[m[0] for m in THING_MUTATIONS])
def test_a_thing_with_a_mistake_fails_its_schema(schemas, tmp_path, mistake, old, new):
    text = front_matter(THING_02.read_text(encoding="utf-8"))
    assert old in text, f"the fixture no longer holds {old!r}"
    broken = tmp_path / "thing-02.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert check(schemas / "thing.schema.json", broken).returncode == 1, mistake


COURSE_MUTATIONS = [
    ("things written as one text", "things:\n", "things: thing-02\nunused:\n"),
    ("a collection without its things", "    things: [", "    members: ["),
    ("a missing title", "title:", "name:"),
]


@pytest.mark.parametrize("mistake,old,new", COURSE_MUTATIONS, ids=[m[0] for m in COURSE_MUTATIONS])
def test_a_course_file_with_a_mistake_fails_its_schema(schemas, tmp_path, mistake, old, new):
    text = (ROOT / "Courses" / "sssc-23-things-leadership" / "course.yaml").read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer holds {old!r}"
    broken = tmp_path / "course.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert check(schemas / "course.schema.json", broken).returncode == 1, mistake


def test_a_badge_of_an_unknown_kind_fails_and_validate_agrees(schemas, tmp_path):
    workspace = tmp_path / "workspace"
    shutil.copytree(ROOT / "Courses", workspace / "Courses")
    shutil.copytree(ROOT / "Badges", workspace / "Badges")
    badge = workspace / "Badges" / "badges" / "thing-02.yaml"
    text = badge.read_text(encoding="utf-8")
    assert "kind: thing" in text
    badge.write_text(text.replace("kind: thing", "kind: personal"), encoding="utf-8")
    assert check(schemas / "badge.schema.json", badge).returncode == 1
    validate = subprocess.run([TOOLKIT, "validate"], cwd=workspace, capture_output=True, text=True)
    assert validate.returncode == 1 and "[allowed-value]" in validate.stdout + validate.stderr
