"""bskg: border-security press releases as a citable RDF knowledge graph.

The Python API, small and lazy (nothing heavy is imported until used)::

    import kg
    dataset = kg.load()                                   # the bundled graph, an rdflib Dataset
    rows = kg.query("cq01", data="out/corpus.nq")         # list of dicts
    rows = kg.query("posts_of_person", person="Yvette Cooper", store="oxigraph:out/store")
    frame = kg.query_df("funding_by_recipient")           # a pandas DataFrame, if pandas is installed
    kg.build([Path("docs")], Path("out/corpus.nq"))       # calls kg.build.build
    kg.validate([Path("out/corpus.nq")])                  # calls kg.validate.validate_files

``kg.build`` and ``kg.validate`` are the submodules of those names, made
callable, so ``kg.build.build_dataset`` and ``from kg.build import ...`` work
as before.
"""
from __future__ import annotations

__all__ = ["build", "load", "query", "query_df", "validate"]

import importlib
import sys
import types

from kg.api import load, query, query_df

_CALLABLE = {"build": "build", "validate": "validate_files"}  # submodule -> the function calling it runs


class _CallableModule(types.ModuleType):
    def __call__(self, *args: object, **kwargs: object) -> object:
        return getattr(self, _CALLABLE[self.__name__.rsplit(".", 1)[1]])(*args, **kwargs)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: object) -> None:
        if name in _CALLABLE and type(value) is types.ModuleType:
            value.__class__ = _CallableModule  # the import system binding kg.build / kg.validate
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> object:
    if name in _CALLABLE:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
