"""The package's metadata, stubs and documentation."""

import ast
import doctest
import importlib.metadata
import inspect
from importlib import resources

import newslint
from newslint import _native
from conftest import run

PUBLIC = [newslint.check, newslint.check_many, newslint.parse, newslint.claims]


def test_versions_agree(cli):
    assert newslint.__version__ == importlib.metadata.version("newslint")
    assert run(cli, "--version").stdout.decode().strip() == f"newslint {newslint.__version__}"


def test_the_stub_declares_exactly_what_the_extension_exports():
    stub = resources.files("newslint").joinpath("_native.pyi").read_text()
    tree = ast.parse(stub)
    declared = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            declared.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared.add(node.target.id)
    exported = {n for n in dir(_native) if not n.startswith("_")}
    assert declared == exported
    # the stub's parameters are the extension's
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            sig = inspect.signature(getattr(_native, node.name))
            names = [a.arg for a in node.args.args + node.args.kwonlyargs]
            assert names == list(sig.parameters), node.name


def test_the_package_is_typed():
    assert resources.files("newslint").joinpath("py.typed").is_file()
    for fn in PUBLIC:
        sig = inspect.signature(fn)
        assert sig.return_annotation is not inspect.Signature.empty, fn.__name__
        for p in sig.parameters.values():
            assert p.annotation is not inspect.Parameter.empty, (fn.__name__, p.name)
        # the wrapper's keywords are the extension's
        native = inspect.signature(getattr(_native, fn.__name__))
        assert list(sig.parameters) == list(native.parameters), fn.__name__


def test_help_reads_well():
    for fn in PUBLIC:
        doc = inspect.getdoc(fn)
        # a one-line summary, then the details
        lines = doc.splitlines()
        assert lines[0].endswith(".") and len(lines[0]) <= 90 and lines[1] == "", fn.__name__
        for section in ("Args:", "Raises:", "Example::"):
            assert section in doc, (fn.__name__, section)
    assert "json.loads" in inspect.getdoc(newslint.check)
    assert inspect.getdoc(newslint.InputError)


def test_the_module_docstring_example_runs():
    result = doctest.testmod(newslint, verbose=False)
    assert result.attempted >= 2
    assert result.failed == 0
