"""Bad input raises clear exceptions, with the CLI's messages."""

import pytest

import newslint
from conftest import EXAMPLE, REPO, read_text, run


def cli_error(cli, *args, stdin=None) -> str:
    """The CLI's exit-2 message, without its `newslint: ` prefix."""
    out = run(cli, *args, stdin=stdin)
    assert out.returncode == 2, out
    lines = out.stderr.decode().strip().splitlines()
    assert lines and lines[0].startswith("newslint: "), lines
    return lines[0].removeprefix("newslint: ")


@pytest.mark.parametrize("fn", [newslint.check, newslint.parse, newslint.claims])
def test_bytes_and_none_are_type_errors(fn):
    with pytest.raises(TypeError, match=r"^text must be str, not bytes: decode it first"):
        fn(EXAMPLE.read_bytes())
    with pytest.raises(TypeError, match=r"^text must be str, not None$"):
        fn(None)
    with pytest.raises(TypeError, match=r"^text must be str, not int$"):
        fn(3)


def test_check_many_names_the_bad_item():
    text = read_text(EXAMPLE)
    with pytest.raises(TypeError, match=r"^texts\[2\] must be str, not None$"):
        newslint.check_many([text, text, None])
    with pytest.raises(TypeError, match=r"^texts\[0\] must be str, not bytes"):
        newslint.check_many([b"x"])
    with pytest.raises(TypeError, match=r"not one str \(use newslint.check for one text\)"):
        newslint.check_many(text)
    with pytest.raises(TypeError, match=r"^texts must be an iterable of str, not int$"):
        newslint.check_many(3)
    with pytest.raises(ValueError, match=r"^paths has 1 items but texts has 2"):
        newslint.check_many([text, text], paths=["a"])
    with pytest.raises(ValueError, match=r"^threads must be at least 1"):
        newslint.check_many([text], threads=0)


def test_a_str_with_a_lone_surrogate_raises_the_clis_not_utf8_error(cli, tmp_path):
    data = b"Police made nearly 400 arrests.\n\xff\xfe caf\xe9\n"
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(data)
    expected = cli_error(cli, "check", "--isolated", bad)
    assert expected == f"{bad}: not valid UTF-8 (first bad byte at offset 32)"

    text = data.decode("utf-8", errors="surrogateescape")
    for fn in (newslint.check, newslint.parse, newslint.claims):
        with pytest.raises(newslint.InputError) as e:
            fn(text, path=str(bad))
        message = str(e.value)
        assert message.startswith(expected + ": "), message
        assert "lone surrogate U+DCFF at index 32" in message
        assert 'errors="replace"' in message
        assert isinstance(e.value, ValueError)

    # many inputs: the CLI's error entry, word for word, and the others checked
    reports = newslint.check_many([text, read_text(EXAMPLE)], paths=[str(bad), "ok.txt"])
    assert reports[0]["files"][0]["error"] == expected.removeprefix(f"{bad}: ")
    assert reports[0]["summary"]["unreadable"] == 1
    assert reports[1]["summary"]["findings"] == 1


@pytest.mark.parametrize(
    "data",
    [b"", b"  \n\t\n", b"Police made\x00 400 arrests."],
    ids=["empty", "whitespace", "nul"],
)
def test_unreadable_text_raises_the_clis_message(cli, data):
    expected = cli_error(cli, "check", "--isolated", "-", stdin=data)
    text = data.decode()
    with pytest.raises(newslint.InputError, match="^" + expected.replace("(", r"\(").replace(")", r"\)") + "$"):
        newslint.check(text)
    assert expected == cli_error(cli, "parse", "-", stdin=data)
    with pytest.raises(newslint.InputError) as e:
        newslint.parse(text)
    assert str(e.value) == expected
    [report] = newslint.check_many([text])
    assert report["files"][0]["error"] == expected.removeprefix("<stdin>: ")


def test_a_bad_selection_or_config_raises_the_clis_message(cli):
    text = read_text(EXAMPLE)
    expected = cli_error(cli, "check", "--isolated", "--select", "XYZ999", EXAMPLE)
    with pytest.raises(newslint.ConfigError) as e:
        newslint.check(text, select=["XYZ999"])
    assert str(e.value) == expected
    assert "unknown rule `XYZ999`" in expected

    expected = cli_error(cli, "check", "--isolated", "--ignore", "nope", EXAMPLE)
    with pytest.raises(newslint.ConfigError) as e:
        newslint.check_many([text], ignore="nope")
    assert str(e.value) == expected

    for name in ["bad_toml.toml", "unknown_key.toml", "unknown_rule.toml"]:
        config = str(REPO / "fixtures" / "config" / name)
        expected = cli_error(cli, "check", "--config", config, EXAMPLE)
        with pytest.raises(newslint.ConfigError) as e:
            newslint.check(text, config=config)
        assert str(e.value) == expected, name

    with pytest.raises(newslint.ConfigError, match="cannot read config"):
        newslint.check(text, config="no/such/newslint.toml")
    with pytest.raises(TypeError, match=r"^select\[0\] must be str, not int$"):
        newslint.check(text, select=[1])


def test_the_exceptions_are_one_family():
    assert issubclass(newslint.InputError, newslint.NewslintError)
    assert issubclass(newslint.ConfigError, newslint.NewslintError)
    assert issubclass(newslint.NewslintError, ValueError)
    assert newslint.InputError.__module__ == "newslint"
