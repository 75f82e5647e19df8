"""Type stubs of the extension module behind `newslint` (src/lib.rs of this crate).

Each function returns the CLI's JSON document as a str; `newslint`'s
functions of the same names turn it into Python objects. Use those.
"""

import os
from collections.abc import Iterable

_Selection = str | Iterable[str] | None

ENGINE_VERSION: str

class NewslintError(ValueError):
    """Base class of newslint's errors (a ValueError)."""

class InputError(NewslintError):
    """A text newslint cannot check; the message is the CLI's `PATH: reason`."""

class ConfigError(NewslintError):
    """A bad selection or config file; the message is the CLI's."""

def check(
    text: str,
    *,
    path: str | None = None,
    select: _Selection = None,
    ignore: _Selection = None,
    extend_select: _Selection = None,
    config: str | os.PathLike[str] | None = None,
) -> str: ...
def check_many(
    texts: Iterable[str],
    *,
    paths: Iterable[str] | None = None,
    select: _Selection = None,
    ignore: _Selection = None,
    extend_select: _Selection = None,
    config: str | os.PathLike[str] | None = None,
    threads: int | None = None,
) -> list[str]: ...
def parse(text: str, *, path: str | None = None) -> str: ...
def claims(text: str, *, path: str | None = None) -> str: ...
def main(argv: list[str]) -> int: ...
