"""newslint.check and check_many give the CLI's JSON, document for document."""

import threading
import sys

import pytest

import newslint
from conftest import EXAMPLE, REPO, cli_json, fixture_files, read_text


def test_the_example_gives_its_one_num001_with_the_cli_spans(cli):
    text = read_text(EXAMPLE)
    path = "fixtures/parse/example.txt"
    report = newslint.check(text, path=path)

    expected = cli_json(cli, "check", "--format", "json", "--isolated", path)
    assert report == expected
    assert report["schema_version"] == 1
    findings = report["files"][0]["findings"]
    assert [f["code"] for f in findings] == ["NUM001"]
    # The spans are byte offsets into the UTF-8 text and slice to each side.
    data = EXAMPLE.read_bytes()
    locations = findings[0]["locations"]
    assert len(locations) == 3
    for loc in locations:
        assert data[loc["start"] : loc["end"]].decode("utf-8") == loc["text"]
    assert [loc["text"] for loc in locations] == [
        "nearly 400 arrests",
        "Over 400 arrests",
        "nearly 400 arrests",
    ]


def test_check_many_over_the_fixtures_equals_the_cli_file_by_file(cli):
    files = fixture_files()
    assert len(files) > 100, "the fixtures were not found"
    paths = [str(p.relative_to(REPO)) for p in files]
    reports = newslint.check_many([read_text(p) for p in files], paths=paths)

    assert len(reports) == len(files)
    compared = findings = 0
    for path, report in zip(paths, reports):
        expected = cli_json(cli, "check", "--format", "json", "--isolated", path)
        assert report == expected, path
        compared += 1
        findings += report["summary"]["findings"]
    assert compared == len(files)
    assert findings > 50, "the fixtures should give many findings to compare"


def test_check_many_keeps_input_order_for_every_thread_count():
    files = fixture_files()[:40]
    texts = [read_text(p) for p in files]
    paths = [p.name for p in files]
    one = newslint.check_many(texts, paths=paths, threads=1)
    assert newslint.check_many(texts, paths=paths, threads=3) == one
    assert newslint.check_many(texts, paths=paths) == one
    backwards = newslint.check_many(texts[::-1], paths=paths[::-1], threads=2)
    assert backwards == one[::-1]
    assert [r["files"][0]["path"] for r in one] == paths
    assert one == [newslint.check(t, path=p) for t, p in zip(texts, paths)]


def test_check_many_takes_any_iterable_and_an_empty_one():
    text = read_text(EXAMPLE)
    assert newslint.check_many(iter([text, text]))[1] == newslint.check(text)
    assert newslint.check_many([]) == []
    assert newslint.check_many((t for t in [text]), paths=iter(["a"]))[0]["files"][0][
        "path"
    ] == "a"


def _other_thread_ran_during(call) -> bool:
    """Whether another Python thread ran while `call` was inside newslint.

    With a switch interval of 1,000 s a thread holding the GIL keeps it
    until it blocks or releases it: the main thread, waiting for the GIL,
    runs while the worker is in `call` only if `call` released the GIL.
    """
    started = threading.Event()
    done = threading.Event()

    def work():
        started.set()
        call()
        done.set()

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        t = threading.Thread(target=work)
        t.start()
        started.wait()
        ran_during = not done.is_set()
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert done.is_set()
    return ran_during


def test_check_many_releases_the_gil():
    texts = [read_text(p) for p in fixture_files()] * 2
    assert _other_thread_ran_during(lambda: newslint.check_many(texts, threads=2))


def test_check_releases_the_gil():
    text = read_text(EXAMPLE) * 20
    assert _other_thread_ran_during(lambda: newslint.check(text))


def test_selections_and_a_config_file_act_as_on_the_command_line(cli, tmp_path):
    text = read_text(EXAMPLE)
    path = "fixtures/parse/example.txt"

    def codes(report):
        return [f["code"] for f in report["files"][0]["findings"]]

    assert codes(newslint.check(text, select="NUM001")) == ["NUM001"]
    assert codes(newslint.check(text, select=["QUO", "PER"])) == []
    assert codes(newslint.check(text, ignore="NUM")) == []
    assert codes(newslint.check(text, select="NUM,QUO")) == ["NUM001"]
    for args, kwargs in [
        (["--select", "ALL"], {"select": "ALL"}),
        (["--ignore", "NUM001"], {"ignore": ["NUM001"]}),
        (["--extend-select", "NUM003,NUM004"], {"extend_select": ["NUM003", "NUM004"]}),
    ]:
        expected = cli_json(cli, "check", "--format", "json", "--isolated", *args, path)
        assert newslint.check(text, path=path, **kwargs) == expected, args

    config = tmp_path / "newslint.toml"
    config.write_text('ignore = ["NUM001"]\n[severity]\nART004 = "error"\n')
    expected = cli_json(cli, "check", "--format", "json", "--config", config, path)
    assert newslint.check(text, path=path, config=config) == expected
    assert codes(expected) == []
    assert newslint.check_many([text], paths=[path], config=str(config)) == [expected]


def test_parse_and_claims_give_the_cli_documents(cli):
    text = read_text(EXAMPLE)
    path = "fixtures/parse/example.txt"
    parsed = newslint.parse(text, path=path)
    assert parsed == cli_json(cli, "parse", path)
    assert parsed["schema_version"] == 1
    assert len(parsed["sections"]) > 3
    claims = newslint.claims(text, path=path)
    assert claims == cli_json(cli, "claims", path)
    assert claims["schema_version"] == 1
    assert any(f["key"] == "arrests" for f in claims["figures"])


def test_default_path_is_the_clis_name_for_unnamed_text(cli):
    text = read_text(EXAMPLE)
    stdin = EXAMPLE.read_bytes()
    assert newslint.check(text) == cli_json(cli, "check", "--format", "json", "--isolated", "-", stdin=stdin)
    assert newslint.parse(text) == cli_json(cli, "parse", "-", stdin=stdin)
    assert newslint.claims(text)["path"] == "<stdin>"


def test_the_pandas_example_of_the_readme_runs():
    import pandas as pd
    files = fixture_files()[:30]
    df = pd.DataFrame({"id": [p.name for p in files], "text": [read_text(p) for p in files]})
    # the README's example
    reports = newslint.check_many(df["text"], paths=df["id"])
    df["findings"] = [r["summary"]["findings"] for r in reports]
    df["codes"] = [[f["code"] for f in r["files"][0]["findings"]] for r in reports]
    assert df["findings"].sum() == sum(len(c) for c in df["codes"]) > 0
    assert list(df["id"]) == [r["files"][0]["path"] for r in reports]
