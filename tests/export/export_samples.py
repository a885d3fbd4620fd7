"""Small networkx graphs shaped like kg.analysis.projection's, with the values that break writers."""
from __future__ import annotations

import networkx as nx

ID = "https://w3id.org/bskg/id/"
DOC = "2024-09-18_border_security_command_funding.txt"


def person(graph, slug: str, label: str, kind: str = "Person") -> str:
    iri = f"{ID}{kind.lower()}/{slug}"
    graph.add_node(iri, label=label, kind=kind, iri=iri)
    return iri


def fact(name: str) -> str:
    return f"{ID}fact/2024-09-18-border-security-command-funding-txt/{name}"


def actor_network() -> nx.MultiDiGraph:
    """Five actors, seven edges: parallel edges, a self-loop, awkward text, partial and missing dates."""
    g = nx.MultiDiGraph()
    starmer = person(g, "keir-starmer", "Keir Starmer")
    cooper = person(g, "yvette-cooper", "Yvette Cooper")
    home_office = person(g, "home-office", "Home Office", "GovernmentDepartment")
    meloni = person(g, "giorgia-meloni", "Giorgia Meloni")
    italy = person(g, "italy", "Italy", "State")
    common = {"source": DOC, "label": None}
    g.add_edge(cooper, home_office, kind="holds_post_in", date="2024-09-09", start=1590, end=1604,
               quote="Home Secretary Yvette Cooper", fact=fact("PostHolding-1590-1604"), **common)
    g.add_edge(starmer, meloni, kind="met_with", date="2024-09-16", start=10, end=80,
               quote='He said: "We <will> smash the gangs" & more\nnext line', fact=fact("Meeting-10-80"), **common)
    g.add_edge(starmer, meloni, kind="spoke_about", date="2024-09", start=90, end=120,
               quote="talks", fact=fact("DirectQuote-90-120"), **common)
    g.add_edge(meloni, starmer, kind="met_with", date="2024-09-16", start=10, end=80,
               quote="same meeting, other way", fact=fact("Meeting-10-80"), **common)
    g.add_edge(home_office, italy, kind="partners_with", date="", start=200, end=260, quote="partnership",
               fact=fact("Agreement-200-260"), tags=["returns", "intelligence"], verified=True, **common)
    g.add_edge(italy, home_office, kind="funds", date="2024", start=300, end=340, quote="EUR 4 million",
               fact=fact("FundingPackage-300-340"), tags=[], verified=False, weight=2, **common)
    g.add_edge(home_office, home_office, kind="announced", date="2024-09-18", start=0, end=40,
               quote="announced", fact=fact("Announcement-0-40"), weight=2.5, **common)
    return g


def funding_flows() -> nx.DiGraph:
    g = nx.DiGraph()
    uk = person(g, "united-kingdom", "United Kingdom", "State")
    iraq = person(g, "iraq", "Iraq", "State")
    g.add_edge(uk, iraq, kind="funds", amount=800000.0, currency="GBP", ceiling=False, date="2024-11-26",
               source=DOC, start=5, end=50, quote="GBP 800,000", fact=fact("FundingPackage-5-50"), label="funds")
    return g


def actor_event_graph() -> nx.Graph:
    g = nx.Graph()
    starmer = person(g, "keir-starmer", "Keir Starmer")
    meloni = person(g, "giorgia-meloni", "Giorgia Meloni")
    for node in (starmer, meloni):
        g.nodes[node]["bipartite"] = 0
    event = f"{ID}event/rome-meeting"
    g.add_node(event, label="Rome meeting", kind="Meeting", iri=event, bipartite=1, date="2024-09-16")
    for node in (starmer, meloni):
        g.add_edge(node, event, kind="took_part_in", date="2024-09-16", source=DOC, start=10, end=80,
                   quote="met in Rome", fact=fact("Meeting-10-80"))
    return g
