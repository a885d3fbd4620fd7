"""The offline HTML view, opened in Debian's headless Chromium: drawn, no console errors, no
network request, a click shows sources, search finds names. Screenshots go to out/screenshots/
(or $BSKG_SCREENSHOTS) for a person to look at."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import export_samples as samples
from export_support import VIEWS, require_program
from kg.export import export_graph

STARMER = f"{samples.ID}person/keir-starmer"


@pytest.fixture(scope="module")
def page():
    require_program("chromium", "chromium")
    from headless import Page

    with Page(width=1400, height=900) as opened:
        yield opened


def open_fresh(page, path: Path) -> int:
    """Open ``path``; returns where its protocol events start in ``page.events``."""
    before = len(page.events)
    page.open(path)
    page.settle(0.3)
    return before


def problems_and_requests(page, since: int) -> tuple[list, list]:
    saved, page.events = page.events, page.events[since:]
    try:
        return page.problems(), page.requests()
    finally:
        page.events = saved


def inked_pixels(page) -> int:
    """How many canvas pixels are not background: 0 would mean nothing was drawn."""
    return page.evaluate("""(() => {
      const c = document.getElementById('graph'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
      return n; })()""")


def test_html_page_is_self_contained(tmp_path) -> None:
    export_graph(samples.actor_network(), "html", tmp_path / "a.html", "actors")
    text = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!data:|#)""", text)  # nothing to fetch
    assert "default-src 'none'" in text
    assert "<\\/script" not in text and text.count("</script>") == 2  # the data cannot close its element


@pytest.mark.parametrize("view", VIEWS)
def test_html_seed_view_draws_offline_without_errors(exports, projections, page, screenshots, view) -> None:
    path = exports[view, "html"]
    since = open_fresh(page, path)
    state = page.evaluate("({ready: window.bskg.ready, nodes: window.bskg.nodeCount, edges: window.bskg.edgeCount,"
                          " drawnNodes: window.bskg.drawnNodes, drawnEdges: window.bskg.drawnEdges})")
    expected = projections[view]
    n, m = expected.number_of_nodes(), expected.number_of_edges()
    assert state == {"ready": True, "nodes": n, "edges": m, "drawnNodes": n, "drawnEdges": m}
    assert inked_pixels(page) > 2000
    problems, requests = problems_and_requests(page, since)
    assert problems == []
    assert requests == [path.resolve().as_uri()]  # the page itself, nothing else
    page.screenshot(screenshots / f"html-{view}.png")


def test_html_click_on_a_node_shows_its_sources(page, tmp_path, screenshots) -> None:
    path = tmp_path / "actors.html"
    export_graph(samples.actor_network(), "html", path, "actors")
    since = open_fresh(page, path)
    where = page.evaluate(f"window.bskg.where({STARMER!r})")
    from headless import click

    click(page, where["x"], where["y"])
    panel = page.evaluate("document.getElementById('details').innerText")
    assert panel.startswith("Keir Starmer")
    assert samples.DOC in panel and 'We <will> smash the gangs' in panel and "spoke about" in panel
    page.screenshot(screenshots / "html-sample-selected.png")
    page.settle(0.2)
    assert problems_and_requests(page, since) == ([], [path.resolve().as_uri()])


def test_html_click_on_an_edge_shows_its_quote(page, tmp_path) -> None:
    path = tmp_path / "actors.html"
    export_graph(samples.actor_network(), "html", path, "actors")
    open_fresh(page, path)
    a = page.evaluate(f"window.bskg.where({(samples.ID + 'person/yvette-cooper')!r})")
    b = page.evaluate(f"window.bskg.where({(samples.ID + 'governmentdepartment/home-office')!r})")
    from headless import click

    click(page, (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)  # the middle of the only Cooper edge
    panel = page.evaluate("document.getElementById('details').innerText")
    assert panel.startswith("holds post in") and "Home Secretary Yvette Cooper" in panel and samples.DOC in panel


def test_html_search_finds_and_lists_names(page, tmp_path) -> None:
    path = tmp_path / "actors.html"
    export_graph(samples.actor_network(), "html", path, "actors")
    open_fresh(page, path)
    from headless import type_text

    type_text(page, "#search", "cooper")
    results = page.evaluate("document.getElementById('results').innerText")
    assert results.splitlines()[:2] == ["1 match", "Yvette Cooper"]
