"""Property-based tests of the whole extractor on random and mutated press releases.

The texts are the phenomenon fixtures (tests/fixtures/documents/*.txt) changed
by random insertions, deletions, swapped sentences and paragraphs, spliced
pieces of other releases and random Unicode, plus text made from scratch.
For each, through the real path (file -> read_document -> extract -> RDF):

* nothing raises but ``InputError``, whose message is one line naming the file;
* every fact's evidence lies inside the text and is not empty;
* every bskg:TextSpan in the graph quotes ``doc.text[start:end]`` exactly;
* the N-Quads written for the graph parse back to the same graph, byte for byte;
* the graph conforms to the SHACL shapes.

When hypothesis finds a crash or a shape violation in the extractor that is
not fixed at once, it goes into ``KNOWN_CRASHES`` or ``KNOWN_SHAPE_BUGS`` (the
property tests then let exactly that pass, so they keep hunting for new kinds
of failure) with its minimal input in ``KNOWN_BUG_INPUTS``, marked
xfail(strict=True), so the test fails loudly once the bug is fixed. Both lists
are empty now: what they held is fixed, and the inputs stay as regressions.
"""
from __future__ import annotations

import atexit
import re
import shutil
import tempfile
import traceback
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Literal

from kg.errors import InputError
from kg.gazetteer import load_gazetteer
from kg.ingest import read_document
from kg.namespaces import BSKG
from kg.pipeline import extract
from kg.rdf.graph import add_extraction
from kg.rdf.io import serialize
from kg.validate import validate_graph
from robust_support import FIXTURES, examples

RELEASES = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
SENTENCES = sorted({s.strip() for text in RELEASES for s in re.split(r"(?<=[.!?:])\s+", text) if s.strip()})
SNIPPETS = [
    "£5 million", "up to €40 million", "$25m", "63 million pounds", "Home Secretary", "the Home Secretary",
    "Yvette Cooper", "Prime Minister Keir Starmer", "Border Force", "the National Crime Agency", "said:", "said.",
    '"', "“", "”", "‘", "’", "\n\n", "\n- ", "\n* ", "---\n", "title: x\n", "published: 2024-02-30\n", ":",
    "yesterday (Tuesday 17 September)", "today", "last week", "on Monday", "17 September 2024", "in 2023-24",
    "around 40 investigations", "a 35% drop", "Nine of the gangs' leaders", "(ICMPD)", "will fund", "announced",
    "met", "in Rome", "signed", "appointed as", "\r\n", "\u2028", "\u2029", "\x0c", "\x85", "\x0b", "\x1c",
    "\u200b", "\u200f", "\ufeff", "é", "e\u0301", "🇬🇧", "😀", "İ", "ß", "ﬁ", "١٢٣", "１２", "\t", "  ",
]
# Characters that stress offsets: line and paragraph separators str.splitlines() honours, combining
# marks, bidi controls, zero-width characters, astral-plane symbols, full-width digits.
AWKWARD = st.one_of(st.sampled_from(SNIPPETS[-22:]), st.characters(codec="utf-8", exclude_characters="\x00"))
TEXT_PIECE = st.one_of(st.sampled_from(SNIPPETS), st.sampled_from(SENTENCES),
                       st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20))

# (exception type, name of the function raising it) -> what breaks it; e.g. ("KeyError", "_post_key")
KNOWN_CRASHES: dict[tuple[str, str], str] = {}
# SHACL constraint -> what breaks it; e.g. "Event-date"
KNOWN_SHAPE_BUGS: dict[str, str] = {}
GAZETTEER = load_gazetteer()
WORKDIR = Path(tempfile.mkdtemp(prefix="bskg-hypothesis-"))
atexit.register(shutil.rmtree, WORKDIR, ignore_errors=True)


@st.composite
def mutated_release(draw) -> str:
    text = draw(st.sampled_from(RELEASES))
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["insert", "delete", "swap_sentences", "swap_paragraphs",
                                          "duplicate", "splice", "awkward", "case"]))
        if operation == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(TEXT_PIECE) + text[at:]
        elif operation == "delete" and text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start, min(len(text), start + 300)))
            text = text[:start] + text[end:]
        elif operation in ("swap_sentences", "swap_paragraphs"):
            splitter = r"(?<=[.!?:])( +)" if operation == "swap_sentences" else r"(\n\n+)"
            parts = re.split(splitter, text)
            pieces, gaps = parts[0::2], parts[1::2]
            if len(pieces) > 1:
                i, j = draw(st.integers(0, len(pieces) - 1)), draw(st.integers(0, len(pieces) - 1))
                pieces[i], pieces[j] = pieces[j], pieces[i]
                text = "".join(p + (gaps[k] if k < len(gaps) else "") for k, p in enumerate(pieces))
        elif operation == "duplicate" and text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start, min(len(text), start + 400)))
            text = text[:end] + text[start:end] + text[end:]
        elif operation == "splice":
            other = draw(st.sampled_from(RELEASES))
            start = draw(st.integers(0, len(other)))
            piece = other[start:draw(st.integers(start, min(len(other), start + 400)))]
            at = draw(st.integers(0, len(text)))
            text = text[:at] + piece + text[at:]
        elif operation == "awkward":
            for _ in range(draw(st.integers(1, 8))):
                at = draw(st.integers(0, len(text)))
                text = text[:at] + draw(AWKWARD) + text[at:]
        elif operation == "case" and text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start, min(len(text), start + 200)))
            text = text[:start] + draw(st.sampled_from([str.upper, str.lower, str.title]))(text[start:end]) + text[end:]
    return text


@st.composite
def random_release(draw) -> str:
    front = draw(st.sampled_from(["", "---\ntitle: Random\npublished: 2024-05-16\n---\n",
                                  "---\npublished: 2021-10-14\npublisher: Home Office\n---\n"]))
    return front + "".join(draw(st.lists(TEXT_PIECE, min_size=1, max_size=30)))


def check_release(text: str, suffix: str = ".txt", known: bool = True) -> None:
    """The checks of the module doc; ``known``: let the known bugs (KNOWN_CRASHES, KNOWN_SHAPE_BUGS) pass."""
    path = WORKDIR / f"release{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        doc = read_document(path)
    except InputError as error:  # refused input is fine, if it says so in one line naming the file
        message = str(error)
        assert "\n" not in message and str(path) in message, message
        return
    try:
        extraction = extract(doc, GAZETTEER)
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1].name
        if known and (type(error).__name__, where) in KNOWN_CRASHES:
            return
        raise
    for fact in extraction.facts:
        for span in (fact.evidence, *fact.more_evidence):
            assert 0 <= span.start < span.end <= len(doc.text), (fact.cls, fact.rule, span)
    dataset = Dataset(default_union=True)
    add_extraction(dataset, extraction)
    for span in set(dataset.subjects(None, BSKG.TextSpan)):
        start, end = int(dataset.value(span, BSKG.start)), int(dataset.value(span, BSKG.end))
        quote = dataset.value(span, BSKG.quote)
        assert quote == Literal(doc.text[start:end]), (span, quote, doc.text[start:end])
    nquads = serialize(dataset, Path("graph.nq"))
    again = Dataset()
    again.parse(data=nquads, format="nquads")
    assert serialize(again, Path("graph.nq")) == nquads, "N-Quads output does not parse back to itself"
    report = validate_graph(dataset, reasoner=False)
    unknown = [v for v in report.violations if not (known and v.constraint in KNOWN_SHAPE_BUGS)]
    assert not unknown, report.text()


@examples(500)
@given(mutated_release())
def test_extract_mutated_release_spans_valid_and_graph_conforms(text: str) -> None:
    check_release(text)


@examples(250)
@given(random_release())
def test_extract_random_text_spans_valid_and_graph_conforms(text: str) -> None:
    check_release(text)


@examples(150)
@given(mutated_release(), st.sampled_from([".md", ".html"]))
def test_extract_mutated_release_other_formats(text: str, suffix: str) -> None:
    if suffix == ".html":
        text = "<html><head><script>var s = 'Home Secretary £9 million';</script></head><body><main>" + \
               "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n")) + "</main></body></html>"
    check_release(text, suffix)


@pytest.mark.parametrize("name", [path.name for path in sorted(FIXTURES.glob("*.txt"))])
def test_extract_each_fixture_unchanged_passes_the_same_checks(name: str) -> None:
    check_release((FIXTURES / name).read_text(encoding="utf-8"))


PUBLISHED = "---\npublished: 2024-05-16\n---\n"
KNOWN_BUG_INPUTS = [  # regressions: each once crashed the extractor or broke a shape
    pytest.param("Rome Minister, J", id="title-after-place-crashes"),
    pytest.param("In Rome Minister, Piantedosi met officials.\n", id="title-after-place-sentence"),
    pytest.param(PUBLISHED + "A flight left yesterday and another on Tuesday.\n", id="two-dates-one-sentence"),
    pytest.param(PUBLISHED + "The law was passed in May 2023 and in June 2024.\n", id="legislative-two-dates"),
    pytest.param(PUBLISHED + "A flight left yesterday and another in June 2023.\n", id="two-precisions"),
    pytest.param(PUBLISHED + "The Home Secretary announced £5 million and $25m for Border Force.\n",
                 id="two-amounts-one-sentence"),
    pytest.param(PUBLISHED + "The Home Secretary announced £5 million and up to €40 million for Border Force.\n",
                 id="ceiling-and-plain-amount"),
]


@pytest.mark.parametrize("text", KNOWN_BUG_INPUTS)
def test_extractor_regression(text: str) -> None:
    check_release(text, known=False)
