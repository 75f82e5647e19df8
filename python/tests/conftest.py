"""Shared helpers: the repository, its fixtures and the CLI to compare with.

The reference CLI is the binary cargo built (NEWSLINT_CLI, else
target/debug/newslint or target/release/newslint), not the wheel's own
`newslint` command, so that every comparison is between two builds.
"""

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "fixtures" / "parse" / "example.txt"


def read_text(path: Path) -> str:
    """A file's text exactly as the CLI reads it (no newline translation;
    a byte that is not UTF-8 becomes a lone surrogate)."""
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def fixture_files() -> list[Path]:
    files = [
        p
        for p in (REPO / "fixtures").rglob("*")
        if p.is_file() and p.suffix in (".txt", ".md")
    ]
    return sorted(files)


@pytest.fixture(scope="session")
def cli() -> Path:
    env = os.environ.get("NEWSLINT_CLI")
    candidates = [Path(env)] if env else [
        REPO / "target" / "debug" / "newslint",
        REPO / "target" / "release" / "newslint",
    ]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    pytest.fail(
        "no newslint binary to compare with: run `cargo build --locked` "
        "or set NEWSLINT_CLI (tried: " + ", ".join(map(str, candidates)) + ")"
    )


@pytest.fixture(scope="session")
def wheel_command() -> Path:
    """The `newslint` console script the wheel installed next to this Python."""
    name = "newslint.exe" if sys.platform == "win32" else "newslint"
    path = Path(sysconfig.get_path("scripts")) / name
    assert path.is_file(), f"the wheel did not install the newslint command ({path})"
    return path


def run(cmd, *args, stdin: bytes | None = None, cwd: Path = REPO):
    return subprocess.run(
        [str(cmd), *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
    )


def cli_json(cmd, *args, stdin: bytes | None = None) -> dict:
    out = run(cmd, *args, stdin=stdin)
    assert out.returncode in (0, 1, 2), out.stderr.decode(errors="replace")
    return json.loads(out.stdout)
