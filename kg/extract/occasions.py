"""Quotes dated by the occasion they were said at.

A quote whose attribution states no date is dated with the release. When the
attribution says where it was said ("In Cartagena, Secretary Mayorkas said:")
or at what ("Speaking after the meeting, ...", "... told the conference",
"... said when the memorandum was signed"), it was said at a meeting this
document reports, and takes that meeting's date. Runs after the events stage,
which finds the meetings.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.model import Fact, Ref
from kg.patterns import meeting_noun_pattern

_SIGNING = re.compile(r"\bwhen\b[^.]{0,60}\b(?:was|were)\s+signed\b")


def date_quotes_by_occasion(ctx: Context) -> None:
    """Give each quote that the release dates only by default the date of the meeting its attribution names."""
    meetings = [f for f in ctx.facts if f.rule == "meeting" and f.first("date")]  # the events stage's meetings
    for quote in (f for f in ctx.facts if f.cls == "DirectQuote"):
        attribution = ctx.attributions.get(quote.key)
        if attribution is None:
            continue
        earlier = [m for m in meetings if m.evidence.start < quote.evidence.start]
        meeting = _at_place(ctx, earlier, attribution) or _at_meeting(ctx, earlier, attribution)
        if meeting is not None:
            quote.props["date"] = [meeting.first("date")]
            quote.rule = f"{quote.rule}+occasion"


def _at_place(ctx: Context, meetings: list[Fact], span: tuple[int, int]) -> Fact | None:
    """'In Cartagena, ... said:': the one dated meeting held at a place the attribution names."""
    said = ctx.doc.text[span[0]:span[1]]
    held = [m for m in meetings if isinstance(m.first("place"), Ref)
            and re.search(rf"\b{re.escape(ctx.entities[m.first('place').key].label)}\b", said)]
    return held[-1] if held and len({m.first("date") for m in held}) == 1 else None


def _at_meeting(ctx: Context, meetings: list[Fact], span: tuple[int, int]) -> Fact | None:
    """'Speaking after the meeting', 'told the conference': the meeting so called last reported; 'when the
    memorandum was signed': the signing last reported."""
    text = ctx.doc.text
    noun = meeting_noun_pattern().search(text, *span)
    if noun:
        called = [m for m in meetings if noun.group().lower() in m.label.lower()]
        return called[-1] if called else None
    if _SIGNING.search(text, *span):
        signed = [m for m in meetings if "signed" in text[m.evidence.start:m.evidence.end]]
        return signed[-1] if signed else None
    return None
