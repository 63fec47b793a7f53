"""The JSON Schemas `toolkit schema` writes, checked by an independent validator (check-jsonschema):
the bundled course's files pass them, and files with the mistakes an author makes fail them, as
`toolkit validate` fails them too."""
import json
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


# ---- One truth: every constraint the schemas state, violated in a real file, is refused by both ----

def constraints_by_key(schema: dict) -> dict:
    """Every property name with the constraints the schema states for it (minimum, maximum, enum,
    pattern), wherever it is defined (variants included)."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            for key, value in (node.get("properties") or {}).items():
                if isinstance(value, dict):
                    stated = {name: value[name] for name in ("minimum", "maximum", "enum", "pattern") if name in value}
                    if stated:
                        found.setdefault(key, stated)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def violations(stated: dict, value):
    """Values that break each constraint, starting from the value written."""
    if "minimum" in stated:
        yield "minimum", (stated["minimum"] - 1) if isinstance(value, int) else stated["minimum"] - 0.5
    if "maximum" in stated:
        yield "maximum", 75 if stated["maximum"] == 1 else stated["maximum"] + 1
    if "enum" in stated:
        yield "enum", f"{value}-not-allowed"
    if stated.get("pattern") == "^[a-z0-9]+(-[a-z0-9]+)*$":
        yield "pattern", "Not An Id"
    elif stated.get("pattern") == "^https?://":
        yield "pattern", "ftp://example.org/file"


def first_paths(data, keys):
    """The first place each of `keys` holds a scalar in `data`, as a list of keys and indexes."""
    found = {}

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in keys and key not in found and not isinstance(value, (dict, list)):
                    found[key] = path + [key]
                walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + [index])

    walk(data, [])
    return found


def set_at(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


SOURCES = [
    ("thing.schema.json", "Courses/sssc-23-things-leadership/things/thing-02.md"),
    ("course.schema.json", "Courses/sssc-23-things-leadership/course.yaml"),
    ("badge.schema.json", "Badges/badges/thing-02.yaml"),
    ("issuer.schema.json", "Badges/issuer.yaml"),
]


def property_cases():
    """(schema, file, key, constraint, bad value, path), one per constraint a file of the bundled course exercises."""
    import tempfile
    import yaml
    cases = []
    folder = pathlib.Path(tempfile.mkdtemp(prefix="property-schemas-"))
    result = subprocess.run([TOOLKIT, "schema", "--output", str(folder)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for schema_name, relative in SOURCES:
        schema = json.loads((folder / schema_name).read_text())
        text = (ROOT / relative).read_text(encoding="utf-8")
        data = yaml.safe_load(front_matter(text) if relative.endswith(".md") else text)
        stated = constraints_by_key(schema)
        for key, path in sorted(first_paths(data, set(stated)).items()):
            value = data
            for step in path:
                value = value[step]
            for constraint, bad in violations(stated[key], value):
                cases.append((schema_name, relative, key, constraint, bad, path))
    return cases


def write_changed(workspace: pathlib.Path, relative: str, path, value) -> pathlib.Path:
    """The file at `relative` in `workspace` with `value` at `path`, written back as YAML (the body of a
    Thing kept); returns the YAML a schema checks."""
    import yaml
    target = workspace / relative
    text = target.read_text(encoding="utf-8")
    if relative.endswith(".md"):
        lines = text.split("\n")
        end = lines.index("---", 1)
        data = yaml.safe_load("\n".join(lines[1:end]))
        body = "\n".join(lines[end + 1:])
    else:
        data, body = yaml.safe_load(text), None
    if path is not None:
        set_at(data, path, value)
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    target.write_text(f"---\n{dumped}---\n{body}" if body is not None else dumped, encoding="utf-8")
    checked = workspace.parent / (target.stem + ".checked.yaml")
    checked.write_text(dumped, encoding="utf-8")
    return checked


@pytest.fixture
def copied_workspace(tmp_path):
    workspace = tmp_path / "workspace"
    shutil.copytree(ROOT / "Courses", workspace / "Courses")
    shutil.copytree(ROOT / "Badges", workspace / "Badges")
    return workspace


def test_the_files_written_back_unchanged_still_validate_and_pass(schemas, copied_workspace):
    """The harness itself: rewriting a file through YAML changes nothing either checker sees."""
    for schema_name, relative in SOURCES:
        checked = write_changed(copied_workspace, relative, None, None)
        assert check(schemas / schema_name, checked).returncode == 0, relative
    validate = subprocess.run([TOOLKIT, "validate", "--quiet"], cwd=copied_workspace, capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr


CASES = property_cases() if CHECK and os.path.exists(TOOLKIT) else []


@pytest.mark.parametrize("schema_name,relative,key,constraint,bad,path", CASES,
                         ids=[f"{c[0].split('.')[0]}-{c[2]}-{c[3]}" for c in CASES])
def test_every_constraint_of_the_schemas_is_refused_by_validate_too(schemas, copied_workspace, schema_name, relative,
                                                                    key, constraint, bad, path):
    checked = write_changed(copied_workspace, relative, path, bad)
    assert check(schemas / schema_name, checked).returncode == 1, f"the schema accepts {key}: {bad!r}"
    validate = subprocess.run([TOOLKIT, "validate", "--format", "json"], cwd=copied_workspace, capture_output=True,
                              text=True)
    errors = [f for f in json.loads(validate.stdout or "[]") if f["severity"] == "error"]
    assert validate.returncode == 1 and errors, f"validate accepts {key}: {bad!r} ({constraint})"
    assert any(f["file"] == relative for f in errors), errors


def test_the_schemas_use_only_what_editors_understand(schemas):
    """VS Code's YAML extension ignores `unevaluatedProperties` (and other 2019-09+ keywords): the
    schemas say what they mean with keywords it applies, so an editor flags what validate flags."""
    unsupported = {"unevaluatedProperties", "unevaluatedItems", "dependentSchemas", "$dynamicRef", "prefixItems"}

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                assert key not in unsupported, f"{path}/{key}"
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}/{index}")

    for schema in sorted(schemas.iterdir()):
        walk(json.loads(schema.read_text()), schema.name)
