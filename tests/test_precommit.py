"""medlint as a pre-commit hook in a temporary repository, as authors would use it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DANGLING = "# Title\n\nA claim [1]. Another claim [3].\n\n## References\n\n1. Smith J. A study of things. 2020.\n"


def git(repo: Path, *args: str, check: bool = True, home: Path | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check, env=env, timeout=600)


def medlint_revision() -> str | None:
    out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        return None
    listed = subprocess.run(
        ["git", "ls-tree", "HEAD", ".pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    return out.stdout.strip() if listed.stdout.strip() else None


@pytest.fixture(scope="module")
def precommit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def test_hook_blocks_a_dangling_citation_and_passes_after_fix_or_suppression(tmp_path, precommit_home):
    try:
        import pre_commit  # noqa: F401  (the test extra installs it)
    except ImportError:
        pytest.skip("pre-commit is not installed")
    rev = medlint_revision()
    if rev is None:
        pytest.skip("medlint is not a git checkout with a committed .pre-commit-hooks.yaml")
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: medlint\n        args: [--isolated, --select, CIT]\n"
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(precommit_home)}
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, check=True, capture_output=True, env=env)
    (repo / "article.md").write_text(DANGLING)
    (repo / "notes.py").write_text("x = [3]\n")
    git(repo, "add", ".")
    blocked = git(repo, "commit", "-qm", "add article", check=False, home=precommit_home)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0
    assert "article.md:3:28: CIT001 [3] is cited here but the reference list ends at 1" in output
    assert "notes.py" not in output

    (repo / "article.md").write_text(
        DANGLING.replace("Another claim [3].", "<!-- medlint-disable-next-line CIT001 -->\nAnother claim [3].")
    )
    git(repo, "add", ".")
    passed = git(repo, "commit", "-qm", "add article", check=False, home=precommit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr

    leak = repo / "leak.md"
    leak.write_text("# Causes\n\n- Two faulty gene copies. [1][2] [1]\n\n## References\n\n1. A. 2020.\n2. B. 2021.\n")
    git(repo, "add", ".")
    assert git(repo, "commit", "-qm", "leak", check=False, home=precommit_home).returncode != 0
    from tests.conftest import run_cli

    run_cli("check", "--isolated", "--select", "CIT", "--fix", str(leak))
    git(repo, "add", ".")
    fixed = git(repo, "commit", "-qm", "leak fixed", check=False, home=precommit_home)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
