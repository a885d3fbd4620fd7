"""YAML as bskg reads it: with libyaml where built, and with only true/false as booleans.

YAML 1.1, which PyYAML implements, also reads on/off/yes/no as booleans: the
word list ``[in, on, at]`` held True in place of "on", and a country code ``NO``
would be False. Data files and front matter are words, so bskg follows YAML 1.2
here. Dates (``published: 2024-09-18``) are still read as dates.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: 5-10x faster, same results
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2's booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rule) for tag, rule in resolvers if tag != _BOOL]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text: str) -> Any:
    """The data in a YAML text (safe: plain data only)."""
    return yaml.load(text, Loader=_Loader)
