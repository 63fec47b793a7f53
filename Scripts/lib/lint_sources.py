"""Source checks for Scripts/lint.

1. Paths: a string literal that starts with a workspace, output or package location (`Courses/`,
   `things/`, `imsmanifest.xml`, …) may appear only in the layout types (Sources/CourseModel/Layout),
   so every module asks one place for every path.
2. Dependencies: each target's `import` lines name exactly the targets and products Package.swift
   declares for it (system modules aside).
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
LAYOUT = ROOT / "Sources" / "CourseModel" / "Layout"

# A literal that *starts* with a location builds a path; prose that mentions one (a help text, a
# hint in backticks) does not.
PATH_LITERAL = re.compile(
    r'"(?:(?:Courses|Badges|build|things|assets|media|assertions|keys|badges|theme|files)/'
    r'|(?:imsmanifest\.xml|index\.html|course\.yaml|issuer\.yaml|issuer\.json|revocations\.json)"'
    r'|[^"\n]*\.ledger\.json")'
)

# Modules of the platform and toolchain, never declared as dependencies.
SYSTEM = {"Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Testing", "XCTest", "Synchronization"}
# What each product dependency makes importable.
PRODUCTS = {"Yams": {"Yams", "CYaml"}}


def check_paths():
    problems = []
    for path in sorted((ROOT / "Sources").rglob("*.swift")):
        if LAYOUT in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue
            for match in PATH_LITERAL.finditer(line):
                problems.append(
                    f"{path.relative_to(ROOT)}:{number}: path literal {match.group(0)} outside the layout types; "
                    "ask WorkspaceLayout, OutputLayout, PackageLayout or PublishedBadgesLayout for it"
                )
    return problems


def target_folder(target):
    if target.get("path"):
        return ROOT / target["path"]
    base = "Tests" if target["type"] == "test" else "Sources"
    return ROOT / base / target["name"]


def check_dependencies(package):
    problems = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        # Each declared dependency with the modules it makes importable.
        declared = {}
        for dependency in target.get("dependencies", []):
            name = next(iter(dependency.values()))[0]
            declared[name] = PRODUCTS.get(name, {name})
        imported = set()
        folder = target_folder(target)
        for source in folder.rglob("*.swift"):
            for match in re.finditer(
                r"^(?:@testable\s+|internal\s+|public\s+|@_exported\s+)*import\s+(?:struct\s+|enum\s+|class\s+)?(\w+)",
                source.read_text(encoding="utf-8"),
                re.M,
            ):
                imported.add(match.group(1))
        imported -= SYSTEM
        missing = sorted(imported - set().union(*declared.values()))
        unused = sorted(name for name, modules in declared.items() if not modules & imported)
        if missing:
            problems.append(f"Package.swift: target {target['name']} imports {', '.join(missing)} without declaring it")
        if unused:
            problems.append(f"Package.swift: target {target['name']} declares {', '.join(unused)} but never imports it")
    return problems


# The module graph, in layers (Docs/engineering.md draws it): a target may depend only on targets of
# lower layers (and, within the C wrappers and foundations, on the layers below them). Exporters never
# depend on each other; the jobs sit above them; the front ends above the jobs.
LAYERS = [
    ("C libraries", {"CLibXML2", "CCmarkGFM", "CRSVG"}),
    ("foundations", {"ToolkitSupport"}),
    ("model and I/O", {"CourseModel", "FileAccess"}),
    ("wrappers", {"CourseXML", "CourseMarkdown", "SVGRaster", "CourseYAML", "ThemeTemplates", "FileWatch", "LinkedData"}),
    ("reading and checking", {"CourseMedia", "CourseLoader"}),
    ("rules", {"CourseValidator"}),
    ("exporters", {"CoursePackager", "OpenBadges"}),
    ("jobs", {"CourseBuild"}),
    ("front ends", {"CoursePreview", "ToolkitCLI"}),
    ("executable", {"toolkit"}),
]
# Pairs inside one layer that may depend on each other (lower first).
SAME_LAYER = {("CourseModel", "FileAccess"): False, ("CourseMedia", "CourseLoader"): False,
              ("CoursePreview", "ToolkitCLI"): True}


def check_layers(package):
    """Each target depends only on lower layers; exporters never on each other; FileAccess not on the model."""
    layer_of = {name: index for index, (_, names) in enumerate(LAYERS) for name in names}
    problems = []
    for target in package["targets"]:
        name = target["name"]
        if target["type"] == "test" or name not in layer_of:
            continue
        for dependency in target.get("dependencies", []):
            kind = next(iter(dependency))
            if kind != "byName":
                continue
            other = dependency[kind][0]
            if other not in layer_of:
                continue
            if layer_of[other] > layer_of[name] or (layer_of[other] == layer_of[name] and not SAME_LAYER.get((other, name))):
                problems.append(
                    f"Package.swift: {name} ({LAYERS[layer_of[name]][0]}) may not depend on {other} "
                    f"({LAYERS[layer_of[other]][0]}); see the module graph in Docs/engineering.md")
    return problems


def main():
    package = json.loads(pathlib.Path(sys.argv[1]).read_text())
    problems = check_paths() + check_dependencies(package) + check_layers(package)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
