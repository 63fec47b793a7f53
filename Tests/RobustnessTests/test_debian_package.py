"""The Debian package, as an author installs it: `Scripts/package-deb` builds it, `apt-get install
./course-toolkit_<version>_amd64.deb` installs it, and in an empty folder far from the repository
`toolkit new course`, `validate` and `package --scorm` work; `apt-get remove` takes it away again."""
import json
import os
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_the_debian_package_installs_and_builds_a_course_in_an_empty_folder(tmp_path):
    assert os.geteuid() == 0, "installing a Debian package needs root, as CI runs"
    built = subprocess.run([str(ROOT / "Scripts" / "package-deb")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    deb = pathlib.Path(built.stdout.strip().splitlines()[-1])
    assert re.fullmatch(r"course-toolkit_\d+\.\d+\.\d+_amd64\.deb", deb.name), deb
    control = subprocess.run(["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True, text=True, check=True)
    assert "libxml2" in control.stdout and "librsvg2" in control.stdout, control.stdout
    environment = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive", "HOME": str(tmp_path)}
    installed = subprocess.run(["apt-get", "install", "-y", "-qq", str(deb)], capture_output=True,
                               text=True, env=environment)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    try:
        folder = tmp_path / "my-course"
        folder.mkdir()

        def toolkit(*arguments, check=True):
            result = subprocess.run(["/usr/bin/toolkit", *map(str, arguments)], cwd=folder, env=environment,
                                    capture_output=True, text=True)
            if check:
                assert result.returncode == 0, result.stdout + result.stderr
            return result

        toolkit("new", "course", "first-aid", "--title", "First aid at work")
        # The author fills in what the scaffold left for them, as validate lists it.
        findings = json.loads(toolkit("validate", "--format", "json", check=False).stdout)
        replacements = {"https://example.org": "https://www.first-aid-trust.org.uk",
                        "badges@example.org": "badges@first-aid-trust.org.uk"}
        for index, finding in enumerate(f for f in findings if f["rule"] == "placeholder-text"):
            placeholder = re.match(r"“(.*)” is a placeholder", finding["message"]).group(1)
            path = folder / finding["file"]
            path.write_text(path.read_text().replace(placeholder, replacements.get(placeholder, f"Written, part {index}.")))
        thing = folder / "Courses" / "first-aid" / "things" / "thing-01.md"
        thing.write_text(thing.read_text().replace("status: draft", "status: published"))
        validated = toolkit("validate", check=False)
        assert validated.returncode == 0, validated.stdout
        toolkit("package", "--scorm")
        assert (folder / "build" / "first-aid-scorm12.zip").is_file()
        assert (pathlib.Path("/usr/share/bash-completion/completions/toolkit")).is_file()
    finally:
        removed = subprocess.run(["apt-get", "remove", "-y", "-qq", "course-toolkit"], capture_output=True, text=True,
                                 env=environment)
        assert removed.returncode == 0, removed.stderr
    assert not pathlib.Path("/usr/bin/toolkit").exists()
