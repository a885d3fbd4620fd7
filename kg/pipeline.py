"""The extraction pipeline: a Document in, its entities, posts and n-ary facts out.

The stages run in this order because each reads what the previous ones set:
quotes first (so narrative extractors can skip quoted speech), then figures,
funding, commitments (which point at packages), events, quotes dated by the
meetings their attributions name, holdings, and the entity mentions that make
every named actor citable.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.commitments import extract_commitments
from kg.extract.context import Context, analyse
from kg.extract.entities import Entity
from kg.extract.events import extract_events
from kg.extract.figures import extract_figures
from kg.extract.funding import extract_funding
from kg.extract.holdings import extract_holdings
from kg.extract.occasions import date_quotes_by_occasion
from kg.extract.people import Post
from kg.extract.statements import extract_statements
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.model import Document, Fact, Ref, Span


@dataclass
class Extraction:
    """What one document states: its entities, posts and facts."""

    doc: Document
    entities: dict[str, Entity]
    posts: dict[str, Post]
    facts: list[Fact]
    warnings: list[str]


def extract(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    ctx = analyse(doc, gazetteer or load_gazetteer())
    _run(ctx, extract_statements(ctx))
    _run(ctx, extract_figures(ctx))
    packages = extract_funding(ctx)
    _run(ctx, packages)
    _run(ctx, extract_commitments(ctx, packages))
    _run(ctx, extract_events(ctx))
    date_quotes_by_occasion(ctx)
    _run(ctx, extract_holdings(ctx))
    _run(ctx, _mentions(ctx))
    return Extraction(doc, ctx.entities, ctx.posts, ctx.facts, _warnings(ctx))


def _run(ctx: Context, facts: list[Fact]) -> None:
    ctx.facts.extend(facts)


def _mentions(ctx: Context) -> list[Fact]:
    facts = []
    spans = [(m.start, m.end, m.key) for m in ctx.mentions] + [(r.start, r.end, r.person) for r in ctx.refs]
    for start, end, key in sorted(set(spans)):
        fact = Fact("EntityMention", ctx.fact_key("EntityMention", start, end), Span(start, end), "mention")
        fact.label = ctx.entities[key].label
        fact.add("mentions", Ref(key))
        facts.append(fact)
    return facts


def _warnings(ctx: Context) -> list[str]:
    warnings = []
    if ctx.doc.published is None:
        warnings.append(f"{ctx.doc.name}: no publication date in front matter or text; relative dates stay unresolved")
    for sentence in ctx.sentences:
        for mention in ctx.dates[sentence.index]:
            if mention.value is None:
                warnings.append(f"{ctx.doc.name}: date not resolved: {mention.text!r}")
    return warnings
