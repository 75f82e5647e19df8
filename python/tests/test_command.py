"""The wheel installs the `newslint` command, and it is the CLI."""

import sys

from conftest import EXAMPLE, REPO, run


def test_the_command_from_the_wheel_runs_as_the_binary(cli, wheel_command):
    for args in [
        ["check", "--format", "json", "--isolated", "fixtures/parse/example.txt"],
        ["check", "--isolated", "--color", "never", "fixtures/parse/example.txt"],
        ["check", "--format", "jsonl", "--isolated", "fixtures/cli"],
        ["claims", "--compact", "fixtures/parse/example.txt"],
        ["rules"],
        ["rule", "NUM001"],
        ["--version"],
        ["check", "--isolated", "no/such/file.txt"],
        ["check", "--no-such-flag"],
    ]:
        ours = run(wheel_command, *args)
        theirs = run(cli, *args)
        assert ours.returncode == theirs.returncode, args
        assert ours.stdout == theirs.stdout, args
        assert ours.stderr == theirs.stderr, args
    example = run(wheel_command, "check", "--isolated", "fixtures/parse/example.txt")
    assert example.returncode == 1
    assert b"error[NUM001]" in example.stdout


def test_the_command_reads_stdin_and_writes_a_report_file(cli, wheel_command, tmp_path):
    out = tmp_path / "report.json"
    done = run(
        wheel_command, "check", "--format", "json", "--isolated", "--output", out, "-",
        stdin=EXAMPLE.read_bytes(),
    )
    assert done.returncode == 1
    assert out.read_bytes() == run(
        cli, "check", "--format", "json", "--isolated", "-", stdin=EXAMPLE.read_bytes()
    ).stdout


def test_python_dash_m_newslint_runs_the_cli(cli):
    ours = run(sys.executable, "-m", "newslint", "--version")
    assert ours.returncode == 0
    assert ours.stdout == run(cli, "--version").stdout
    assert ours.stdout.startswith(b"newslint ")
