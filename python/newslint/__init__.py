"""newslint: a copy desk for news articles, from Python.

The same engine as the ``newslint`` command line, in process. Every function
returns the document the CLI prints as JSON, as Python objects (dicts,
lists, str, int, float, bool, None), with the same ``schema_version``:

- :func:`check` -- ``newslint check --format json`` of one text;
- :func:`check_many` -- the same for many texts, in parallel, in order;
- :func:`parse` -- ``newslint parse``: the article's structure;
- :func:`claims` -- ``newslint claims``: every checkable claim.

The contracts (every field, spans as byte offsets plus 1-based lines and
columns counted in Unicode scalar values) are documented in the README's
"Output formats and the JSON contracts".

Errors are exceptions whose messages are the CLI's: :class:`InputError` for a
text newslint cannot check, :class:`ConfigError` for a bad selection or config
file, both subclasses of :class:`NewslintError` (a ``ValueError``);
``TypeError`` for an argument of the wrong type.

>>> import newslint
>>> report = newslint.check("Police made nearly 400 arrests.", path="a.txt")
>>> report["summary"]["findings"]
0
"""

import json
import os
from collections.abc import Iterable
from typing import Any

from . import _native
from ._native import ConfigError, InputError, NewslintError

__all__ = [
    "check",
    "check_many",
    "parse",
    "claims",
    "NewslintError",
    "InputError",
    "ConfigError",
    "__version__",
]

#: The version of the engine (``newslint --version`` prints the same).
__version__: str = _native.ENGINE_VERSION

def _fspath(path: "str | os.PathLike[str] | None") -> "str | None":
    return None if path is None else os.fspath(path)


def check(
    text: str,
    *,
    path: str | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    extend_select: str | Iterable[str] | None = None,
    config: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """Check one article; return the report ``newslint check --format json`` prints.

    The report is ``{"schema_version": 1, "files": [file], "summary": {...}}``
    with one file, ``{"path", "findings": [...], "error": None}``. Each finding
    has ``code``, ``rule``, ``severity``, ``message``, ``help``,
    ``fingerprint`` and one location per side (``path``, ``section``,
    ``line``, ``column``, ``end_line``, ``end_column``, ``start``, ``end``,
    ``text``, ``role``), the primary side first.

    Args:
        text: The article, as ``str``.
        path: The name shown in the report and matched by a config file's
            ``[[overrides]] files`` (default ``"<stdin>"``, as for
            ``newslint check -``).
        select: Run only these rules: codes (``"NUM001"``), names
            (``"quantity-conflict"``), families (``"NUM"``) or ``"ALL"``; one
            str (commas separate several) or an iterable of str. As
            ``--select``.
        ignore: Leave these rules out. As ``--ignore``.
        extend_select: Run these rules too (e.g. a pedantic one). As
            ``--extend-select``.
        config: A ``newslint.toml`` to read, as ``--config FILE``. Without
            one no file is looked for (as ``--isolated``): a call never
            depends on the current directory.

    Returns:
        The report as a dict, equal to ``json.loads`` of the CLI's output.

    Raises:
        InputError: The text is empty, whitespace only, holds a NUL byte or a
            lone surrogate (bytes that were not UTF-8, decoded with
            ``errors="surrogateescape"``); the message is the CLI's,
            ``"PATH: reason"``.
        ConfigError: An unknown rule in a selection, or a bad config file.
        TypeError: ``text`` is not a ``str`` (``bytes``, ``None``, ...).

    Example::

        r = newslint.check(article, path="a.txt")
        codes = [f["code"] for f in r["files"][0]["findings"]]
    """
    return json.loads(
        _native.check(
            text,
            path=path,
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            config=_fspath(config),
        )
    )


def check_many(
    texts: Iterable[str],
    *,
    paths: Iterable[str] | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    extend_select: str | Iterable[str] | None = None,
    config: str | os.PathLike[str] | None = None,
    threads: int | None = None,
) -> list[dict[str, Any]]:
    """Check many articles in parallel; return one report per text, in input order.

    Each report is what :func:`check` returns for that text (the CLI's
    ``newslint check --format json`` of that one article). The work runs on
    ``threads`` threads with the GIL released, so other Python threads go on
    meanwhile. The result does not depend on ``threads``.

    As the CLI does with many inputs, a text that cannot be checked (empty,
    whitespace only, a NUL byte, a lone surrogate) does not stop the others:
    its report has no findings, ``files[0]["error"]`` is the CLI's reason and
    ``summary["unreadable"]`` is 1.

    Args:
        texts: The articles: any iterable of ``str`` (a list, a pandas
            Series, a generator).
        paths: One name per text (e.g. a DataFrame's id column); default
            ``"<stdin>"`` for each.
        select, ignore, extend_select, config: As for :func:`check`.
        threads: Worker threads; default one per CPU. Use 1 where the caller
            already runs one task per core (a Spark executor).

    Returns:
        A list of reports, ``len(texts)`` long, in the order of ``texts``.

    Raises:
        TypeError: ``texts`` is one ``str``, or an item is not a ``str``
            (the message names its index: ``texts[3] must be str, not None``).
        ValueError: ``paths`` does not have one item per text, or
            ``threads`` is 0.
        ConfigError: As for :func:`check`.

    Example::

        reports = newslint.check_many(df["text"], paths=df["id"])
        df["errors"] = [r["summary"]["errors"] for r in reports]
    """
    return [
        json.loads(doc)
        for doc in _native.check_many(
            texts,
            paths=paths,
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            config=_fspath(config),
            threads=threads,
        )
    ]


def parse(text: str, *, path: str | None = None) -> dict[str, Any]:
    """Parse an article; return the structure ``newslint parse`` prints.

    ``{"schema_version": 1, "path", "headline", "lede", "outline",
    "sections", "key_points", "summary", "faq", "notes"}``; every piece has
    its ``text`` and ``span`` (``start``/``end`` byte offsets into the text
    encoded as UTF-8, ``line``/``column``/``end_line``/``end_column`` 1-based).

    Args:
        text: The article, as ``str``.
        path: The ``path`` field of the document (default ``"<stdin>"``).

    Raises:
        InputError: As for :func:`check`.
        TypeError: ``text`` is not a ``str``.

    Example::

        [s["heading"]["text"] for s in newslint.parse(article)["sections"]]
    """
    return json.loads(_native.parse(text, path=path))


def claims(text: str, *, path: str | None = None) -> dict[str, Any]:
    """Extract an article's checkable claims; return what ``newslint claims`` prints.

    ``{"schema_version": 1, "path", "figures", "tallies", "quotes",
    "entities", "dates"}``: figures with their hedge, range, unit and counted
    thing; quotes with their speakers; people with their titles and
    mentions; dates and weekdays.

    Args:
        text: The article, as ``str``.
        path: The ``path`` field of the document (default ``"<stdin>"``).

    Raises:
        InputError: As for :func:`check`.
        TypeError: ``text`` is not a ``str``.

    Example::

        [f["text"] for f in newslint.claims(article)["figures"] if f["key"] == "arrests"]
    """
    return json.loads(_native.claims(text, path=path))
