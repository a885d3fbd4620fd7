"""Exceptions raised by bskg.

Every error bskg raises on purpose derives from one base, so a caller (the CLI
above all) can catch it and print a one-line message instead of a traceback::

    BskgError               any failure bskg anticipates
    ├── InputError          a file is missing, has an unknown extension or cannot be parsed
    ├── OutputError         an output file or folder cannot be written
    ├── QueryError          a SPARQL query is malformed or cannot be run
    └── ValidationFailed    a graph breaks a SHACL shape or an OWL axiom
"""
from __future__ import annotations


class BskgError(Exception):
    """Base class of all errors bskg raises on purpose."""


class InputError(BskgError):
    """An input file is missing, of an unknown kind, or cannot be parsed."""


class OutputError(BskgError, OSError):
    """An output file cannot be written: its folder cannot be made or is read-only, or the path is a folder.

    Also an ``OSError``, so callers that caught the operating system's error still catch it.
    """


class QueryError(BskgError):
    """A SPARQL query is malformed or cannot be run."""


class ValidationFailed(BskgError):
    """A graph does not conform to the bskg shapes or ontology."""
