"""Load the extraction patterns kept as data in ``data/patterns/``."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from kg.resources import resource_dir


@lru_cache(maxsize=None)
def patterns(name: str) -> dict[str, Any]:
    """The mapping in ``data/patterns/NAME.yaml``."""
    path = resource_dir("data") / "patterns" / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
