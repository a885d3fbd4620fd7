"""Names the gazetteer does not know, classified by their head word (data/patterns/entities.yaml)."""
from __future__ import annotations

import pytest

from helpers import extract_text


@pytest.mark.parametrize("name,cls", [
    ("Lebanese Armed Forces", "Organisation"),
    ("Garda National Immigration Bureau", "LawEnforcementAgency"),
    ("International Protection Appeals Tribunal", "GovernmentDepartment"),
])
def test_unknown_name_takes_the_class_of_its_head(tmp_path, name: str, cls: str) -> None:
    extraction = extract_text(tmp_path, f"Ministers met officials of the {name} on Monday.")
    assert {(e.label, e.cls) for e in extraction.entities.values()} >= {(name, cls)}
