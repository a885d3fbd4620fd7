"""Meetings with date, place and participants; other dated events for the timeline."""
from __future__ import annotations

import pytest

from helpers import extract_text, facts

MEETINGS = ("Meeting", "Summit", "Visit", "Conference")


def meetings(tmp_path, text: str, published: str = "2023-06-14") -> list[dict]:
    extraction = extract_text(tmp_path, text, published)
    return [f for cls in MEETINGS for f in facts(extraction, cls)]


def test_events_meeting_date_place_participants(tmp_path) -> None:
    text = "The Home Secretary met her Belgian counterpart, Annelies Verlinden, in Brussels on 12 June."
    [meeting] = meetings(tmp_path, text)
    assert meeting["date"] == ["2023-06-12"] and meeting["place"] == ["Brussels"]
    assert set(meeting["participant"]) == {"Suella Braverman", "Annelies Verlinden"}


def test_events_later_sentences_add_participants(tmp_path) -> None:
    text = ("Ministers met at the Calais Group meeting in Dunkirk yesterday. "
            "Around the table were Home Secretary Suella Braverman and Interior Minister Gérald Darmanin.")
    [meeting] = meetings(tmp_path, text)
    assert set(meeting["participant"]) == {"Suella Braverman", "Gérald Darmanin"}


def test_events_delegation_member_joins_meeting_in_that_place(tmp_path) -> None:
    text = ("The Prime Minister met Giorgia Meloni in Rome on 27 April. "
            "Jane Kemp, Director of the Coastal Unit, joined the UK delegation to Rome.")
    [meeting] = meetings(tmp_path, text)
    assert "Jane Kemp" in meeting["participant"]


def test_events_anaphoric_summit_does_not_open_a_second_meeting(tmp_path) -> None:
    text = ("Prime Minister Rishi Sunak met President Emmanuel Macron in Paris today for a summit. "
            "The summit comes days after the Home Secretary introduced a Bill on Tuesday.")
    assert len(meetings(tmp_path, text)) == 1


def test_events_dated_sentence_becomes_timeline_event(tmp_path) -> None:
    extraction = extract_text(tmp_path, "The Illegal Migration Bill was introduced in Parliament on Tuesday.")
    [event] = facts(extraction, "LegislativeEvent")
    assert event["date"] == ["2023-06-13"]


def test_events_vague_date_is_reported_not_guessed(tmp_path) -> None:
    extraction = extract_text(tmp_path, "New patrols will start in the coming weeks.")
    assert any("in the coming weeks" in warning for warning in extraction.warnings)
    assert not any(f.first("date") for f in extraction.facts if f.cls not in ("EntityMention",))


def test_events_host_welcoming_counterparts_to_a_place_is_a_meeting(tmp_path) -> None:
    text = ("Interior Minister Alexander Dobrindt today welcomed his counterparts from France and Poland "
            "to the Zugspitze. The ministers agreed a joint declaration.")
    [meeting] = meetings(tmp_path, text, "2025-07-18")
    assert meeting["date"] == ["2025-07-18"] and meeting["place"] == ["Zugspitze"]
    assert meeting["participant"] == ["Alexander Dobrindt"]


def test_events_host_welcoming_a_decision_is_no_meeting(tmp_path) -> None:
    assert meetings(tmp_path, "Interior Minister Alexander Dobrindt today welcomed the court's decision.", "2025-07-18") == []


def test_events_participants_listed_after_taking_part_were(tmp_path) -> None:
    text = ("Alexander Dobrindt today welcomed his counterparts to the Zugspitze.\n\nTaking part were:\n\n"
            "- Bruno Retailleau, Minister of the Interior of France\n- Gerhard Karner, Federal Minister of the Interior of Austria\n")
    [meeting] = meetings(tmp_path, text, "2025-07-18")
    assert set(meeting["participant"]) == {"Alexander Dobrindt", "Bruno Retailleau", "Gerhard Karner"}


def test_events_two_people_launching_something_together_meet(tmp_path) -> None:
    text = ("Today, Commissioner Ylva Johansson is in Chisinau, where she launched the project together with "
            "the Minister of Internal Affairs, Adrian Efros.")
    [meeting] = meetings(tmp_path, text, "2024-02-15")
    assert meeting["date"] == ["2024-02-15"] and set(meeting["participant"]) == {"Ylva Johansson", "Adrian Efros"}


def test_events_lede_meeting_without_a_date_of_its_own_is_on_the_publication_date(tmp_path) -> None:
    text = ("Partnership signed\n\nKigali, 14 April 2022\n\nHome Secretary Priti Patel, who arrived in Kigali last night, "
            "signed the partnership with Rwanda's Minister for Foreign Affairs, Vincent Biruta.")
    [meeting] = meetings(tmp_path, text, "2022-04-14")
    assert meeting["date"] == ["2022-04-14"] and set(meeting["participant"]) == {"Priti Patel", "Vincent Biruta"}


def test_events_clause_after_a_colon_tells_its_own_meeting(tmp_path) -> None:
    text = ("Alexander Dobrindt today welcomed his counterparts to the Zugspitze. It was the second gathering "
            "there this week: on Tuesday (15 July), Chancellor Friedrich Merz met the Bavarian cabinet on the mountain.")
    found = {(m["date"][0], p) for m in meetings(tmp_path, text, "2025-07-18") for p in m["participant"]}
    assert found == {("2025-07-18", "Alexander Dobrindt"), ("2025-07-15", "Friedrich Merz")}


def test_events_journey_with_companions_is_a_visit_and_their_talks_join_it(tmp_path) -> None:
    text = ("On Monday 8 May, the Home Secretary travelled to Tirana with the Security Minister, Tom Tugendhat. "
            "They held talks with Prime Minister Edi Rama.")
    [visit] = meetings(tmp_path, text)
    assert visit["date"] == ["2023-05-08"] and visit["place"] == ["Tirana"]
    assert set(visit["participant"]) == {"Suella Braverman", "Tom Tugendhat", "Edi Rama"}


def test_events_journey_alone_is_no_meeting(tmp_path) -> None:
    text = ("The Home Secretary flew to Tirana yesterday, after the Prime Minister, Rishi Sunak, "
            "announced the returns agreement.")
    assert meetings(tmp_path, text) == []


def test_events_call_takes_no_place_from_the_sentence_before(tmp_path) -> None:
    text = ("On 2 June the Home Secretary held talks in Rome with Interior Minister Matteo Piantedosi. "
            "In a telephone call on 9 June, the Home Secretary and Matteo Piantedosi agreed the plan.")
    call = next(m for m in meetings(tmp_path, text) if m["date"] == ["2023-06-09"])
    assert "place" not in call


def test_events_previous_day_counts_from_the_narrative_date(tmp_path) -> None:
    text = ("On Monday 8 May, the Home Secretary held talks in Tirana with Prime Minister Edi Rama. "
            "The previous day, she had discussed the plan over lunch in Rome with Giorgia Meloni.")
    lunch = next(m for m in meetings(tmp_path, text) if m["place"] == ["Rome"])
    assert lunch["date"] == ["2023-05-07"]


def test_events_place_people_went_to_for_talks(tmp_path) -> None:
    text = ("On 11 April, the Home Secretary led a delegation that included Tom Tugendhat to Panama City "
            "for talks with Janaina Tewaney.")
    [meeting] = meetings(tmp_path, text)
    assert meeting["place"] == ["Panama City"]


def test_events_meeting_that_brought_together_people_adds_them(tmp_path) -> None:
    text = ("The Home Secretary today marked the anniversary by convening senior leaders in London. "
            "The meeting brought together Tom Tugendhat and Robert Jenrick.")
    [meeting] = meetings(tmp_path, text)
    assert set(meeting["participant"]) == {"Suella Braverman", "Tom Tugendhat", "Robert Jenrick"}


def test_events_passive_reception_with_a_date_before_by(tmp_path) -> None:
    text = ("The Foreign Secretary, David Lammy, and the Minister of the Interior of Spain, Fernando Grande-Marlaska, "
            "were received today (Wednesday 14 June) by the President of Senegal, Macky Sall, in Dakar.")
    [meeting] = meetings(tmp_path, text)
    assert meeting["date"] == ["2023-06-14"] and meeting["place"] == ["Dakar"]
    assert set(meeting["participant"]) == {"David Lammy", "Fernando Grande-Marlaska", "Macky Sall"}


def test_events_meeting_named_before_its_noun_outranks_a_bare_visit(tmp_path) -> None:
    text = ("The visit follows the MED5 informal ministerial meeting, hosted by the Home Secretary in Athens on "
            "Saturday 10 June, with the Minister of the Interior of Italy, Ms. Luciana Lamorgese.")
    extraction = extract_text(tmp_path, text)
    labels = [f.label for f in extraction.facts if f.cls in MEETINGS]
    assert len(labels) == 1 and labels[0].startswith("MED5 informal ministerial meeting"), labels


def test_events_counterparts_adopting_a_declaration_meet(tmp_path) -> None:
    text = ("Latvia's Minister for Interior, Māris Kučinskis, and his counterparts from Poland and Estonia yesterday "
            "(Monday 28 August) adopted a joint declaration in Warsaw.\n\nAround the table were:\n\n"
            "- Mariusz Kamiński, Minister of the Interior and Administration of Poland\n")
    [meeting] = meetings(tmp_path, text, "2023-08-29")
    assert meeting["date"] == ["2023-08-28"] and meeting["place"] == ["Warsaw"]
    assert set(meeting["participant"]) == {"Māris Kučinskis", "Mariusz Kamiński"}


def test_events_media_briefing_is_a_conference(tmp_path) -> None:
    text = ("The Minister of Home Affairs, Leon Schreiber, and the Commissioner, Michael Masiapato, gave the figures "
            "today at a media briefing in Pretoria.")
    [meeting] = meetings(tmp_path, text, "2025-01-31")
    assert meeting["place"] == ["Pretoria"] and set(meeting["participant"]) == {"Leon Schreiber", "Michael Masiapato"}


def test_events_possessive_name_is_no_meeting_place(tmp_path) -> None:
    text = "This morning, Justin Trudeau and Joe Biden met in the Prime Minister's office on Parliament Hill."
    [meeting] = meetings(tmp_path, text, "2023-03-24")
    assert meeting.get("place", [None]) != ["Prime Minister's"]


def test_events_meeting_at_a_numbered_building_named_for_an_office(tmp_path) -> None:
    text = "The agreement was signed at 10 Downing Street on 12 June, where the Prime Minister hosted Giorgia Meloni."
    [meeting] = meetings(tmp_path, text)
    assert meeting["place"] == ["Downing Street"]


def test_events_a_body_chaired_by_someone_is_no_meeting(tmp_path) -> None:
    text = "The National Committee was established in 2007. It is chaired by the Minister of State for Foreign Affairs."
    assert meetings(tmp_path, text) == []


def test_events_place_right_after_the_meeting_name_beats_an_earlier_one(tmp_path) -> None:
    text = ("The UK will spend £44.5 million on security at Calais, Prime Minister Theresa May said today as she "
            "hosted President Emmanuel Macron for the 35th UK-France Summit at the Royal Military Academy Sandhurst.")
    [meeting] = meetings(tmp_path, text, published="2018-01-18")
    assert meeting["place"] == ["Royal Military Academy Sandhurst"]


def test_events_month_after_the_meeting_noun_is_no_place(tmp_path) -> None:
    text = "The Commissioner recalled that during her visit in April she met Prime Minister Petteri Orpo in Helsinki."
    found = meetings(tmp_path, text, published="2025-09-15")
    assert all(m.get("place") != ["April"] for m in found)


def test_events_signing_ceremony_today_is_held_at_the_dateline_place(tmp_path) -> None:
    text = ("Exchange of Notes signed\n\nMalé, 15 April 2020\n\nThe notes were signed this afternoon at a ceremony "
            "held at the Ministry of Foreign Affairs by Minister Tom Pell and Ambassador Ruth Aldous.")
    [meeting] = meetings(tmp_path, text, published="2020-04-15")
    assert (meeting["date"], meeting["place"]) == (["2020-04-15"], ["Malé"])
    assert sorted(meeting["participant"]) == ["Ruth Aldous", "Tom Pell"]


def test_events_visit_of_someone_to_a_country_is_in_that_country(tmp_path) -> None:
    text = "Border security was discussed during the Official Visit of President Tom Pell to Japan in October 2019."
    [meeting] = meetings(tmp_path, text, published="2020-04-15")
    assert meeting["place"] == ["Japan"]


def test_events_date_of_the_main_clause_is_not_that_of_a_meeting_told_after_after(tmp_path) -> None:
    text = ("The Home Office today (Wednesday 12 August) set out its plans, after Commander Tom Pell held his first "
            "talks with the French authorities in Paris.\n\n"
            "Yesterday (Tuesday 11 August) Tom Pell travelled to Paris for talks with French officials.")
    found = meetings(tmp_path, text, published="2020-08-12")
    assert {d for m in found for d in m["date"]} == {"2020-08-11"}


def test_events_undated_ceremony_takes_the_day_told_before_not_a_planned_one(tmp_path) -> None:
    text = ("Today in Tirana, Frontex launched its first joint operation outside the EU. From tomorrow, teams will "
            "work at the border.\n\nThe launch ceremony was hosted by the Prime Minister of Albania, Edi Rama. "
            "It was attended by Frontex Executive Director Fabrice Leggeri.")
    [meeting] = meetings(tmp_path, text, published="2019-05-21")
    assert meeting["date"] == ["2019-05-21"] and set(meeting["participant"]) == {"Edi Rama", "Fabrice Leggeri"}


def test_events_signed_by_two_people_after_a_dated_placed_aside(tmp_path) -> None:
    text = ("The agreement was signed yesterday (Thursday, 19 March) at the IOM office in Dhaka, by Tom Pell, "
            "IOM Representative, and Ruth Aldous, Country Director of KOICA.")
    [meeting] = meetings(tmp_path, text, published="2020-03-20")
    assert meeting["date"] == ["2020-03-19"] and set(meeting["participant"]) == {"Tom Pell", "Ruth Aldous"}


def test_events_today_after_talks_is_the_day_of_the_talks(tmp_path) -> None:
    text = ("The UK will put £4 million into the Rome Process, the Prime Minister confirmed today (Monday 16 September) "
            "after talks with Italian Prime Minister Giorgia Meloni in Rome.")
    [meeting] = meetings(tmp_path, text, published="2024-09-16")
    assert (meeting["date"], meeting["place"]) == (["2024-09-16"], ["Rome"])


def test_events_date_of_a_since_clause_is_not_the_meetings(tmp_path) -> None:
    text = ("Prime Minister Theresa May hosted President Emmanuel Macron at Sandhurst today. "
            "It is his first official visit to the UK since he was elected last May.")
    dates = {d for m in meetings(tmp_path, text, "2018-01-18") for d in m["date"]}
    assert dates == {"2018-01-18"}


def test_events_a_new_meeting_noun_at_another_place_is_another_meeting(tmp_path) -> None:
    text = ("Prime Minister Theresa May hosted President Emmanuel Macron at Sandhurst today. "
            "Earlier, the Prime Minister and the President had a private working lunch in Maidenhead.")
    found = {(m["place"][0], tuple(sorted(m["participant"]))) for m in meetings(tmp_path, text, "2018-01-18")}
    assert found == {("Sandhurst", ("Emmanuel Macron", "Theresa May")), ("Maidenhead", ("Emmanuel Macron", "Theresa May"))}


def test_events_capital_dateline_places_the_ledes_meeting_of_the_day_before(tmp_path) -> None:
    text = ("Security Dialogue held\n\nWASHINGTON – Secretary of State Antony J. Blinken met Foreign Secretary Marcelo Ebrard "
            "at the Department of State yesterday for the second meeting of the Security Dialogue.")
    [meeting] = meetings(tmp_path, text, "2022-10-14")
    assert meeting["place"] == ["Washington"] and meeting["date"] == ["2022-10-13"]


def test_events_it_included_lists_more_of_the_delegation(tmp_path) -> None:
    text = ("Secretary of State Antony J. Blinken met Foreign Secretary Marcelo Ebrard in Washington on 13 October. "
            "It included the Secretary of the Navy, Admiral Rafael Ojeda Durán.")
    [meeting] = meetings(tmp_path, text, "2022-10-14")
    assert set(meeting["participant"]) == {"Antony J. Blinken", "Marcelo Ebrard", "Rafael Ojeda Durán"}


def test_events_bare_title_is_the_one_who_holds_exactly_that_title(tmp_path) -> None:
    text = ("Attorney General Merrick B. Garland met the Attorney General of the Republic, Alejandro Gertz Manero, "
            "in Washington on 13 October. The first meeting was held in Mexico City on 8 October 2021 with the Attorney General.")
    first = [m for m in meetings(tmp_path, text, "2022-10-14") if m["date"] == ["2021-10-08"]]
    assert [m["participant"] for m in first] == [["Merrick B. Garland"]]


def test_events_talks_that_a_launch_follows_keep_their_own_date(tmp_path) -> None:
    text = ("The European Commissioner for Neighbourhood and Enlargement, Olivér Várhelyi, today launched the programme. "
            "Today's launch follows the Commissioner's talks with President Abdel Fattah El-Sisi in Cairo in June.")
    [meeting] = meetings(tmp_path, text, "2022-10-30")
    assert meeting["date"] == ["2022-06"]
    assert sorted(meeting["participant"]) == ["Abdel Fattah el-Sisi", "Olivér Várhelyi"]


def test_events_those_who_co_chaired_the_conference_took_part(tmp_path) -> None:
    text = ("Ministers met in Adelaide today for the Eighth Ministerial Conference of the Bali Process. "
            "The Foreign Minister, Penny Wong, co-chaired the conference with her Indonesian counterpart, Retno Marsudi.")
    [meeting] = meetings(tmp_path, text, "2023-02-10")
    assert sorted(meeting["participant"]) == ["Penny Wong", "Retno Marsudi"]


def test_events_a_ministers_mission_to_a_city_is_a_visit_there(tmp_path) -> None:
    text = ("The text was prepared during the mission of the Minister of the Interior, Marco Minniti, to Tripoli "
            "on Monday 9 January. There the Minister met the Minister of Foreign Affairs of Libya, Mohamed Siala.")
    [meeting] = meetings(tmp_path, text, "2017-02-02")
    assert (meeting["date"], meeting["place"]) == (["2017-01-09"], ["Tripoli"])
    assert sorted(meeting["participant"]) == ["Marco Minniti", "Mohamed Siala"]


def test_events_a_later_day_told_since_the_current_visit_opens_its_own_meeting(tmp_path) -> None:
    text = ("Foreign Secretary agrees intelligence sharing with Serbia on visit to the Western Balkans\n\n"
            "The UK and Serbia will share information under a new agreement, concluded during the Foreign "
            "Secretary's visit to Kosovo and Serbia.\n\n"
            "David Lammy arrived in Pristina on Tuesday evening (1 April). He was welcomed by Kosovo's Minister "
            "of Foreign Affairs, Donika Gërvalla-Schwarz.")
    found = {(m["date"][0], p) for m in meetings(tmp_path, text, "2025-04-03") for p in m["participant"]}
    assert ("2025-04-01", "Donika Gërvalla-Schwarz") in found and ("2025-04-01", "David Lammy") in found


def test_events_a_meeting_noun_inside_a_title_is_no_meeting(tmp_path) -> None:
    text = ("Laurent de Boeck, Chief of Mission of IOM in Egypt, said on 30 October that the agreement "
            "built on four years of cooperation.")
    assert meetings(tmp_path, text, "2022-10-30") == []


def test_events_label_of_a_meeting_after_a_possessive_keeps_no_stray_letter(tmp_path) -> None:
    text = "Interior ministers of the V4 met in Prague on Thursday. Germany's minister, Nancy Faeser, joined today's meeting in Prague."
    extraction = extract_text(tmp_path, text, "2023-11-10")
    assert not any(f.label.startswith("s ") for f in extraction.facts)


def test_events_a_visit_placed_in_a_country_is_where_the_next_sentence_opens(tmp_path) -> None:
    text = ("EU Commissioner Magnus Brunner visited Finland's eastern border today (Monday 15 September) at the "
            "invitation of Minister of the Interior Mari Rantanen. At the Vaalimaa border crossing point the Minister "
            "and the Commissioner were briefed by the Finnish Border Guard.")
    [meeting] = meetings(tmp_path, text, "2025-09-15")
    assert meeting["place"] == ["Vaalimaa"]


def test_events_the_meeting_joined_is_the_latest_not_a_signing_told_since(tmp_path) -> None:
    text = ("PANAMA CITY – Today (Tuesday, June 24), Secretary of Homeland Security Kristi Noem met Panamanian "
            "President José Raúl Mulino at the Palacio de las Garzas and extended the memorandum. The original "
            "memorandum was signed in Panama City on July 1, 2024, by then-Secretary Alejandro Mayorkas and "
            "Foreign Minister Javier Martínez-Acha.\n\n"
            "Panama's Minister of Public Security, Frank Ábrego, joined the bilateral meeting.")
    found = {(m["date"][0], p) for m in meetings(tmp_path, text, "2025-06-24") for p in m["participant"]}
    assert ("2025-06-24", "Frank Ábrego") in found and ("2024-07-01", "Frank Ábrego") not in found


def test_events_travelled_on_to_a_place_to_meet_is_a_meeting_there(tmp_path) -> None:
    text = ("Prime Minister Kyriakos Mitsotakis today received President Charles Michel in Evros.\n\n"
            "From Evros, President Michel travelled on to Bulgaria today to meet Prime Minister Boyko Borissov.")
    found = {(m["place"][0], p) for m in meetings(tmp_path, text, "2020-03-03") for p in m["participant"]}
    assert ("Bulgaria", "Boyko Borissov") in found and ("Evros", "Boyko Borissov") not in found


def test_events_person_on_whose_behalf_someone_acts_is_no_participant(tmp_path) -> None:
    text = ("Vice-President Tom Pell met President Ali Dan in Nouakchott on 12 June. "
            "On behalf of President Mary Lowe, he invited President Dan to a forum in Brussels.")
    assert not any("Mary Lowe" in m["participant"] for m in meetings(tmp_path, text))


def test_events_states_and_bodies_represented_at_a_meeting_take_part(tmp_path) -> None:
    text = ("Home Secretary James Cleverly hosted a meeting of the Calais Group in Brussels on 12 June, which brought "
            "together representatives of France, Belgium and Germany. The Commissioner took part, together with "
            "Europol and Frontex.")
    [meeting] = meetings(tmp_path, text)
    assert {"France", "Belgium", "Germany", "Europol", "Frontex"} <= set(meeting["participant"])


def test_events_unknown_port_named_with_a_particle_is_the_place(tmp_path) -> None:
    text = ("The delivery ceremony took place on Wednesday at the port of Marina de Gammarth. The vessels were received "
            "by Mr. Tom Pell, Director General of the National Guard.")
    [meeting] = meetings(tmp_path, text, "2024-08-29")
    assert meeting["place"] == ["Marina de Gammarth"] and meeting["participant"] == ["Tom Pell"]


def test_events_meeting_named_after_an_event_placed_elsewhere_in_the_text(tmp_path) -> None:
    text = ("INTERPOL, meeting for its 92nd General Assembly in Glasgow, announced results.\n\n"
            "The smuggler was jailed for 17 years in Preston yesterday.\n\n"
            "On Monday, opening the General Assembly, the Prime Minister announced a further £75 million.")
    [meeting] = meetings(tmp_path, text, "2024-11-08")
    assert meeting["place"] == ["Glasgow"] and meeting["participant"] == ["Keir Starmer"]


def test_events_visit_by_someone_to_a_place_is_there(tmp_path) -> None:
    text = ("The agreement was signed today by the Security Minister, Dan Jarvis, during a two-day visit by the Iraqi "
            "delegation to London.")
    [meeting] = meetings(tmp_path, text, "2025-08-20")
    assert meeting["place"] == ["London"]


def test_events_courtesy_surname_in_the_possessive_takes_part(tmp_path) -> None:
    text = ("Iraqi Prime Minister Ali Dan arrived in Britain.\n\n"
            "On 14 January Mr Dan's delegation met the Home Secretary in London.")
    assert any("Ali Dan" in m["participant"] for m in meetings(tmp_path, text, "2025-01-20"))


def test_events_it_was_opened_is_the_event_the_sentence_before_named(tmp_path) -> None:
    text = ("The programme was launched by Minister Tom Pell on Monday, 4 March 2024, at the school in Kabete.\n\n"
            "The inaugural National Border Management Conference followed a month later. It was opened on Tuesday, "
            "2 April 2024, at the Kempinski in Nairobi by Minister Tom Pell, with Ambassador Mary Lowe.")
    found = {(m["date"][0], m["participant"][0]) for m in meetings(tmp_path, text, "2025-03-05")
             if m.get("participant")}
    assert ("2024-04-02", "Tom Pell") in found and all(date != "2024-03-04" for date, _ in found)


def test_events_visit_to_a_states_border_is_not_placed_in_the_state(tmp_path) -> None:
    text = ("KAPITAN ANDREEVO, Bulgaria – The UK and Bulgaria signed a statement during a visit by Immigration "
            "Minister Robert Jenrick to Bulgaria's border with Türkiye today (Monday 13 November).")
    assert all(m.get("place") != ["Bulgaria"] for m in meetings(tmp_path, text, "2023-11-13"))


def test_events_signed_in_the_presence_of_is_a_meeting_on_the_day_told_before(tmp_path) -> None:
    text = ("IOM and Jordan launch a border project\n\n"
            "Amman, 20 September 2017 – IOM and the Jordan Armed Forces yesterday (Tuesday 19 September) signed an "
            "agreement launching a new project.\n\nThe project is worth EUR 5,280,000.\n\n"
            "The agreement was signed in Amman in the presence of the Chairman of the Joint Chiefs of Staff, "
            "Lieutenant General Tom Pell, and IOM's Chief of Mission, Ann Lee.")
    [meeting] = meetings(tmp_path, text, "2017-09-20")
    assert meeting["date"] == ["2017-09-19"] and meeting["place"] == ["Amman"]
    assert set(meeting["participant"]) == {"Tom Pell", "Ann Lee"}


def test_events_body_named_with_a_meeting_noun_is_no_meeting(tmp_path) -> None:
    text = ("Partners adopt the Declaration\n\nMadrid, Thursday 15 December 2022\n\nPartners of the Rabat Process "
            "adopted on Wednesday the plan that will guide the Euro-African Dialogue on Migration and Development.\n\n"
            "The 6th Ministerial Conference was held in Cadiz on Tuesday (13 December), hosted by Spain. Spain was "
            "represented by the Minister of the Interior, Tom Pell.")
    assert [(m["date"], m["place"]) for m in meetings(tmp_path, text, None)] == [(["2022-12-13"], ["Cadiz"])]


def test_events_people_represented_at_or_told_at_the_conference_took_part(tmp_path) -> None:
    text = ("The 6th Ministerial Conference of the Rabat Process was held in Cadiz on Tuesday (13 December). Spain was "
            "represented at the head of the conference by the Minister of the Interior, Tom Pell.\n\n"
            "At the close of the conference on Wednesday, Tom Pell handed the chair to Morocco's Minister of Justice, Ann Lee.")
    [meeting] = meetings(tmp_path, text, "2022-12-15")
    assert meeting["date"] == ["2022-12-13"] and {"Tom Pell", "Ann Lee"} <= set(meeting["participant"])


def test_events_unknown_name_before_a_noun_is_no_place(tmp_path) -> None:
    text = ("The Home Secretary today saw the controls at the Eurostar terminal of the Gare du Nord in Paris, before "
            "holding talks with her French counterpart, Tom Pell.")
    [meeting] = meetings(tmp_path, text, "2023-07-13")
    assert meeting["place"] == ["Paris"]


def test_events_sentence_opening_on_she_is_about_the_woman_named_before(tmp_path) -> None:
    text = ("ABUJA, Tuesday 21 February 2023 - The Agency rescued 2,743 victims in 2022, its Director-General, "
            "Prof. Ann Lee, announced today.\n\nShe gave the figures at a joint press briefing in Abuja.")
    [meeting] = meetings(tmp_path, text, "2023-02-21")
    assert meeting["participant"] == ["Ann Lee"] and meeting["place"] == ["Abuja"]


@pytest.mark.parametrize("sentence", [
    "Operation Southern Crossing ran from May 1 to May 31 in Houston. The Assistant Secretary, Tom Pell, said at the "
    "time that the results showed HSI meeting the challenge of the rise in smuggling.",
    "In Houston on May 1, Tom Pell, the Director, said officers are meeting the demand at the border.",
])
def test_events_meeting_as_a_verb_is_no_meeting(tmp_path, sentence: str) -> None:
    assert facts(extract_text(tmp_path, sentence, "2014-08-20"), "Meeting") == []


def test_events_meeting_noun_before_its_sentence_subject_is_a_meeting(tmp_path) -> None:
    text = "At the EU meeting the ministers Tom Pell and Ann Vale agreed on new patrols in Brussels on 3 May 2024."
    assert len(facts(extract_text(tmp_path, text, "2024-05-04"), "Meeting")) == 1


def test_events_handing_something_to_someone_at_a_place_is_a_meeting(tmp_path) -> None:
    text = ("On December 21, Ambassador Tom Pell handed the keys of a new customs office to Ann Vale, Head of the "
            "Customs Service, at the Customs headquarters in Dushanbe.")
    [meeting] = facts(extract_text(tmp_path, text, "2018-11-30"), "Meeting")
    assert set(meeting["participant"]) == {"Tom Pell", "Ann Vale"} and meeting["place"] == ["Dushanbe"]


def test_events_calling_on_someone_is_meeting_them(tmp_path) -> None:
    text = "On Thursday Vice Minister Tom Pell called on Prime Minister Ann Vale in Phnom Penh."
    [meeting] = facts(extract_text(tmp_path, text, "2025-10-18"), "Meeting")
    assert set(meeting["participant"]) == {"Tom Pell", "Ann Vale"} and meeting["date"] == ["2025-10-16"]


def test_events_a_long_heading_opens_no_meeting_of_its_own(tmp_path) -> None:
    text = ("Vice Minister Tom Pell arrived on Tuesday.\n\n"
            "Talks with Prime Minister Ann Vale and Deputy Prime Minister Jo Marsh\n\n"
            "On Thursday Vice Minister Pell met Prime Minister Ann Vale in Phnom Penh.")
    [meeting] = facts(extract_text(tmp_path, text, "2025-10-18"), "Meeting")
    assert meeting["date"] == ["2025-10-16"]


def test_events_people_at_a_ceremony_of_another_day_told_in_the_paragraph_meet_that_day(tmp_path) -> None:
    text = ("Last December, on December 21, Ambassador Tom Pell met Ann Vale, Head of the Customs Service, in Dushanbe. "
            "On May 5 this year, the new border outpost opened in Khorog. Jo Marsh, Commander of the Border Troops, "
            "and Ann Vale, Head of the Customs Service, attended the opening ceremony.")
    meetings = facts(extract_text(tmp_path, text, "2018-11-30"), "Meeting")
    assert {(m["date"][0], frozenset(m["participant"])) for m in meetings} == {
        ("2017-12-21", frozenset({"Tom Pell", "Ann Vale"})), ("2018-05-05", frozenset({"Jo Marsh", "Ann Vale"}))}


def test_events_calling_on_someone_to_do_something_is_no_meeting(tmp_path) -> None:
    text = "On Tuesday in Banda Aceh the Police Chief, Inspector General Tom Pell, called on UNHCR to take responsibility."
    assert facts(extract_text(tmp_path, text, "2023-12-08"), "Meeting") == []


def test_events_meeting_dated_only_by_last_year_after_its_verb(tmp_path) -> None:
    text = ("The Minister announced the funding today.\n\n"
            "Mr Pell met Australia's Minister for Home Affairs, Ann Vale, twice last year and discussed people smuggling.")
    [meeting] = facts(extract_text(tmp_path, "Minister of Immigration Tom Pell spoke. " + text, "2019-05-30"), "Meeting")
    assert meeting["date"] == ["2018"]


def test_events_this_year_does_not_date_a_meeting(tmp_path) -> None:
    text = ("Foreign ministers met at Hillsborough Castle on 9 October 2025.\n\n"
            "Tom Pell, Minister of Foreign Affairs, hosted this year's Foreign Ministers' Meeting at the castle.")
    assert {m["date"][0] for m in facts(extract_text(tmp_path, text, "2025-10-09"), "Meeting")} <= {"2025-10-09"}


def test_events_ceremony_in_the_province_of_a_place_is_held_there_by_the_head_of_state(tmp_path) -> None:
    text = ("The President of the Republic, Tom Pell, today started work on the fence, as he promised the National "
            "Assembly on 27 February last year.\n\n"
            "At a ceremony held near the river, in the province of Dajabón, the head of state poured the first concrete.")
    [meeting] = meetings(tmp_path, text, "2022-02-20")
    assert (meeting["date"], meeting["place"], meeting["participant"]) == (["2022-02-20"], ["Dajabón"], ["Tom Pell"])


def test_events_the_two_ministers_are_the_two_people_the_sentence_before_named(tmp_path) -> None:
    text = ("The Home Secretary spoke by phone to French Interior Minister Bernard Cazeneuve on Friday. "
            "The two ministers met in London on Monday 10 October.")
    [meeting] = meetings(tmp_path, text, "2016-10-24")
    assert set(meeting["participant"]) == {"Amber Rudd", "Bernard Cazeneuve"} and meeting["place"] == ["London"]


def test_events_people_named_with_their_age_join_no_meeting(tmp_path) -> None:
    text = ("Tom Pell met Interior Minister Ali Dan in Calais on 2 December 2022.\n\n"
            "Soran Saliy, 32, of Stoke-on-Trent, who worked on the UK leg, and Hardi Alizada, 32, of Nottingham, "
            "who travelled to the meeting point, were jailed.")
    assert all(set(m["participant"]) <= {"Tom Pell", "Ali Dan"} for m in meetings(tmp_path, text, "2023-01-10"))
