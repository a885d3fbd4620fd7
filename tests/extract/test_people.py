"""Posts and their holders in the orders press releases write them."""
from __future__ import annotations

import pytest

from helpers import extract_text, facts, holdings


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Home Secretary Suella Braverman visited Dover.", ("Suella Braverman", "Home Secretary", "Home Office")),
    ("The Home Secretary, Suella Braverman, visited Dover.", ("Suella Braverman", "Home Secretary", "Home Office")),
    ("Gérald Darmanin, the French Interior Minister, visited Dover.", ("Gérald Darmanin", "Interior", "French Ministry of the Interior")),
    ("Europol's Executive Director Catherine De Bolle visited Dover.", ("Catherine De Bolle", "Executive Director", "Europol")),
    ("Jane Okafor, Chief Executive of the Maritime Coordination Agency, visited Dover.",
     ("Jane Okafor", "Chief Executive", "Maritime Coordination Agency")),
    ("Minister for Legal Migration Tom Pursglove visited Dover.", ("Tom Pursglove", "Minister for Legal Migration", None)),
    ("Policing Minister Dame Ruth Aldous visited Dover.", ("Ruth Aldous", "Policing Minister", None)),
    ("The Chief of the Coast Guard, Vice Admiral Ruth Aldous, visited Dover.", ("Ruth Aldous", "Chief", None)),
    ("Senate Majority Leader Tom Pell visited Dover.", ("Tom Pell", "Senate Majority Leader", None)),
    ("The Governor General, Tom Pell, visited Dover.", ("Tom Pell", "Governor General", None)),
    ("The Minister for Home Affairs, National Security and Law Enforcement of Malta, Byron Camilleri, visited Dover.",
     ("Byron Camilleri", "Minister for Home Affairs, National Security and Law Enforcement", "Malta")),
    ("Major General Ruth Aldous, Commander-in-Chief of the Coast Guard, visited Dover.", ("Ruth Aldous", "Commander-in-Chief", None)),
    ("The Minister for European Affairs and Ownership Steering, Joakim Strand, visited Dover.",
     ("Joakim Strand", "Minister for European Affairs and Ownership Steering", None)),
    ("The Minister for Finance, Paschal Donohoe TD, visited Dover.", ("Paschal Donohoe", "Minister for Finance", None)),
    ("Paschal Donohoe TD, the Minister for Finance, visited Dover.", ("Paschal Donohoe", "Minister for Finance", None)),
    ("Treasury Minister Jane Okafor MP visited Dover.", ("Jane Okafor", "Treasury Minister", None)),
    ("Executive Vice-President for Tech Sovereignty, Security and Democracy Henna Virkkunen visited Dover.",
     ("Henna Virkkunen", "Executive Vice-President for Tech Sovereignty, Security and Democracy", None)),
    ("Ruth Aldous, Commissioner for European Neighbourhood Policy and Enlargement Negotiations, visited Dover.",
     ("Ruth Aldous", "Commissioner for European Neighbourhood Policy and Enlargement Negotiations", None)),
    ("Tom Pell, branch commander at the National Crime Agency, visited Dover.",
     ("Tom Pell", "branch commander", "National Crime Agency")),
    ("Tom Pell, a senior investigating officer at Europol, visited Dover.", ("Tom Pell", "senior investigating officer", "Europol")),
    ("The Commander-in-Chief of the Border Guard, Maj. Gen. Ruth Aldous, visited Dover.",
     ("Ruth Aldous", "Commander-in-Chief", "Border Guard")),
    ("Tom Pell, Chief Operating Officer of the Maritime Coordination Agency, visited Dover.",
     ("Tom Pell", "Chief Operating Officer", "Maritime Coordination Agency")),
    ("The Treasurer, Tom Pell, visited Dover.", ("Tom Pell", "Treasurer", None)),
    ("The Secretary to the Prime Minister, Tom Pell, visited Dover.", ("Tom Pell", "Secretary to the Prime Minister", None)),
    ("Tom Pell, Secretary of State to the Minister of Foreign Affairs and Migration, visited Dover.",
     ("Tom Pell", "Secretary of State to the Minister of Foreign Affairs and Migration", None)),
])
def test_people_title_and_name_in_any_order(tmp_path, sentence: str, expected: tuple) -> None:
    found = holdings(extract_text(tmp_path, sentence))
    person, post, organisation = expected
    assert any(p == person and (post is None or post.lower() in q.lower()) and (organisation is None or o == organisation)
               for p, q, o in found), found


def test_people_post_alone_resolves_to_holder_on_date(tmp_path) -> None:
    found = holdings(extract_text(tmp_path, "The Prime Minister visited Calais today.", published="2021-03-02"))
    assert ("Boris Johnson", "Prime Minister", "United Kingdom") in found


@pytest.mark.parametrize("published,holder", [("2016-03-03", "Michael Fallon"), ("2018-06-01", "Gavin Williamson"),
                                              ("2020-06-01", "Ben Wallace")])
def test_people_defence_secretary_alone_is_the_holder_of_that_year(tmp_path, published: str, holder: str) -> None:
    found = holdings(extract_text(tmp_path, "The Defence Secretary also took part.", published=published))
    assert {p for p, _, _ in found} == {holder}


def test_people_post_alone_whose_organisation_the_text_names_resolves_to_holder(tmp_path) -> None:
    text = "The President of the European Commission visited Athens."
    found = holdings(extract_text(tmp_path, text, published="2020-03-03"))
    assert {p for p, _, _ in found} == {"Ursula von der Leyen"}


def test_people_post_named_in_the_possessive_resolves_to_holder(tmp_path) -> None:
    text = "The money is part of the Prime Minister's Plan for Change."
    found = holdings(extract_text(tmp_path, text, published="2024-12-05"))
    assert found == {("Keir Starmer", "Prime Minister", "United Kingdom")}


def test_people_post_alone_uses_holder_on_that_date_not_today(tmp_path) -> None:
    found = holdings(extract_text(tmp_path, "The Home Secretary visited Calais today.", published="2023-12-01"))
    assert {p for p, _, _ in found} == {"James Cleverly"}


def test_people_counterpart_takes_state_from_demonym(tmp_path) -> None:
    text = "The Prime Minister met his Italian counterpart, Giorgia Meloni, in Rome on 16 May 2023."
    found = holdings(extract_text(tmp_path, text, published="2023-05-17"))
    assert ("Giorgia Meloni", "Prime Minister", "Italy") in found


def test_people_former_title_is_not_a_current_post(tmp_path) -> None:
    found = holdings(extract_text(tmp_path, "Former Home Secretary Priti Patel spoke in Dover.", published="2024-02-01"))
    assert not any(p == "Priti Patel" and q == "Home Secretary" for p, q, _ in found)


def test_people_appointed_as_title(tmp_path) -> None:
    text = "Rosa Kemp has been appointed as the new Director General of Border Force, the Home Secretary announced."
    found = holdings(extract_text(tmp_path, text))
    assert ("Rosa Kemp", "Director General", "Border Force") in found


def test_people_bare_generic_title_with_name_is_merged_into_fuller_title(tmp_path) -> None:
    text = ("The Coastal Command, led by Commander Ian Marsh, will open. "
            "Newly appointed Coastal Commander – a senior civil servant role – Ian Marsh joined.")
    found = holdings(extract_text(tmp_path, text))
    assert {q for p, q, _ in found if p == "Ian Marsh"} == {"Coastal Commander"}


def test_people_name_without_post_gets_gazetteer_post_on_date(tmp_path) -> None:
    found = holdings(extract_text(tmp_path, "Talks with Rishi Sunak went well.", published="2023-06-14"))
    assert ("Rishi Sunak", "Prime Minister", "United Kingdom") in found


def test_people_title_worded_differently_from_the_gazetteer_still_names_the_post(tmp_path) -> None:
    found = holdings(extract_text(tmp_path, "Border Security and Asylum Minister Angela Eagle visited Dover.", published="2025-02-10"))
    assert ("Angela Eagle", "Minister for Border Security and Asylum", "Home Office") in found


def test_people_bare_title_dropped_beside_a_fuller_one_holding_the_word(tmp_path) -> None:
    text = ("Secretary Noem met Minister of National Security Patricia Bullrich in Buenos Aires. "
            "Minister Bullrich signed the agreement.")
    found = holdings(extract_text(tmp_path, text, "2025-07-28"))
    assert {q for p, q, _ in found if p == "Patricia Bullrich"} == {"Minister of National Security"}


def test_post_of_a_state_named_with_its_article_belongs_to_that_state(tmp_path) -> None:
    text = "Minister Wong spoke alongside the Secretary of Foreign Affairs of the Philippines, Enrique Manalo."
    assert ("Enrique Manalo", "Secretary of Foreign Affairs", "Philippines") in holdings(extract_text(tmp_path, text, "2024-03-04"))


def test_state_as_adjective_of_an_organisation_gives_the_post_that_organisation(tmp_path) -> None:
    text = "Mayorkas met the Commander of U.S. Southern Command, General Laura Richardson, in Miami."
    assert ("Laura Richardson", "Commander", "Southern Command") in holdings(extract_text(tmp_path, text, "2024-06-11"))


def test_title_complement_stops_before_the_next_owners_possessive(tmp_path) -> None:
    text = ("Mayorkas held talks with Panama's Minister of Foreign Affairs, Janaina Tewaney, and Colombia's "
            "Minister of Foreign Affairs, Álvaro Leyva Durán.")
    assert ("Janaina Tewaney", "Minister of Foreign Affairs", "Panama") in holdings(extract_text(tmp_path, text, "2023-04-11"))


def test_people_lower_case_title_between_organisation_and_name(tmp_path) -> None:
    extraction = extract_text(tmp_path, "Home Office minister Alex Davies-Jones said removals would begin soon.")
    assert holdings(extraction) == {("Alex Davies-Jones", "minister", "Home Office")}


def test_people_series_of_name_comma_title_pairs(tmp_path) -> None:
    text = ("Today, the Honourable Sean Fraser, Minister of Justice and Attorney General of Canada, the Honourable "
            "Gary Anandasangaree, Minister of Public Safety, and Canada's Fentanyl Czar, Kevin Brosseau, met in Ottawa.")
    people = {(person, post) for person, post, _ in holdings(extract_text(tmp_path, text, published="2025-08-27"))}
    assert ("Sean Fraser", "Minister of Justice and Attorney General") in people
    assert ("Gary Anandasangaree", "Minister of Public Safety") in people
    assert ("Kevin Brosseau", "Fentanyl Czar") in people


def test_people_title_name_series_stays_title_first_after_a_titled_name(tmp_path) -> None:
    text = ("They held talks with Prime Minister Najib Mikati, the Lebanese Minister of Interior and Municipalities, "
            "Bassam Mawlawi, and the Commander of the Lebanese Army, General Joseph Aoun.")
    people = {(person, post) for person, post, _ in holdings(extract_text(tmp_path, text, published="2024-04-08"))}
    assert ("Bassam Mawlawi", "Minister of Interior and Municipalities") in people


def test_people_hyphenated_heads_minister_president_and_president_elect(tmp_path) -> None:
    text = "Bavarian Minister-President Markus Söder met Panama's President-elect José Raúl Mulino in Munich."
    people = {(person, post) for person, post, _ in holdings(extract_text(tmp_path, text, published="2024-06-11"))}
    assert {("Markus Söder", "Minister-President"), ("José Raúl Mulino", "President-elect")} <= people


def test_people_bare_title_short_for_the_one_post_named_in_full(tmp_path) -> None:
    text = ("Secretary of Homeland Security Kristi Noem arrived in Chile. "
            "On Wednesday, in Santiago, the Secretary met the Minister of Public Security, Luis Cordero Vega.")
    [meeting] = facts(extract_text(tmp_path, text, published="2025-07-31"), "Meeting")
    assert set(meeting["participant"]) == {"Kristi Noem", "Luis Cordero Vega"}


def test_people_bare_minister_among_several_ministers_is_no_one(tmp_path) -> None:
    text = ("The Minister for Finance, Jack Chambers, and the Minister of State, James Browne, spoke.\n\n"
            '"The increase will continue," the Minister told the Dáil.')
    assert facts(extract_text(tmp_path, text, published="2024-10-03"), "DirectQuote") == []


@pytest.mark.parametrize("sentence", [
    "The Harbour Police Chief, Adjunct Senior Commissioner Tom Pell, announced the arrest.",
    "Detective Chief Inspector Tom Pell said the gang had been dismantled.",
])
def test_people_police_rank_is_no_post(tmp_path, sentence: str) -> None:
    found = holdings(extract_text(tmp_path, sentence))
    assert not any("Commissioner" in post or "Inspector" in post for _, post, _ in found), found


def test_people_malaysian_title_of_honour_is_not_the_name(tmp_path) -> None:
    found = holdings(extract_text(tmp_path, "Harbour Minister Datuk Seri Tom Pell said the increase was welcome."))
    assert {p for p, _, _ in found} == {"Tom Pell"}


def test_people_honorific_with_full_stop_in_apposition(tmp_path) -> None:
    found = holdings(extract_text(tmp_path, "The Mayor of Calais, Mr. Tom Pell, met the delegation."))
    assert {p for p, _, _ in found} == {"Tom Pell"}



def test_people_second_post_in_a_relative_clause(tmp_path) -> None:
    text = "The Prime Minister, Tom Pell, who is also the Minister of Finance, tabled the Budget."
    found = holdings(extract_text(tmp_path, text))
    assert {post for person, post, _ in found if person == "Tom Pell"} == {"Prime Minister", "Minister of Finance"}


def test_people_title_before_the_name_and_a_title_after_it_are_two_posts(tmp_path) -> None:
    text = "Federal Councillor Tom Pell, head of the Department of Finance (DF), and the Mayor spoke in Bern."
    found = holdings(extract_text(tmp_path, text))
    assert {post for person, post, _ in found if person == "Tom Pell"} == {"Federal Councillor", "head"}


def test_people_title_after_a_titled_name_opening_a_clause_is_a_new_subject(tmp_path) -> None:
    text = "The Interior Minister, Tom Pell, the Home Secretary agreed to meet."
    found = holdings(extract_text(tmp_path, text, published="2024-05-15"))
    assert {post for person, post, _ in found if person == "Tom Pell"} == {"Interior Minister"}


def test_people_bare_title_is_not_the_deputy_named_before(tmp_path) -> None:
    text = ("The Deputy Prime Minister, Tom Pell, welcomed the guests.\n\n"
            "\u201cWe will keep our borders secure,\u201d said the Prime Minister.\n")
    quotes = facts(extract_text(tmp_path, text, published="2021-03-02"), "DirectQuote")
    assert [q["speaker"] for q in quotes] != [["Tom Pell"]]


def test_people_portfolio_series_ends_before_a_known_name(tmp_path) -> None:
    text = ("Executive Vice-President for Tech Sovereignty, Security and Democracy Henna Virkkunen, Commissioner for "
            "Financial Services Maria Luís Albuquerque and Commissioner for International Partnerships Jozef Síkela took part.")
    found = holdings(extract_text(tmp_path, text, published="2025-03-10"))
    assert {p for p, _, _ in found} == {"Henna Virkkunen", "Maria Luís Albuquerque", "Jozef Síkela"}


def test_people_a_second_title_after_and_the_is_no_name(tmp_path) -> None:
    text = ("The contract was handed over after speeches by the Deputy Minister of Regional Development and Public Works "
            "and the Consul General of Türkiye in Burgas.")
    assert not any(p == "Consul General" for p, _, _ in holdings(extract_text(tmp_path, text)))


def test_people_bare_minister_is_the_one_minister_not_the_prime_minister(tmp_path) -> None:
    text = ("The Minister for Home Affairs, Tom Pell, called on the Prime Minister, Ruth Aldous. "
            "The Secretary to the Prime Minister, Jane Okafor, also attended.\n\n"
            'The Minister said: "We will never let people settle here by boat."')
    [quote] = facts(extract_text(tmp_path, text, published="2019-06-04"), "DirectQuote")
    assert quote["speaker"] == ["Tom Pell"]


def test_people_minister_responsible_for_a_portfolio_is_not_a_bare_minister(tmp_path) -> None:
    text = ("The Minister of Public Safety, Tom Pell, spoke. The Prime Minister, Ruth Aldous, met the President "
            "in Washington on Tuesday with the Minister responsible for Trade, Jane Okafor.")
    [meeting] = facts(extract_text(tmp_path, text, published="2025-10-09"), "Meeting")
    assert "Tom Pell" not in meeting["participant"]


def test_people_plural_title_shared_out_among_states(tmp_path) -> None:
    text = ("Minister Tom Pell met the Ministers of the Interior of Algeria, Ruth Aldous, of Libya, Jane Okafor, "
            "and of Tunisia, Omar Haddad.")
    found = {(person, post, org) for person, post, org in holdings(extract_text(tmp_path, text, published="2025-04-12"))}
    assert {("Ruth Aldous", "Minister of the Interior", "Algeria"), ("Jane Okafor", "Minister of the Interior", "Libya"),
            ("Omar Haddad", "Minister of the Interior", "Tunisia")} <= found


def test_people_honorific_before_name_comma_title(tmp_path) -> None:
    text = "The note was signed by His Excellency Tom Pell, Minister of Foreign Affairs of Fiji, on Monday."
    assert ("Tom Pell", "Minister of Foreign Affairs", "Fiji") in holdings(extract_text(tmp_path, text))


def test_people_ambassador_of_one_state_to_another_is_the_first_states(tmp_path) -> None:
    text = "The notes were signed by Ruth Aldous, Ambassador of Japan to the Maldives."
    assert holdings(extract_text(tmp_path, text, published="2020-04-15")) == {("Ruth Aldous", "Ambassador", "Japan")}


def test_people_minister_the_gazetteer_lacks_is_the_home_governments(tmp_path) -> None:
    """A Maldivian release: its minister is the Maldives', though the sentence also names Japan's programme."""
    text = ("The grant, extended under Japan's Development Programme, was signed by Tom Pell, Minister of "
            "Foreign Affairs, and Ruth Aldous, Ambassador of Japan.")
    found = holdings(extract_text(tmp_path, text, "2020-04-15", "Ministry of Foreign Affairs, Republic of Maldives"))
    assert ("Tom Pell", "Minister of Foreign Affairs", "Maldives") in found


@pytest.mark.parametrize("full,short", [("Minister of Foreign Affairs", "Foreign Minister"),
                                        ("Minister of the Interior", "Interior Minister"),
                                        ("Minister of Home Affairs", "Home Minister")])
def test_people_post_written_in_the_other_order_is_the_same_person(tmp_path, full: str, short: str) -> None:
    text = f'Tom Pell, {full}, signed the notes.\n\n"This grant is a gesture of goodwill," the {short} said.'
    [quote] = facts(extract_text(tmp_path, text, "2020-04-15", "Ministry of Foreign Affairs, Republic of Maldives"),
                    "DirectQuote")
    assert quote["speaker"] == ["Tom Pell"]


def test_people_courtesy_title_and_surname_is_the_person_named_in_full_before(tmp_path) -> None:
    text = ("Former Royal Marine Dan O'Mahoney was appointed to the new post on Sunday.\n\n"
            "Yesterday (Tuesday 11 August) Mr O'Mahoney travelled to Paris for talks with French officials.")
    [meeting] = facts(extract_text(tmp_path, text, published="2020-08-12"), "Meeting")
    assert meeting["participant"] == ["Dan O'Mahoney"]


def test_people_lower_case_the_minister_is_the_one_minister_named(tmp_path) -> None:
    text = ("The Minister for Immigration Compliance, Chris Philp, and Home Secretary Priti Patel spoke.\n\n"
            "Yesterday (Tuesday 11 August) the minister travelled to Paris for talks with French officials.")
    [meeting] = facts(extract_text(tmp_path, text, published="2020-08-12"), "Meeting")
    assert meeting["participant"] == ["Chris Philp"]


def test_people_title_after_a_possessive_owner_keeps_it(tmp_path) -> None:
    text = ("On Wednesday, July 30, in Santiago, the Secretary met Chile's Minister of Public Security, Tom Pell, "
            "its National Prosecutor, Ruth Aldous, and its Minister of Justice, Jane Okafor.")
    found = holdings(extract_text(tmp_path, text, published="2025-07-31"))
    assert ("Ruth Aldous", "National Prosecutor", "Chile") in found


def test_people_place_at_home_named_last_before_a_title_gives_no_foreign_owner(tmp_path) -> None:
    text = ("200 people removed from compounds in Myawaddy, Myanmar, were flown home from Mae Sot Airport "
            "yesterday, in what the Deputy Prime Minister and Minister of Defence, Tom Pell, called a success. "
            "The flights cost 3 million baht.")
    found = holdings(extract_text(tmp_path, text, published="2025-02-21"))
    assert not any(org == "Myanmar" for _, _, org in found)


def test_people_given_name_alone_is_the_one_person_named_in_full_with_it(tmp_path) -> None:
    text = ("The Tak Governor, Chucheep Pongchai, spoke on Wednesday.\n\n"
            "\u201cWe will clear the roads to the airport,\u201d Chucheep said.")
    [quote] = facts(extract_text(tmp_path, text, published="2025-02-21"), "DirectQuote")
    assert quote["speaker"] == ["Chucheep Pongchai"]



def test_people_minister_listed_after_a_host_states_office_holders_is_that_states(tmp_path) -> None:
    text = ("On Monday Minister Clare O'Neil met President Gotabaya Rajapaksa and the Minister of "
            "Foreign Affairs, Professor Tom Pell.")
    found = holdings(extract_text(tmp_path, text, "2022-06-21", "Minister for Home Affairs (Australia)"))
    assert ("Tom Pell", "Minister of Foreign Affairs", "Sri Lanka") in found


def test_people_rank_and_retired_mark_around_a_name_after_a_title(tmp_path) -> None:
    text = "The memo was presented by the Minister of Interior of Nigeria, Lt. Gen. Tom Pell (rtd)."
    assert holdings(extract_text(tmp_path, text, published="2019-04-26")) == {
        ("Tom Pell", "Minister of Interior", "Nigeria")}


def test_people_representative_of_an_organisation(tmp_path) -> None:
    text = "It was signed by Tom Pell, IOM Representative in Bangladesh."
    assert ("Tom Pell", "Representative", "International Organization for Migration") in holdings(
        extract_text(tmp_path, text, published="2020-03-20"))


def test_people_unplaced_vice_president_is_home_only_in_a_presidential_state(tmp_path) -> None:
    text = "The Council, presided over by the Vice President, Prof. Tom Pell, approved N52 billion for the e-Border."
    found = holdings(extract_text(tmp_path, text, "2019-04-26", "Federal Ministry of Interior, Nigeria"))
    assert ("Tom Pell", "Vice President", "Nigeria") in found
    uk = holdings(extract_text(tmp_path, text.replace("N52 billion", "£52 million"), "2019-04-26", "Home Office"))
    assert not any(org == "United Kingdom" for _, _, org in uk)


def test_people_surname_with_a_lower_case_particle_after_a_title(tmp_path) -> None:
    text = ("Prime Minister Paolo Gentiloni met the Libyan leader, Fayez al-Sarraj, in Rome. "
            "Earlier, Minister Marco Minniti had met President al-Sarraj in Tripoli.")
    found = holdings(extract_text(tmp_path, text, published="2017-02-02"))
    assert ("Fayez al-Sarraj", "Chairman of the Presidential Council", "Libya") in found
    assert not any(person == "Sergio Mattarella" for person, _, _ in found)  # Italy's President on the day


def test_people_bare_title_opening_the_title_someone_was_introduced_with_is_them(tmp_path) -> None:
    text = ("The President of the Council of Ministers, Giorgia Meloni, today visited the two sites. "
            "The visit began at Gjader, where the President inspected the works.")
    found = holdings(extract_text(tmp_path, text, "2024-06-05", "Presidency of the Council of Ministers (Palazzo Chigi)"))
    assert {person for person, _, _ in found} == {"Giorgia Meloni"}  # not Italy's President on the day


@pytest.mark.parametrize("sentence,post", [
    ("The Under-Secretary of the Interior, Isabel Goicoechea, chaired the commission.", "Under-Secretary of the Interior"),
    ("Under Secretary for Strategy Robert Silvers met officials in Mexico City.", "Under Secretary for Strategy"),
])
def test_people_under_secretary_is_a_post(tmp_path, sentence: str, post: str) -> None:
    assert post in {p for _, p, _ in holdings(extract_text(tmp_path, sentence, published="2022-10-18"))}


def test_people_bare_minister_is_the_one_the_last_sentence_naming_ministers_named(tmp_path) -> None:
    text = ("The Minister of Finance, Bill Morneau, tabled the budget. The Minister of Public Safety, Ralph Goodale, "
            "welcomed it.\n\nThe Minister of Border Security, Bill Blair, leads the work on irregular migration. "
            "He confirmed this week that talks are under way.\n\n"
            '"Our officials could apply the Agreement there," the Minister said.')
    [quote] = facts(extract_text(tmp_path, text, published="2019-03-21"), "DirectQuote")
    assert quote["speaker"] == ["Bill Blair"]


def test_people_led_by_after_a_name_and_its_acronym_gives_that_body_the_post(tmp_path) -> None:
    text = ("Chile also committed to accept all charter flights operated by U.S. Immigration and Customs Enforcement "
            "(ICE), led by Acting Director Todd M. Lyons, and to enroll in the programs.")
    found = holdings(extract_text(tmp_path, text, published="2025-07-31"))
    assert found == {("Todd M. Lyons", "Acting Director", "U.S. Immigration and Customs Enforcement")}


def test_people_name_before_a_possessive_title_is_not_its_holder(tmp_path) -> None:
    text = "Among them was Tom Pell, the President's adviser on national security."
    assert ("Tom Pell", "President") not in {(p, post) for p, post, _ in holdings(extract_text(tmp_path, text))}


def test_people_name_before_a_title_whose_organisation_is_possessive_holds_it(tmp_path) -> None:
    text = "\u201cWe acted,\u201d said Tom Pell, an Inspector in Immigration Enforcement's investigation unit."
    assert ("Tom Pell", "Inspector") in {(p, post) for p, post, _ in holdings(extract_text(tmp_path, text))}


def test_people_organisation_before_a_state_before_a_title_owns_the_post(tmp_path) -> None:
    text = "The Minister received the vehicles alongside the IOM Kenya Chief of Mission, Ms. Mary Lowe."
    found = holdings(extract_text(tmp_path, text, published="2025-03-05"))
    assert ("Mary Lowe", "Chief of Mission", "International Organization for Migration") in found


def test_people_regional_community_owns_its_principal_secretary(tmp_path) -> None:
    text = "It was opened with the Principal Secretary for the East African Community, Mr. Tom Pell."
    found = holdings(extract_text(tmp_path, text, published="2024-04-02"))
    assert {(p, o) for p, _, o in found} == {("Tom Pell", "East African Community")}


def test_people_indonesian_police_rank_is_not_the_name(tmp_path) -> None:
    text = "Kombes Pol Hengki Haryadi, Director of General Criminal Investigation, said the ring was large."
    assert {p for p, _, _ in holdings(extract_text(tmp_path, text, published="2023-07-20"))} == {"Hengki Haryadi"}


def test_people_region_after_for_is_the_portfolio_not_the_owner(tmp_path) -> None:
    text = "Minister for the Middle East Tom Pell said the deal was good."
    found = holdings(extract_text(tmp_path, text, published="2025-08-20"))
    assert {(p, post) for p, post, _ in found} == {("Tom Pell", "Minister for the Middle East")}


def test_people_titled_name_before_a_comma_leaves_the_next_title_its_own_name(tmp_path) -> None:
    text = "Secretary Tom Pell met President Ali Dan, Minister of Foreign Affairs Mary Lowe and others in Quito."
    found = holdings(extract_text(tmp_path, text, published="2025-07-31"))
    assert ("Mary Lowe", "Minister of Foreign Affairs") in {(p, post) for p, post, _ in found}


def test_people_titles_joined_by_and_current_are_one_holders(tmp_path) -> None:
    text = ("Pedro Sánchez was received by the President of the Islamic Republic of Mauritania and current Chairperson "
            "of the African Union, Mohamed Ould Cheikh El Ghazouani.")
    found = holdings(extract_text(tmp_path, text, published="2024-08-29"))
    assert ("Mohamed Ould Ghazouani", "President", "Mauritania") in found


def test_people_post_alone_with_a_portfolio_list_resolves_by_its_head(tmp_path) -> None:
    text = "In June, the Minister for Foreign Affairs, European Union and Cooperation announced a framework in Dakar."
    found = holdings(extract_text(tmp_path, text, published="2024-08-29", publisher="La Moncloa, Government of Spain"))
    assert {p for p, _, _ in found} == {"José Manuel Albares"}


def test_people_words_a_title_is_of_are_no_name(tmp_path) -> None:
    text = ("According to the Director of General Criminal Investigation of Polda Metro Jaya, Senior Commissioner of "
            "Police (Kombes Pol) Hengki Haryadi, the ring is big. The Chief of Polda Metro Jaya, Inspector General of "
            "Police (Irjen Pol) Karyoto, explained it.")
    people = {p for p, _, _ in holdings(extract_text(tmp_path, text, published="2023-07-20"))}
    assert not people & {"Metro Jaya", "Polda Metro Jaya", "Criminal Investigation"}


def test_people_division_is_an_organisation_a_title_is_of(tmp_path) -> None:
    text = "Polri is coordinating, said the Head of the International Relations Division of Polri, Irjen Pol Krishna Murti."
    assert {p for p, _, _ in holdings(extract_text(tmp_path, text, published="2023-07-20"))} == {"Krishna Murti"}


def test_people_complement_joined_by_and_to_the_next_title_still_ends_before_its_name(tmp_path) -> None:
    text = ("Secretary Tom Pell met President Ali Dan, Minister of Foreign Affairs Mary Lowe and Minister of the "
            "Interior John Reimberg in Quito.")
    found = {(p, post) for p, post, _ in holdings(extract_text(tmp_path, text, published="2025-07-31"))}
    assert {("Mary Lowe", "Minister of Foreign Affairs"), ("John Reimberg", "Minister of the Interior")} <= found


def test_people_unqualified_vice_president_is_the_home_states_holder(tmp_path) -> None:
    """A US release's 'the Vice President' is the US holder on the day; a UK release's is no one."""
    text = "The Vice President opened the conference on 11 October."
    us = holdings(extract_text(tmp_path, text, "2018-10-12", "U.S. Department of Homeland Security"))
    assert ("Mike Pence", "Vice President of the United States", "United States") in us
    assert not holdings(extract_text(tmp_path, text, "2018-10-12", "Home Office"))


def test_people_title_of_a_body_of_no_country_is_no_states_post(tmp_path) -> None:
    """'Vice President' alone may name the US post in a US release; of the European Commission it never does."""
    text = "The Vice President of the European Commission opened the conference on 11 October."
    found = holdings(extract_text(tmp_path, text, "2018-10-12", "U.S. Department of Homeland Security"))
    assert not any(person == "Mike Pence" for person, _, _ in found)


def test_people_ice_before_a_title_is_the_agency(tmp_path) -> None:
    text = "The results were announced by ICE Principal Deputy Assistant Secretary Tom Pell."
    found = holdings(extract_text(tmp_path, text, "2014-08-20", "U.S. Department of Homeland Security"))
    assert ("Tom Pell", "Principal Deputy Assistant Secretary", "U.S. Immigration and Customs Enforcement") in found


def test_people_deputy_title_belongs_to_the_body_of_the_home_post_it_deputises(tmp_path) -> None:
    text = "The results were announced by Deputy Attorney General Tom Pell."
    found = holdings(extract_text(tmp_path, text, "2014-08-20", "U.S. Department of Homeland Security"))
    assert ("Tom Pell", "Deputy Attorney General", "US Department of Justice") in found


def test_people_title_then_the_place_its_holder_serves_in_then_name(tmp_path) -> None:
    text = "The agreement was signed in the presence of IOM's Chief of Mission in Jordan, Tom Pell."
    found = holdings(extract_text(tmp_path, text, "2017-09-20"))
    assert ("Tom Pell", "Chief of Mission", "International Organization for Migration") in found


def test_people_bare_head_before_a_known_holder_is_the_post_they_hold(tmp_path) -> None:
    """'Secretary Pompeo' in 2019: the post of that title he held on the day, the US Secretary of State."""
    found = holdings(extract_text(tmp_path, "Secretary Mike Pompeo met the ministers.", "2019-02-21"))
    assert found == {("Mike Pompeo", "US Secretary of State", "United States")}


def test_people_visitors_release_under_a_foreign_dateline_keeps_its_own_home(tmp_path) -> None:
    """Under a Paris dateline, 'talks with his French counterpart' make the release the UK visitor's, whose bare
    'the Immigration Minister' on 13 July 2010 and later 'the Minister' are the UK's."""
    text = ("Minister in Paris\n\nParis, Tuesday 13 July 2010\n\nThe Immigration Minister today held talks in Paris with his "
            "French counterpart, Tom Pell, Minister of Immigration, Integration and National Identity.\n\n"
            "\u201cWe work together,\u201d the Minister said at the Gare du Nord.")
    extraction = extract_text(tmp_path, text, published=None)
    assert ("Damian Green", "Minister for Immigration", "Home Office") in holdings(extraction)
    assert [q["speaker"] for q in facts(extraction, "DirectQuote")] == [["Damian Green"]]


def test_people_demonym_ambassador_to_another_state_is_his_own_states(tmp_path) -> None:
    text = "The British Ambassador to Greece, Tom Pell, was joined by the Greek Minister of Public Order, Ann Lee."
    found = holdings(extract_text(tmp_path, text, "2014-02-19"))
    assert {("Tom Pell", "Ambassador", "United Kingdom"), ("Ann Lee", "Minister of Public Order", "Greece")} <= found


def test_people_its_ambassador_to_a_state_is_the_owners_not_the_hosts(tmp_path) -> None:
    text = "Italy's delegation was led by its Ambassador to Spain, Tom Pell."
    assert holdings(extract_text(tmp_path, text, "2022-12-15")) == {("Tom Pell", "Ambassador", "Italy")}


def test_people_retired_rank_before_the_name_is_read_past(tmp_path) -> None:
    text = "He met the Director General of the Civil Aviation Authority, Air Marshal (Retd) Tom Pell."
    assert ("Tom Pell", "Director General", "Civil Aviation Authority") in holdings(extract_text(tmp_path, text, "2016-09-06"))


def test_people_two_currencies_as_often_decide_no_home(tmp_path) -> None:
    """Fees in taka and rupiah, once each, say nothing of whose release it is; the President it names does."""
    text = ("President Joko Widodo spoke in Jakarta. Each refugee paid 100,000 Bangladeshi taka, or about Rp14 million, "
            "to the smugglers.\n\n\u201cWe will act firmly,\u201d the President said.")
    extraction = extract_text(tmp_path, text, "2023-12-08")
    assert [q["speaker"] for q in facts(extraction, "DirectQuote")] == [["Joko Widodo"]]


def test_people_her_in_the_opening_phrase_picks_the_woman_of_that_title(tmp_path) -> None:
    """A US release: 'the President' is the US President, unless the sentence opens on 'her' and the President it
    named before is a woman."""
    text = ("MEXICO CITY – Secretary of State Marco Rubio met President Claudia Sheinbaum this morning.\n\n"
            "Speaking at her morning press conference, the President said: \u201cThis is collaboration.\u201d")
    extraction = extract_text(tmp_path, text, "2025-09-03", "U.S. Department of State")
    assert [q["speaker"] for q in facts(extraction, "DirectQuote")] == [["Claudia Sheinbaum"]]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("U.S. District Judge Tom Pell sentenced them.", ("Tom Pell", "District Judge")),
    ("\u201cThey will spend their lives in prison,\u201d said U.S. Attorney Tom Pell.", ("Tom Pell", "U.S. Attorney")),
    ("Tom Pell, Special Agent in Charge of the field office, said the case mattered.", ("Tom Pell", "Special Agent in Charge")),
])
def test_people_judges_attorneys_and_agents_in_charge_hold_posts(tmp_path, sentence: str, expected: tuple) -> None:
    assert expected in {(person, post) for person, post, _ in holdings(extract_text(tmp_path, sentence, "2025-06-27"))}


def test_people_title_of_a_bodys_possessive_complement_then_name(tmp_path) -> None:
    text = ("The Home Secretary, Theresa May, came too. In Ho Chi Minh City, Mr Cameron met the Secretary of the city's "
            "Party Committee, Tom Pell, before meeting investors.")
    found = holdings(extract_text(tmp_path, text, "2015-07-30"))
    assert ("Tom Pell", "Secretary of the city's Party Committee") in {(person, post) for person, post, _ in found}
    assert ("Theresa May", "Home Secretary", "Home Office") in found and len(found) == 2


def test_people_government_spokesperson_is_the_home_governments_and_named_again_by_title(tmp_path) -> None:
    """A Moroccan release: the unplaced Government Spokesperson is Morocco's, and 'the Government Spokesperson said'
    (read as a spokesperson of the Government) is the one named with that post before."""
    text = ("Speaking on Thursday, the Minister of State and Government Spokesperson, Tom Pell, said that every "
            "attempt had failed.\n\n"
            "\u201cYoung people are being pushed by unidentified parties,\u201d the Government Spokesperson said.")
    extraction = extract_text(tmp_path, text, "2024-09-20", "Ministry of the Interior of Morocco")
    assert ("Tom Pell", "Government Spokesperson", "Morocco") in holdings(extraction)
    assert [q["speaker"] for q in facts(extraction, "DirectQuote")] == [["Tom Pell"]]


def test_people_bare_title_after_a_list_and_a_paragraph_is_the_last_one_told(tmp_path) -> None:
    text = ("The Minister of the Interior, Tom Pell, met the Minister of Foreign Affairs, Ann Vale, in Tripoli.\n\n"
            "The Minister of the Interior, Tom Pell, also set out two proposals:\n\n- a programme for the southern border;\n- a plan of support.\n\n"
            "According to European sources, the other side agreed.\n\n"
            "\u201cThe priority is to stop the flows,\u201d the Minister said.")
    extraction = extract_text(tmp_path, text, "2025-07-08", "Ministry of the Interior (Italy)")
    assert [q["speaker"] for q in facts(extraction, "DirectQuote")] == [["Tom Pell"]]


def test_people_charge_d_affaires_ad_interim_before_the_name(tmp_path) -> None:
    text = "Today U.S. Chargé d'Affaires, a.i. Tom Pell joined the Commander of the Border Troops to open a new border post."
    assert ("Tom Pell", "Chargé d'Affaires", "United States") in holdings(extract_text(tmp_path, text, "2018-11-30"))


def test_people_national_is_part_of_the_title(tmp_path) -> None:
    text = "National Security Adviser Tom Pell said at the presidential office yesterday that the flights would continue."
    assert {post for _, post, _ in holdings(extract_text(tmp_path, text, "2025-10-18"))} == {"National Security Adviser"}


def test_people_bare_shared_title_is_the_foreign_holder_just_named_when_no_home_holder_is(tmp_path) -> None:
    """Named by the bare title, not set apart from the home one as 'the Cambodian Prime Minister' would be."""
    text = ("On Thursday the Minister called on Prime Minister Hun Manet in Phnom Penh. The Prime Minister "
            "expressed his concern.")
    assert {person for person, _, _ in holdings(extract_text(tmp_path, text, "2025-10-16"))} == {"Hun Manet"}



def test_people_rank_before_a_surname_named_in_full_before(tmp_path) -> None:
    text = ("Colonel General Tom Pell, Commander of the Border Troops, and Ann Vale, Regional Representative of "
            "UNODC, opened the post. A few days earlier, on May 2, Ms. Vale met General Pell at the Border Troops' "
            "headquarters in Dushanbe.")
    meetings = facts(extract_text(tmp_path, text, "2018-11-30"), "Meeting")
    assert any(set(m["participant"]) == {"Tom Pell", "Ann Vale"} for m in meetings)


def test_people_lower_case_post_in_a_section_of_a_body(tmp_path) -> None:
    text = "\u201cWe acted fast,\u201d said Tom Pell, prosecutor in the human smuggling section of the National Crime Agency."
    assert ("Tom Pell", "prosecutor", "National Crime Agency") in holdings(extract_text(tmp_path, text, "2020-09-30"))


def test_people_body_then_modified_lower_case_title_then_name(tmp_path) -> None:
    text = "Home Office assistant general manager Tom Pell said the posts abroad had proved invaluable."
    assert ("Tom Pell", "assistant general manager", "Home Office") in holdings(extract_text(tmp_path, text, "2019-05-30"))


def test_people_unplaced_minister_listed_before_a_known_foreign_minister_is_of_that_state(tmp_path) -> None:
    text = ("The ministers then held talks with the Minister of Foreign Affairs, Tom Pell, and the Minister of the "
            "Interior, Emad Trabelsi, on migration.")
    found = holdings(extract_text(tmp_path, text, "2025-07-08", "Ministry of the Interior (Italy)"))
    assert ("Tom Pell", "Minister of Foreign Affairs", "Libya") in found


def test_people_unplaced_minister_of_a_release_in_its_national_currency_is_that_states(tmp_path) -> None:
    text = ("The first stage will cost RD$1,750 million (about US$31 million) and the second RD$2,000 million.\n\n"
            "The Minister of Defence, Tom Pell, attended.")
    assert holdings(extract_text(tmp_path, text, published="2022-02-20")) == {
        ("Tom Pell", "Minister of Defence", "Dominican Republic")}


def test_people_president_of_the_republic_is_the_home_states_though_no_gazetteer_post_is(tmp_path) -> None:
    text = "The President of the Republic, Tom Pell, started work on the fence. It will cost RD$1,750 million."
    assert holdings(extract_text(tmp_path, text, published="2022-02-20")) == {
        ("Tom Pell", "President of the Republic", "Dominican Republic")}


def test_people_a_president_whose_assassination_is_told_holds_the_post_no_longer(tmp_path) -> None:
    text = ("Referring to the crisis since the assassination of President Ali Dan on 7 July last year, "
            "the minister spoke of Haiti.")
    assert not any(person == "Ali Dan" for person, _, _ in holdings(extract_text(tmp_path, text)))


def test_people_last_portfolio_of_a_series_may_join_two_words_with_and(tmp_path) -> None:
    text = ("The meeting was chaired by the Minister of the Interior, Public Security, Decentralisation and Customary "
            "and Religious Affairs, Mr Tom Pell.")
    assert {person for person, _, _ in holdings(extract_text(tmp_path, text, publisher="Ministry of the Interior (Niger)"))} \
        == {"Tom Pell"}


def test_people_lower_case_title_of_a_body_or_place_before_a_comma_name(tmp_path) -> None:
    text = ("The Home Secretary met the mayor of Calais, Natacha Bouchart, and the head of the National Crime Agency, "
            "Graeme Biggar. Also present was the leader of the Fuerza Nacional Progresista (FNP), Pelegrín Castillo.")
    found = holdings(extract_text(tmp_path, text, publisher="Home Office"))
    assert found >= {("Natacha Bouchart", "mayor", "Calais"), ("Graeme Biggar", "head", "National Crime Agency"),
                     ("Pelegrín Castillo", "leader", "Fuerza Nacional Progresista")}


def test_people_and_the_title_after_a_name_is_the_next_persons(tmp_path) -> None:
    text = "Also present were Tom Pell, and the head of the National Crime Agency."
    assert not any(person == "Tom Pell" for person, _, _ in holdings(extract_text(tmp_path, text)))


def test_people_a_bodys_possessive_lower_case_post_after_a_name(tmp_path) -> None:
    text = "John Turner, the NCA's senior investigating officer, said the gang did not care."
    assert holdings(extract_text(tmp_path, text)) == {("John Turner", "senior investigating officer", "National Crime Agency")}


def test_people_title_words_after_a_title_are_no_name(tmp_path) -> None:
    text = "Before that he was Director National Security at the Home Office."
    assert holdings(extract_text(tmp_path, text)) == set()


def test_people_name_of_a_state_who_will_be_the_next_holder(tmp_path) -> None:
    text = "Lieutenant General Tom Pell of the Netherlands will be the next Executive Director of Frontex."
    assert holdings(extract_text(tmp_path, text, published="2022-12-20")) == {("Tom Pell", "Executive Director", "Frontex")}


def test_people_name_who_has_been_holder_since_a_year(tmp_path) -> None:
    text = "Since 2019 Tom Pell has been Commander of the Royal Netherlands Marechaussee."
    assert holdings(extract_text(tmp_path, text, published="2022-12-20")) == {
        ("Tom Pell", "Commander", "Royal Netherlands Marechaussee")}


def test_people_surname_of_a_holder_named_before_ends_the_title_before_it(tmp_path) -> None:
    text = ("The men were sentenced, announced Tom R. Pell, Head of the Justice Department's Criminal Division.\n\n"
            "\u201cThey put lives at risk,\u201d said Head of the Criminal Division Pell.\n")
    [quote] = facts(extract_text(tmp_path, text, publisher="U.S. Department of Justice"), "DirectQuote")
    assert (quote["speaker"], quote["speakerPost"]) == (["Tom R. Pell"], ["Head of the Criminal Division"])


def test_people_full_name_and_age_between_commas_is_a_person(tmp_path) -> None:
    extraction = extract_text(tmp_path, "Steve Anthony Shand, 50, of Florida, was convicted in November.")
    assert [e.label for e in extraction.entities.values() if e.cls == "Person"] == ["Steve Anthony Shand"]


def test_people_unplaced_secretary_of_a_portfolio_is_the_home_governments(tmp_path) -> None:
    text = "Secretary of Foreign Affairs Tom A. Pell signed the notes in Manila."
    found = holdings(extract_text(tmp_path, text, publisher="Department of Foreign Affairs (Philippines)"))
    assert found == {("Tom A. Pell", "Secretary of Foreign Affairs", "Philippines")}


def test_people_titled_name_of_a_state_holds_that_states_post(tmp_path) -> None:
    text = "The financing was first pledged by Prime Minister Tom Pell of Japan during his visit to Manila."
    found = holdings(extract_text(tmp_path, text, publisher="Department of Foreign Affairs (Philippines)"))
    assert found == {("Tom Pell", "Prime Minister", "Japan")}


def test_people_presidential_spokesman_before_a_name_is_his_post(tmp_path) -> None:
    text = "Foreign Minister Ali Dan and presidential spokesman Tom Pell joined the talks."
    assert ("Tom Pell", "presidential spokesman", "") in holdings(extract_text(tmp_path, text))


def test_people_title_stops_before_the_full_name_of_someone_named_before(tmp_path) -> None:
    text = "Tom Pell, Minister for Defence, opened the yard.\n\nMinister for Defence Tom Pell said the boats were ready."
    found = holdings(extract_text(tmp_path, text, publisher="Department of Defence (Australia)"))
    assert {post for person, post, _ in found} == {"Minister for Defence"}


def test_people_australian_honours_after_a_name_are_no_part_of_it(tmp_path) -> None:
    text = "Senator the Hon Tom Pell CSC, Minister for Defence, opened the yard."
    found = holdings(extract_text(tmp_path, text, publisher="Department of Defence (Australia)"))
    assert {person for person, _, _ in found} == {"Tom Pell"}
