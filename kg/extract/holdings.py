"""Posts held as of the document's date, and the appointments it reports.

One holding per person and post in a document, evidenced by the first
reference that names both. A bare "Commander" or "Minister" is dropped when
the same person is also named with a fuller title that ends with it ("Border
Security Commander") or holds the word ("Minister of National Security").
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.people import PersonRef
from kg.model import DateValue, Fact, Ref, Span
from kg.values.names import fold


def extract_holdings(ctx: Context) -> list[Fact]:
    first: dict[tuple[str, str], PersonRef] = {}
    for ref in ctx.refs:
        if ref.post and ref.rule != "post_coreference" and not (ref.rule == "post_only" and ctx.in_quote(ref.start)):
            first.setdefault((ref.person, ref.post), ref)
    _known_holders(ctx, first)
    kept = {pair: ref for pair, ref in first.items() if not _shadowed(ctx, pair, first)}
    facts = [_holding(ctx, ref) for ref in sorted(kept.values(), key=lambda r: r.start)]
    facts += [_appointment(ctx, ref) for ref in ctx.refs if ref.rule == "appointed"]
    return facts


def _known_holders(ctx: Context, first: dict[tuple[str, str], PersonRef]) -> None:
    """People named without a post get the posts the gazetteer says they held on that day."""
    titled = {person for person, _ in first} | {r.person for r in ctx.refs if r.rule.endswith("_former")}
    for ref in ctx.refs:
        if ref.person in titled or ctx.in_quote(ref.start):
            continue
        for post in ctx.people.gazetteer_posts(ref.person, ctx.doc.published):
            first.setdefault((ref.person, post), PersonRef(ref.start, ref.end, ref.person, post, "gazetteer_holding"))
        titled.add(ref.person)


def _shadowed(ctx: Context, pair: tuple[str, str], pairs: dict) -> bool:
    """'Commander' beside 'Border Security Commander', 'Minister' beside 'Minister of National Security'."""
    person, post = pair
    title = fold(ctx.posts[post].label)
    return any(other_person == person and other != post and _fuller(fold(ctx.posts[other].label), title)
               for other_person, other in pairs)


def _fuller(other: str, title: str) -> bool:
    """Whether ``other`` is a fuller form of ``title``: it ends with it, or ``title`` is one of its words."""
    return other != title and (other.endswith(title) or (" " not in title and title in other.split()))


def _holding(ctx: Context, ref: PersonRef) -> Fact:
    fact = Fact("PostHolding", ctx.fact_key("PostHolding", ref.start, ref.end), Span(ref.start, ref.end), ref.rule)
    post = ctx.posts[ref.post]
    fact.label = f"{ctx.entities[ref.person].label}, {post.label}"
    fact.add("holder", Ref(ref.person))
    fact.add("post", Ref(ref.post))
    sentence = next(s for s in ctx.sentences if s.start <= ref.start < s.end)
    day = ctx.reference_day(sentence)
    fact.add("asOf", DateValue(day.isoformat(), "day") if day else None)
    return fact


def _appointment(ctx: Context, ref: PersonRef) -> Fact:
    fact = Fact("Appointment", ctx.fact_key("Appointment", ref.start, ref.end), Span(ref.start, ref.end), "appointed")
    fact.label = f"{ctx.entities[ref.person].label} appointed {ctx.posts[ref.post].label}"
    fact.add("appointee", Ref(ref.person))
    fact.add("appointedTo", Ref(ref.post))
    sentence = next(s for s in ctx.sentences if s.start <= ref.start < s.end)
    fact.add("date", ctx.sentence_date(sentence) or ctx.published_value())
    return fact
