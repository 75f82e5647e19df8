"""Type stubs of the extension module behind `newslint` (src/lib.rs of this crate).

Each function returns the CLI's JSON document as a str; `newslint`'s
functions of the same names turn it into Python objects. Use those.
"""

import os
from collections.abc import Iterable
from typing import Optional, Union

_Selection = Union[str, Iterable[str], None]

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
    path: Optional[str] = None,
    select: _Selection = None,
    ignore: _Selection = None,
    extend_select: _Selection = None,
    config: Union[str, os.PathLike[str], None] = None,
) -> str: ...
def check_many(
    texts: Iterable[str],
    *,
    paths: Optional[Iterable[str]] = None,
    select: _Selection = None,
    ignore: _Selection = None,
    extend_select: _Selection = None,
    config: Union[str, os.PathLike[str], None] = None,
    threads: Optional[int] = None,
) -> list[str]: ...
def parse(text: str, *, path: Optional[str] = None) -> str: ...
def claims(text: str, *, path: Optional[str] = None) -> str: ...
def main(argv: list[str]) -> int: ...
