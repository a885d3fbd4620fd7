"""A generator of realistic border-security press releases, each with the competency answers it states.

Not a test fixture: a corpus for measuring speed and accuracy at scale. Every
document is made from its own random stream (``seed`` and its number), so the
first N documents of a larger corpus are the corpus of N, and the same seed
always gives the same bytes.

A release has a lead paragraph announcing funding (GBP, EUR or USD, some "up
to" ceilings, a few with an equivalent in another currency), and in a shuffled
order some of: a bulleted list of what the money pays for, a meeting abroad or
in London with a delegation ("X joined the UK delegation"), reported figures
and dated incidents ("last month", "on Tuesday", "yesterday"), quote blocks
("Title Name said:" then a paragraph) and inline quotes, a post named without
its holder ("the Prime Minister"), and background naming organisations.
People and posts come from the gazetteer (the holder on the date, so the
expected answer is the real one), organisations from the gazetteer and
invented ones ("Channel Maritime Intelligence Unit"), some invented people.

The expected answers use the gold format of the competency questions
(``[[cq]]`` tables with must/may rows; see the shared COMPETENCY.md) and are
written beside each document as ``NAME.gold.toml``, so the shared scorer can
read them too::

    .venv/bin/python benchmarks/corpus.py --count 1000 --seed 7 --out /tmp/corpus
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from kg.values.names import slug  # noqa: E402

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty"}
FIRST_DAY, LAST_DAY = date(2021, 1, 4), date(2025, 8, 29)
QUERIES = {f"cq{n:02d}": f"queries/cq{n:02d}_{name}.rq" for n, name in enumerate(
    ["funding", "recipients", "commitments", "posts", "meetings", "statements", "provenance", "figures",
     "timeline", "organisations"], start=1)}
EXHAUSTIVE = {"cq01", "cq02", "cq03", "cq04", "cq05", "cq06"}

# UK posts that announce and speak: post id -> how releases write the title.
UK_SPEAKERS = {
    "uk-home-secretary": "Home Secretary", "uk-prime-minister": "Prime Minister",
    "uk-security-minister": "Security Minister", "uk-minister-for-immigration": "Immigration Minister",
    "uk-minister-border-security-asylum": "Border Security Minister",
    "uk-minister-countering-illegal-migration": "Illegal Migration Minister",
    "uk-minister-legal-migration-border": "Legal Migration Minister",
    "uk-minister-migration-citizenship": "Migration Minister", "uk-foreign-secretary": "Foreign Secretary",
}
HOSTS = ("uk-home-secretary", "uk-security-minister", "uk-minister-border-security-asylum",
         "uk-minister-for-immigration", "uk-minister-countering-illegal-migration")
# Officials who join delegations: post id -> (title as written, organisation as a cq04 cell, post as a cq04 cell).
DELEGATES = {
    "uk-border-force-director-general": ("Director General of Border Force", "Border Force", "Director General"),
    "uk-nca-director-general": ("Director General of the National Crime Agency", "National Crime Agency|NCA",
                                "Director General"),
    "uk-border-security-commander": ("Border Security Commander", "", "Border Security Commander"),
}
# Counterparts: post id -> (title as written before a name, place of their office, cq04 organisation cell).
COUNTERPARTS = {
    "france-interior-minister": ("French Interior Minister", ["Paris", "Calais"], "France|French"),
    "germany-interior-minister": ("German Interior Minister", ["Berlin"], "Germany|German"),
    "italy-interior-minister": ("Italian Interior Minister", ["Rome"], "Italy|Italian"),
    "iraq-interior-minister": ("Iraqi Interior Minister", ["Baghdad"], "Iraq|Iraqi"),
    "belgium-state-secretary-asylum-migration": ("Belgian State Secretary for Asylum and Migration", ["Brussels"],
                                                 "Belgium|Belgian"),
    "belgium-minister-asylum-migration": ("Belgian Migration Minister", ["Brussels"], "Belgium|Belgian"),
    "netherlands-minister-asylum-migration": ("Dutch Migration Minister", ["The Hague"], "Netherlands|Dutch"),
    "us-homeland-security-secretary": ("US Homeland Security Secretary", ["Washington"],
                                       "United States|US|Homeland Security"),
    "canada-minister-public-safety": ("Canadian Public Safety Minister", ["Ottawa"], "Canada|Canadian|Public Safety"),
    "europol-executive-director": ("Europol Executive Director", ["The Hague"], "Europol"),
    "frontex-executive-director": ("Frontex Executive Director", ["Warsaw"], "Frontex"),
}
RECIPIENTS = [  # (name as first written, later short form, cq cell)
    ("Border Force", "Border Force", "Border Force"),
    ("Immigration Enforcement", "Immigration Enforcement", "Immigration Enforcement"),
    ("the National Crime Agency (NCA)", "the NCA", "National Crime Agency|NCA"),
    ("the Crown Prosecution Service (CPS)", "the CPS", "Crown Prosecution Service|CPS"),
    ("the Border Security Command", "the Border Security Command", "Border Security Command"),
    ("Europol", "Europol", "Europol"), ("Frontex", "Frontex", "Frontex"),
    ("the International Organization for Migration (IOM)", "the IOM", "International Organization for Migration|IOM"),
    ("Police Scotland", "Police Scotland", "Police Scotland"),
    ("the Joint Maritime Security Centre", "the Joint Maritime Security Centre", "Joint Maritime Security Centre"),
]
ABROAD = {"Europol", "Frontex", "International Organization for Migration|IOM"}
INVENTED_PLACES = ["Channel", "North Sea", "Coastal", "Southern Ports", "Northern", "Eastern Ports", "Airport",
                   "Maritime", "Regional", "Joint Border"]
INVENTED_FIELDS = ["Intelligence", "Surveillance", "Interdiction", "Investigation", "Returns", "Enforcement",
                   "Targeting", "Analysis"]
INVENTED_HEADS = ["Unit", "Taskforce", "Centre", "Command", "Cell"]
FIRST_NAMES = ["Helen", "Marcus", "Priya", "Tomasz", "Niamh", "Oluwaseun", "Grace", "Declan", "Farah", "Rupert",
               "Ingrid", "Callum", "Aisling", "Benedikt", "Yasmin", "Hamish"]
SURNAMES = ["Whitcombe", "Oyelaran", "Castellano", "Brzezinski", "Fairbairn", "Lindqvist", "Ashdown", "Okonkwo",
            "Pellegrini", "Thistlewood", "Marchetti", "Haverford", "Quennell", "Ravensworth"]
INVENTED_TITLES = ["Director", "Head of Operations", "Chief Executive", "Deputy Director"]
PURPOSES = [
    ("disrupt people smuggling gangs operating along the coast", "disrupt|smuggling|gangs|coast"),
    ("step up action against rogue employers who hire illegal workers", "employers|illegal working|illegal workers"),
    ("strengthen checks on lorries and small boats arriving at ports", "checks|lorries|boats|ports"),
    ("track the supply of boats and engines to smuggling networks", "boats|engines|supply|networks"),
    ("speed up the return of people with no right to be in the UK", "returns|return|removals"),
    ("trace the money that criminal networks make from smuggling", "money|finance|illicit finance|networks"),
]
QUOTES = [
    "The gangs who put lives at risk in the Channel are ruthless, and we will be just as relentless in pursuing them.",
    "This investment gives our officers the tools they need to stay one step ahead of the smugglers.",
    "No country can tackle organised immigration crime alone, which is why we are working with our partners.",
    "Every boat that is stopped before it reaches the water is a life that is not put at risk.",
    "We are determined to restore order to the border and to take the fight to the criminal networks.",
    "These officers will follow the money and dismantle the supply chains that keep the gangs in business.",
    "Strong borders and fair rules go together, and this work delivers both.",
    "Our partners share our resolve to end this vile trade in human beings.",
    "The public rightly expects the rules to be enforced, and that is what we are doing.",
    "Intelligence shared quickly across borders is our best weapon against the smuggling networks.",
    "We will keep working around the clock to protect the border and to save lives at sea.",
    "Those who exploit vulnerable people for profit will find nowhere to hide.",
]
BACKGROUND = [
    "works closely with {a}, {b} and partners across {region} to disrupt the criminal networks behind dangerous "
    "journeys.",
    "has shared intelligence with {a} and {b} on the routes used by smugglers through {region}.",
    "is working alongside {a} and {b} to target the supply chains of boats and engines in {region}.",
]
BACKGROUND_ORGS = [("Europol", "Europol"), ("Frontex", "Frontex"), ("Interpol", "Interpol"),
                   ("the National Crime Agency", "National Crime Agency|NCA"), ("Border Force", "Border Force"),
                   ("Immigration Enforcement", "Immigration Enforcement"),
                   ("the Crown Prosecution Service", "Crown Prosecution Service|CPS"),
                   ("the Metropolitan Police", "Metropolitan Police"), ("GCHQ", "GCHQ")]
REGIONS = ["the Western Balkans", "northern France", "the Mediterranean", "North Africa", "the Middle East",
           "Eastern Europe", "the English Channel"]
PUBLISHERS = ["Home Office", "Home Office", "Home Office", "National Crime Agency",
              "Prime Minister's Office, 10 Downing Street"]


@dataclass
class Person:
    name: str
    title: str  # as written before the name
    post_cell: str  # cq04/cq06 post cell: the title and its aliases
    organisation_cell: str = ""


@dataclass
class Release:
    """One generated document and the competency answers it states."""

    name: str
    text: str
    gold: dict[str, dict]
    words: int = 0


@dataclass
class _Writer:
    rng: random.Random
    gazetteer: Gazetteer
    published: date
    paragraphs: list[str] = field(default_factory=list)
    tables: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)

    # -- gold ------------------------------------------------------------------------------------------
    def must(self, cq: str, row: dict) -> None:
        self._table(cq)["must"].append(row)

    def may(self, cq: str, row: dict) -> None:
        self._table(cq)["may"].append(row)

    def _table(self, cq: str) -> dict:
        return self.tables.setdefault(cq, {"must": [], "may": []})

    def holds(self, person: Person) -> None:
        row = {"person": person.name, "post": person.post_cell}
        if person.organisation_cell:
            row["organisation"] = person.organisation_cell
        self.people.setdefault(person.name, row)

    # -- values ----------------------------------------------------------------------------------------
    def official(self, post_id: str, day: date, title: str) -> Person | None:
        """Who held the post on ``day``, if the gazetteer knows and it is the same person on publication."""
        holder = self.gazetteer.holder_on(post_id, day)
        entry = self.gazetteer.entries.get(holder or "")
        if entry is None or holder != self.gazetteer.holder_on(post_id, self.published):
            return None
        post = self.gazetteer.posts[post_id]
        return Person(entry.name, title, "|".join(dict.fromkeys([title, *post.titles])))

    def when(self, choices: tuple[str, ...] = ("today", "yesterday", "weekday", "dated")) -> tuple[str, date]:
        """A phrase saying when, and the day it resolves to."""
        kind = self.rng.choice(choices)
        day = self.published
        if kind == "today":
            return "today", day
        if kind == "yesterday":
            day -= timedelta(days=1)
            if self.rng.random() < 0.4:
                return f"yesterday ({WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]})", day
            return "yesterday", day
        if kind == "weekday":
            day -= timedelta(days=self.rng.randint(2, 5))
            return f"on {WEEKDAYS[day.weekday()]}", day
        day -= timedelta(days=self.rng.randint(2, 20))
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}", day

    def amount(self, ceiling_chance: float = 0.2, abroad: bool = False) -> tuple[str, dict]:
        """Money as written, and its cq01 cells; money for bodies abroad is more often in euros or dollars."""
        weights = [("GBP", "£")] * (3 if abroad else 8) + [("EUR", "€")] * (4 if abroad else 1) + [("USD", "$")] * 2
        currency, symbol = self.rng.choice(weights)
        value = self.rng.choice([500_000, 750_000, 1_500_000, 2_000_000, 3_000_000, 3_500_000, 5_000_000, 8_000_000,
                                 10_000_000, 12_000_000, 15_000_000, 18_000_000, 20_000_000, 25_000_000, 30_000_000,
                                 40_000_000, 45_000_000, 58_000_000, 75_000_000, 100_000_000, 150_000_000,
                                 1_200_000_000])
        text = symbol + money_words(value)
        ceiling = self.rng.random() < ceiling_chance
        cells = {"amount": value, "currency": currency, "upper_bound": ceiling}
        return ("up to " if ceiling else "") + text, cells


def money_words(value: int) -> str:
    """'3.5 million', '750,000', '1.2 billion'."""
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if value >= size:
            number = value / size
            return f"{number:g} {word}"
    return f"{value:,}"


def _iso(day: date) -> str:
    return day.isoformat()


# -- paragraphs ----------------------------------------------------------------------------------------------
def _lead(w: _Writer) -> tuple[str, str, Person, dict]:
    """The funding announcement: the paragraph, a title, the announcer and the recipient."""
    rng = w.rng
    when, day = w.when(("today", "today", "yesterday", "weekday"))
    speakers = [(p, t) for p, t in UK_SPEAKERS.items() if w.official(p, day, t)]
    if not speakers:  # the day before a reshuffle: announce on the day of publication instead
        when, day = "today", w.published
        speakers = [(p, t) for p, t in UK_SPEAKERS.items() if w.official(p, day, t)]
    post_id, title = rng.choice(speakers)
    announcer = w.official(post_id, day, title)
    recipient = rng.choice(RECIPIENTS + [_invented_org(rng)] * 3)
    money, cells = w.amount(abroad=recipient[2] in ABROAD)
    purpose, purpose_words = rng.choice(PURPOSES)
    first, _, cell = recipient
    form = rng.randrange(5)
    if form == 0:
        text = f"{title} {announcer.name} {when} announced {money} for {first} to {purpose}."
    elif form == 1:
        text = f"{_cap(first)} will receive {money} to {purpose}, {title} {announcer.name} announced {when}."
    elif form == 2:
        text = f"The {title} {when} announced {money} for {first} to {purpose}."
    elif form == 3:
        text = f"{announcer.name}, the {title}, {when} announced a {money} package for {first} to {purpose}."
    else:
        text = f"{_cap(first)} is to get {money} to {purpose}, the {title}, {announcer.name}, announced {when}."
    extra, equivalent = "", None
    if cells["currency"] == "EUR" and rng.random() < 0.3:
        equivalent = round(cells["amount"] * 0.85, -5)
        extra = f" The {_currency_name('EUR')} sum is worth about £{money_words(int(equivalent))}."
    w.paragraphs.append(text + extra)
    row = {"announcer": announcer.name, "announcer_post": announcer.post_cell, "date": _iso(day), **cells}
    if equivalent:
        row["amount"] = f"{cells['amount']}|{int(equivalent)}"
        row["currency"] = "EUR|GBP"
        w.may("cq01", {"amount": int(equivalent)})
        w.may("cq02", {"amount": int(equivalent)})
        w.must("cq08", {"figure": int(equivalent), "unit": "GBP"})
    w.must("cq01", row)
    w.must("cq02", {"amount": row["amount"] if equivalent else cells["amount"], "recipient": cell})
    w.may("cq03", {"capability": purpose_words})
    w.holds(announcer)
    w.must("cq07", {"quote": money.removeprefix("up to ")})
    w.must("cq08", {"figure": cells["amount"], "unit": cells["currency"]})
    w.must("cq09", {"date": _iso(day), "label": f"{cell}|funding|package|million|billion|announced|{purpose_words}"})
    w.must("cq10", {"organisation": cell})
    if rng.random() < 0.2:
        _further(w)
    title_line = _title(rng, money, first, purpose)
    return title_line, cell, announcer, cells


def _title(rng: random.Random, money: str, recipient: str, purpose: str) -> str:
    short = recipient.removeprefix("the ").split(" (")[0]
    aim = " ".join(purpose.split()[:4])
    return rng.choice([f"{_cap(money)} for {short} to {aim}", f"New funding for {short} to {purpose}",
                       f"{short} to receive {money}"])


def _further(w: _Writer) -> None:
    """A second, smaller package paid from a named fund (the Integrated Security Fund exists from April 2024)."""
    money, cells = w.amount(ceiling_chance=0)
    first, _, cell = w.rng.choice(RECIPIENTS)
    if w.published >= date(2024, 4, 1) and w.rng.random() < 0.5:
        source = "Integrated Security Fund"
        w.paragraphs.append(f"A further {money} from the Integrated Security Fund will go to {first}.")
    else:
        source = "border security budget|Home Office"
        w.paragraphs.append(f"A further {money} for {first} will be funded from the Home Office's border security "
                            f"budget.")
    w.must("cq01", {"amount": cells["amount"], "currency": cells["currency"], "source": source})
    w.must("cq02", {"amount": cells["amount"], "recipient": cell})
    w.must("cq08", {"figure": cells["amount"], "unit": cells["currency"]})


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _currency_name(code: str) -> str:
    return {"EUR": "euro", "USD": "dollar", "GBP": "sterling"}[code]


def _invented_org(rng: random.Random) -> tuple[str, str, str]:
    name = f"{rng.choice(INVENTED_PLACES)} {rng.choice(INVENTED_FIELDS)} {rng.choice(INVENTED_HEADS)}"
    return f"the {name}", f"the {name}", name


def _capabilities(w: _Writer, recipient_cell: str) -> None:
    """'The funding will pay for:' and 2-5 bullets, each with what it gives and to whom."""
    rng = w.rng
    intro = rng.choice(["The funding will pay for:", "The package will pay for:", "The money will be used for:",
                        "It will pay for:"])
    orgs = [("Border Force", "Border Force"), ("Immigration Enforcement", "Immigration Enforcement"),
            ("the National Crime Agency", "National Crime Agency|NCA")]
    items: list[str] = []
    makers = [_officers, _percent, _equipment, _system, _investigators]
    rng.shuffle(makers)
    for maker in makers[:rng.randint(2, 5)]:
        item, row = maker(rng, orgs)
        items.append(f"- {item}")
        w.must("cq03", row)
        if "quantity" in row:
            w.must("cq08", {"figure": row["quantity"], "unit": row["capability"]})
        if "change_percent" in row:
            w.must("cq08", {"figure": row["change_percent"], "unit": "percent|%"})
    w.may("cq03", {"capability": "officers|analysts|investigators|caseworkers|scanners|cameras|drones|radar|"
                                 "service|platform|system|teams|checks|intelligence|investigation|equipment"})
    w.paragraphs.append(intro + "\n\n" + "\n".join(items))


def _officers(rng: random.Random, orgs: list) -> tuple[str, dict]:
    n = rng.choice([40, 60, 100, 120, 150, 200, 250, 300, 400])
    org, cell = rng.choice(orgs)
    team = rng.choice(["criminal and financial investigation teams", "intelligence teams", "enforcement teams"])
    return (f"{n} additional officers in {org}'s {team}",
            {"capability": "officers|additional officers", "quantity": n, "beneficiary": cell})


def _investigators(rng: random.Random, orgs: list) -> tuple[str, dict]:
    n = rng.choice([25, 50, 75, 100])
    return (f"{n} specialist investigators dedicated to organised immigration crime",
            {"capability": "investigators|specialist investigators", "quantity": n})


def _percent(rng: random.Random, orgs: list) -> tuple[str, dict]:
    p = rng.choice([10, 15, 20, 25, 30, 40, 50])
    staff = rng.choice(["intelligence analysts", "financial investigators", "caseworkers"])
    return (f"a {p}% increase in the number of {staff} working on smuggling cases",
            {"capability": f"{staff}|{staff.split()[-1]}", "change_percent": p})


def _equipment(rng: random.Random, orgs: list) -> tuple[str, dict]:
    kit = rng.choice(["mobile fingerprint scanners", "thermal imaging cameras", "long-range radar", "drones"])
    org, cell = rng.choice(orgs[:2])
    where = rng.choice(["at regional airports", "along the south coast", "at the juxtaposed controls"])
    return (f"new {kit} for {org} teams {where}",
            {"capability": f"{kit}|{kit.split()[-1]}", "beneficiary": cell})


def _system(rng: random.Random, orgs: list) -> tuple[str, dict]:
    thing, does = rng.choice([("online service", "lets employers check a worker's right to work in minutes"),
                              ("data platform", "brings together intelligence from police forces and partners"),
                              ("case management system", "tracks every investigation from arrest to charge")])
    return f"a new {thing} that {does}", {"capability": f"{thing}|{thing.split()[-1]}"}


def _meeting(w: _Writer) -> None:
    """Talks abroad (with a delegation) or in London, on a stated or relative day."""
    rng = w.rng
    when, day = w.when(("today", "yesterday", "weekday", "dated", "dated"))
    hosts = [(p, UK_SPEAKERS[p]) for p in HOSTS if w.official(p, day, "")]
    others = [(p, v) for p, v in COUNTERPARTS.items() if w.official(p, day, "")]
    if not hosts or not others:
        return
    post_id, title = rng.choice(hosts)
    host = w.official(post_id, day, title)
    other_id, (other_title, places, organisation) = rng.choice(others)
    other = w.official(other_id, day, other_title)
    other.organisation_cell = organisation
    abroad = rng.random() < 0.7
    place = rng.choice(places) if abroad else "London"
    topic = rng.choice(["agree closer work against the smuggling gangs", "discuss joint patrols and intelligence "
                        "sharing", "review progress on returns", "discuss the supply of boats and engines"])
    if abroad:
        form = rng.randrange(3)
        if form == 0:
            text = f"{title} {host.name} met {other_title} {other.name} in {place} {when} to {topic}."
        elif form == 1:
            text = f"In {place} {when}, {title} {host.name} held talks with {other_title} {other.name}."
        else:
            text = f"{title} {host.name} travelled to {place} {when} for talks with {other_title} {other.name}."
    else:
        text = f"{other_title} {other.name} visited London {when} for talks with {title} {host.name}."
    participants = [host, other]
    delegates = [(p, v) for p, v in DELEGATES.items() if w.official(p, day, "")]
    if abroad and delegates:
        delegate_id, (written, org_cell, post_cell) = rng.choice(delegates)
        delegate = w.official(delegate_id, day, written)
        delegate.post_cell, delegate.organisation_cell = post_cell, org_cell
        if rng.random() < 0.5:
            text += f" {delegate.name}, {written}, joined the UK delegation."
        else:
            text += f" {written} {delegate.name} also joined the UK delegation to {place}."
        participants.append(delegate)
        w.must("cq07", {"quote": "joined the UK delegation"})
    w.paragraphs.append(text)
    for person in participants:
        w.holds(person)
        w.must("cq05", {"date": _iso(day), "place": place, "participant": person.name})
    w.may("cq05", {"date": _iso(day), "participant": "United Kingdom|UK|delegation|UK delegation|" + organisation})
    w.must("cq09", {"date": _iso(day), "label": f"talks|met|meeting|visit|visited|travelled|{place}|{other.name}|"
                                                f"{host.name}"})
    w.must("cq07", {"quote": place})


def _figures(w: _Writer) -> None:
    """Reported counts, a percentage and dated incidents."""
    rng = w.rng
    sentences = []
    org, cell = rng.choice([("Immigration Enforcement", "Immigration Enforcement"), ("Border Force", "Border Force")])
    n = rng.choice([350, 480, 1200, 2400, 3150])
    sentences.append(f"{org} officers made more than {n:,} arrests for immigration offences last year.")
    w.must("cq08", {"figure": n, "unit": "arrests|arrest"})
    if rng.random() < 0.6:
        k = rng.choice([3, 5, 7, 9, 12])
        word = NUMBER_WORDS.get(k, str(k))
        sentences.append(f"{_cap(word)} gangs that smuggled people in the backs of lorries were dismantled.")
        w.must("cq08", {"figure": k, "unit": "gangs|gang"})
    if rng.random() < 0.6:
        p = rng.choice([12, 18, 25, 35])
        sentences.append(f"Over the same period the Channel saw a {p}% drop in crossings by small boat.")
        w.must("cq08", {"figure": p, "unit": "percent|%"})
        w.must("cq07", {"quote": f"{p}% drop"})
    w.paragraphs.append(" ".join(sentences))
    incidents = [_flight, _lorry, _raid]
    rng.shuffle(incidents)
    for incident in incidents[:rng.randint(1, 2)]:
        w.paragraphs.append(incident(w))


def _flight(w: _Writer) -> str:
    n = w.rng.choice([28, 41, 52, 67, 85])
    country = w.rng.choice(["Albania", "Vietnam", "Iraq", "Romania", "Brazil"])
    when, day = w.when(("yesterday", "weekday"))
    w.must("cq08", {"figure": n, "unit": "people|persons|returnees|migrants"})
    w.must("cq09", {"date": _iso(day), "label": f"flight|charter|returned|returns|return|{country}"})
    return f"{_cap(when)}, a charter flight returned {n} people with no right to remain in the UK to {country}."


def _lorry(w: _Writer) -> str:
    n = w.rng.choice([9, 14, 17, 23])
    month = date(w.published.year, w.published.month, 1) - timedelta(days=1)
    port = w.rng.choice(["Dover", "Harwich", "Purfleet", "Immingham"])
    w.must("cq08", {"figure": n, "unit": "people|persons|migrants"})
    w.must("cq09", {"date": f"{month.year}-{month.month:02d}", "label": f"found|lorry|hidden|Border Force|{port}"})
    return (f"Last month, Border Force officers at the Port of {port} found {n} people hidden in a refrigerated lorry "
            f"that had arrived on an overnight ferry.")


def _raid(w: _Writer) -> str:
    n = w.rng.choice([12, 19, 31, 44])
    region = w.rng.choice(["the West Midlands", "Greater Manchester", "West Yorkshire", "south Wales"])
    monday = w.published - timedelta(days=w.published.weekday() + 7)
    w.must("cq08", {"figure": n, "unit": "people|persons|arrests|workers"})
    w.must("cq09", {"date": _iso(monday), "label": "raids|raid|arrested|arrests|illegal working|Immigration Enforcement"
                                                   "|car washes|nail bars"})
    return (f"Immigration Enforcement officers arrested {n} people in a week of raids on car washes and nail bars "
            f"across {region} last week.")


def _statement(w: _Writer, speaker: Person, *, block: bool) -> None:
    rng = w.rng
    quote = " ".join(rng.sample(QUOTES, rng.randint(2, 3)))
    words = " ".join(quote.split()[:6]).rstrip(",.")
    day = w.published
    if block:
        w.paragraphs.append(f"{speaker.title} {speaker.name} said:\n\n{quote}")
    else:
        first, rest = quote.split(". ", 1) if ". " in quote else (quote.rstrip("."), "")
        if rng.random() < 0.5:
            when = ""
            if rng.random() < 0.4:
                when, day = ", yesterday", day - timedelta(days=1)
            w.paragraphs.append(f'"{first}," said the {speaker.title}, {speaker.name}{when}.')
        else:
            w.paragraphs.append(f'{speaker.name}, the {speaker.title}, said: "{first}."')
        words = " ".join(first.split()[:6]).rstrip(",.")
    row = {"speaker": speaker.name, "post": speaker.post_cell, "date": _iso(day), "text": words}
    if not speaker.post_cell:
        del row["post"]
    w.must("cq06", row)
    w.must("cq07", {"quote": words})
    w.holds(speaker)


def _invented_person(w: _Writer) -> Person:
    rng = w.rng
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    title = rng.choice(INVENTED_TITLES)
    _, _, org = _invented_org(rng)
    person = Person(name, title, title, org)
    quote = " ".join(rng.sample(QUOTES, 2))
    w.paragraphs.append(f"{name}, {title} of the {org}, said:\n\n{quote}")
    w.must("cq06", {"speaker": name, "post": title, "date": _iso(w.published),
                    "text": " ".join(quote.split()[:6]).rstrip(",.")})
    w.must("cq10", {"organisation": org})
    w.holds(person)
    return person


def _post_only(w: _Writer) -> None:
    post_id = w.rng.choice(["uk-prime-minister", "uk-home-secretary"])
    person = w.official(post_id, w.published, UK_SPEAKERS[post_id])
    if person is None or person.name in w.people:
        return
    sentence = w.rng.choice([
        f"The {person.title} has made stopping dangerous Channel crossings one of the government's highest priorities.",
        f"The {person.title} has asked officials to report on progress against the smuggling gangs every month.",
    ])
    w.paragraphs.append(sentence)
    w.holds(person)


def _background(w: _Writer, recipient_cell: str) -> None:
    (a, a_cell), (b, b_cell) = w.rng.sample(BACKGROUND_ORGS, 2)
    subject = w.rng.choice(["The Home Office", "The government", "The UK"])
    w.paragraphs.append(f"{subject} " + w.rng.choice(BACKGROUND).format(a=a, b=b, region=w.rng.choice(REGIONS)))
    for cell in (a_cell, b_cell):
        w.must("cq10", {"organisation": cell})


def release(number: int, seed: int, gazetteer: Gazetteer | None = None) -> Release:
    """Document ``number`` of the corpus made with ``seed``."""
    gazetteer = gazetteer or load_gazetteer()
    rng = random.Random(f"bskg-corpus:{seed}:{number}")
    span = (LAST_DAY - FIRST_DAY).days
    published = FIRST_DAY + timedelta(days=rng.randrange(span))
    while published.weekday() > 4:
        published -= timedelta(days=1)
    w = _Writer(rng, gazetteer, published)
    title, recipient_cell, announcer, _ = _lead(w)
    body = []
    if rng.random() < 0.6:
        body.append(lambda: _capabilities(w, recipient_cell))
    if rng.random() < 0.5:
        body.append(lambda: _meeting(w))
    if rng.random() < 0.6:
        body.append(lambda: _figures(w))
    if rng.random() < 0.3:
        body.append(lambda: _post_only(w))
    if rng.random() < 0.5:
        body.append(lambda: _background(w, recipient_cell))
    rng.shuffle(body)
    for make in body:
        make()
    _statement(w, announcer, block=rng.random() < 0.6)
    if rng.random() < 0.25:
        _invented_person(w)
    front = f"---\ntitle: {title}\npublished: {published.isoformat()}\n"
    if rng.random() < 0.8:
        front += f"publisher: {rng.choice(PUBLISHERS)}\n"
    text = front + "---\n" + title + "\n\n" + "\n\n".join(w.paragraphs) + "\n"
    for person in w.people.values():
        w.must("cq04", person)
    name = f"r{number:06d}_{published.isoformat()}_{slug(title)[:48]}.txt"
    return Release(name, text, _gold_tables(w), len(text.split()))


def _gold_tables(w: _Writer) -> dict[str, dict]:
    tables = {}
    for cq in sorted(QUERIES):
        table = w.tables.get(cq)
        if table is None and cq not in ("cq01", "cq02"):
            continue
        table = table or {"must": [], "may": []}
        tables[cq] = {"id": cq, "file": QUERIES[cq], "exhaustive": cq in EXHAUSTIVE,
                      "must": _unique(table["must"]), "may": _unique(table["may"])}
        if cq == "cq07":
            tables[cq]["spans"] = True
        if cq == "cq09":
            tables[cq]["ordered"] = "date"
    return tables


def _unique(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = json.dumps(row, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def gold_toml(item: Release) -> str:
    """The expected answers in the gold format of the competency questions."""
    lines = [f"document = {_toml(item.name)}", ""]
    for table in item.gold.values():
        lines.append("[[cq]]")
        for key in ("id", "file", "exhaustive", "spans", "ordered"):
            if key in table:
                lines.append(f"{key} = {_toml(table[key])}")
        for key in ("must", "may"):
            if table[key] or key == "must":
                lines.append(f"{key} = [")
                lines += [f"  {{ {', '.join(f'{k} = {_toml(v)}' for k, v in row.items())} }}," for row in table[key]]
                lines.append("]")
        lines.append("")
    return "\n".join(lines)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def generate(count: int, seed: int) -> list[Release]:
    gazetteer = load_gazetteer()
    return [release(i, seed, gazetteer) for i in range(count)]


def write_corpus(out: Path, count: int, seed: int) -> list[Release]:
    """Write ``count`` releases and their gold files into ``out``; return them."""
    out.mkdir(parents=True, exist_ok=True)
    items = generate(count, seed)
    for item in items:
        (out / item.name).write_text(item.text, encoding="utf-8")
        (out / item.name.replace(".txt", ".gold.toml")).write_text(gold_toml(item), encoding="utf-8")
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    items = write_corpus(args.out, args.count, args.seed)
    print(f"wrote {len(items)} releases ({sum(i.words for i in items)} words) to {args.out}")


if __name__ == "__main__":
    main()
