"""The benchmark's synthetic workspace is a workspace an author could have written: it validates with
no finding, packages and exports badges. A bench over a workspace with errors measures how fast the
toolkit refuses, not how fast it builds (a placeholder issuer once made every bench command stop at
the check)."""
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def binary():
    return os.environ.get("TOOLKIT_BIN") or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(),
        "toolkit")


def test_generated_corpus_validates_clean_and_builds(tmp_path):
    corpus = tmp_path / "corpus"
    subprocess.run([str(ROOT / "Scripts" / "gen-corpus"), "46", str(corpus)], check=True, stdout=subprocess.DEVNULL)
    validate = subprocess.run([binary(), "validate"], cwd=corpus, capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "no problems in" in validate.stdout, validate.stdout
    for command in (["package", "--html", "--output", str(tmp_path / "out")],
                    ["badges", "export", "--base-url", "https://badges.bench-issuer.org.uk/bench"]):
        run = subprocess.run([binary(), *command], cwd=corpus, capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
    sites = sorted((tmp_path / "out").glob("*-html"))
    assert [site.name for site in sites] == ["programme-001-html", "programme-002-html"]
    assert all((site / "index.html").is_file() and len(list((site / "things").glob("thing-*.html"))) == 23 for site in sites)
