"""Quotes dated by the meeting their attribution names (kg.extract.occasions)."""
from __future__ import annotations

from helpers import extract_text, facts


def quote_dates(tmp_path, text: str, published: str = "2024-12-11") -> list[list[str]]:
    return [quote["date"] for quote in facts(extract_text(tmp_path, text, published), "DirectQuote")]


MEETING = ("Yesterday (10 December), Home Secretary Yvette Cooper and German Interior Minister Nancy Faeser "
           "co-hosted the fourth meeting of the Calais Group in London.\n\n")


def test_quote_said_after_the_meeting_takes_its_date(tmp_path) -> None:
    text = MEETING + "Speaking after the meeting, Home Secretary Yvette Cooper said:\n\nWe agreed a plan.\n"
    assert quote_dates(tmp_path, text) == [["2024-12-10"]]


def test_quote_at_an_occasion_not_reported_keeps_the_release_date(tmp_path) -> None:
    text = MEETING + "\u201cWe agreed a plan,\u201d Yvette Cooper said at a press conference.\n"
    assert quote_dates(tmp_path, text) == [["2024-12-11"]]


def test_quote_with_its_own_date_keeps_it(tmp_path) -> None:
    text = MEETING + "Speaking after the meeting on Monday, Home Secretary Yvette Cooper said:\n\nWe agreed a plan.\n"
    assert quote_dates(tmp_path, text) == [["2024-12-09"]]


def test_quote_said_at_the_time_takes_the_date_just_told(tmp_path) -> None:
    text = ("In March, wastewater testing showed that drug use had doubled. The Prime Minister then asked "
            "ministers to report back.\n\n\u201cWe have gone hard on gangs,\u201d the Prime Minister said at the time.\n")
    assert quote_dates(tmp_path, text, "2025-05-10") == [["2025-03"]]


def test_quote_said_during_that_visit_takes_the_date_just_told(tmp_path) -> None:
    text = ("When the two ministers first met, in Calais on Sunday 12 July 2020, they signed an agreement.\n\n"
            "\u201cThe smugglers take advantage of people,\u201d the Home Secretary said during that visit.\n")
    assert quote_dates(tmp_path, text, "2021-07-20") == [["2020-07-12"]]


def test_quote_said_after_the_meeting_takes_the_last_meetings_date_whatever_it_was_called(tmp_path) -> None:
    text = ("On Wednesday, 30 July, in Santiago, Home Secretary Yvette Cooper met Chile's Minister of Justice, "
            "Jaime Gajardo.\n\n\u201cWe cooperate closely,\u201d Yvette Cooper said after the meeting.\n")
    assert quote_dates(tmp_path, text, "2025-07-31") == [["2025-07-30"]]


def test_quote_said_in_a_place_takes_the_day_the_narrative_was_there(tmp_path) -> None:
    text = ("On Saturday 18 May in Kraków, the Prime Minister, Donald Tusk, announced the East Shield.\n\n"
            "\u201cWe want our border to be safe,\u201d Prime Minister Tusk said in Kraków.\n")
    assert quote_dates(tmp_path, text, "2024-05-29") == [["2024-05-18"]]


def test_quote_after_the_speaker_warned_on_a_day_takes_that_day(tmp_path) -> None:
    text = ("Home Secretary Yvette Cooper warned on Friday (6 December) that gangs were adapting. "
            "\u201cWe will not let them,\u201d Yvette Cooper said.\n")
    assert quote_dates(tmp_path, text) == [["2024-12-06"]]


def test_quote_after_another_speaker_warned_keeps_the_release_date(tmp_path) -> None:
    text = ("Home Secretary Yvette Cooper warned on Friday (6 December) that gangs were adapting. "
            "\u201cWe will not let them,\u201d German Interior Minister Nancy Faeser said.\n")
    assert quote_dates(tmp_path, text) == [["2024-12-11"]]


def test_quote_opening_the_paragraph_after_a_meeting_its_speaker_attended_takes_its_date(tmp_path) -> None:
    text = "Calais Group meets in London\n\n" + MEETING + "\u201cWe agreed a plan,\u201d the Home Secretary said.\n"
    assert quote_dates(tmp_path, text) == [["2024-12-10"]]


def test_quote_after_a_meeting_its_speaker_did_not_attend_keeps_the_release_date(tmp_path) -> None:
    text = MEETING + "\u201cWe agreed a plan,\u201d Tom Pell, the Minister for Policing, said.\n"
    assert quote_dates(tmp_path, text) == [["2024-12-11"]]


def test_quote_after_the_meeting_is_the_meeting_its_speaker_attended(tmp_path) -> None:
    text = ("Immigration Minister Tom Pell travelled to The Hague yesterday (Thursday 12 November) to meet the Dutch "
            "State Secretary, Jan de Vries.\n\nIt was the minister's second visit to the two countries this year, "
            "following talks with Dutch and Belgian officials in August.\n\n"
            "Speaking after the meeting, Tom Pell said:\n\nWe agreed a plan.\n")
    assert quote_dates(tmp_path, text, published="2015-11-13") == [["2015-11-12"]]


def test_quote_after_a_background_meeting_keeps_the_day_of_the_news(tmp_path) -> None:
    text = ("New funding for Border Force\n\nHome Secretary Priti Patel today announced £18 million for Border Force.\n\n"
            "Home Secretary Priti Patel met German Interior Minister Horst Seehofer in Berlin on 9 May 2021.\n\n"
            "Priti Patel, the Home Secretary, said: \u201cThose who exploit people will find nowhere to hide.\u201d\n")
    assert quote_dates(tmp_path, text, published="2021-05-14") == [["2021-05-14"]]


def test_quote_said_after_the_meeting_is_the_latest_meeting_not_one_told_as_background(tmp_path) -> None:
    text = ("Secretary of State Antony J. Blinken met Foreign Secretary Marcelo Ebrard in Washington yesterday "
            "for the second High-Level Security Dialogue.\n\n"
            "The first Dialogue, held in Mexico City on October 8, 2021 with Secretary Blinken, adopted a framework.\n\n"
            "\u201cWe have made real progress together,\u201d the Secretary of State said at a joint press availability "
            "after the meeting.\n")
    assert quote_dates(tmp_path, text, "2022-10-14") == [["2022-10-13"]]


def test_quote_said_the_day_after_the_meeting_is_dated_the_next_day(tmp_path) -> None:
    text = MEETING + "The day after the meeting, Home Secretary Yvette Cooper stated:\n\nWe agreed a plan.\n"
    assert quote_dates(tmp_path, text) == [["2024-12-11"]]


def test_quote_only_he_said_takes_the_day_of_what_he_did_just_before(tmp_path) -> None:
    text = ("Executive Director Tom Pell yesterday accepted the request. "
            "\u201cI have decided to launch the intervention,\u201d he said.\n")
    assert quote_dates(tmp_path, text, "2020-03-03") == [["2020-03-02"]]


def test_quote_at_a_press_conference_after_the_talks_takes_the_talks_date(tmp_path) -> None:
    text = MEETING + "At the press conference after the talks, the host, Home Secretary Yvette Cooper, said: \u201cWe agreed a plan.\u201d\n"
    assert quote_dates(tmp_path, text) == [["2024-12-10"]]


def test_quote_in_a_place_named_by_its_first_word_takes_the_meeting_there(tmp_path) -> None:
    text = ("On Monday, Secretary Tom Pell met Minister Ali Dan in Cartagena de Indias, Colombia.\n\n"
            "In Cartagena, Secretary Pell said:\n\nRegional challenges require regional solutions.\n")
    assert quote_dates(tmp_path, text, "2024-08-28") == [["2024-08-26"]]


def test_quote_said_after_the_signing_takes_the_meetings_date(tmp_path) -> None:
    text = (MEETING + "\u201cEnough is enough,\u201d Home Secretary Yvette Cooper said after the signing.")
    assert quote_dates(tmp_path, text) == [["2024-12-10"]]


def test_quote_after_the_paragraph_that_went_on_about_the_meeting_takes_its_date(tmp_path) -> None:
    text = ("Commissioner in Serbia\n\nBelgrade, Friday – The European Commissioner for Home Affairs, Ylva Johansson, "
            "yesterday (Thursday 16 March 2023) paid a one-day visit to Serbia.\n\n"
            "On her arrival the Commissioner was met at Horgos by the Minister of the Interior, Tom Pell.\n\n"
            "\u201c881 attempts were prevented,\u201d Minister Pell said.")
    assert quote_dates(tmp_path, text, None) == [["2023-03-16"]]


VISIT = ("Minister in Serbia\n\nThe Minister for Security, Tom Pell, yesterday (Thursday 16 March 2023) paid a one-day "
         "visit to Serbia, where he met the Minister of the Interior, Ali Dan.\n\n"
         "A joint patrol received them at the crossing.\n\n"
         "According to the Minister, the patrols show the partnership at work.\n\n")


def test_quote_paragraphs_after_the_news_visit_its_speaker_made_takes_the_visits_date(tmp_path) -> None:
    text = VISIT + "\u201cJoint patrols guard the border,\u201d Minister Pell said.\n"
    assert quote_dates(tmp_path, text, "2023-03-17") == [["2023-03-16"]]


def test_quote_after_the_narrative_moved_to_another_day_keeps_the_release_date(tmp_path) -> None:
    text = (VISIT + "On Monday 13 March the Government published its border figures.\n\n"
            "\u201cJoint patrols guard the border,\u201d Minister Pell said.\n")
    assert quote_dates(tmp_path, text, "2023-03-17") == [["2023-03-17"]]


def test_quote_after_a_lede_meeting_told_as_last_years_keeps_the_release_date(tmp_path) -> None:
    text = ("Fence begins\n\nThe President of the Republic, Tom Pell, today started work on the fence, fulfilling the "
            "commitment he made on 27 February last year in his first address to the National Conference.\n\n"
            "The fence is 54 kilometres long.\n\n"
            "\u201cThis fence will be good for both countries,\u201d President Pell said.\n")
    assert quote_dates(tmp_path, text, "2022-02-20") == [["2022-02-20"]]


def test_quote_of_an_undated_release_opening_the_paragraph_after_its_speakers_meeting_takes_its_date(tmp_path) -> None:
    text = ("Conference ends\n\nInterior Minister Tom Pell met Interior Minister Ali Dan in Niamey on 16 March 2018.\n\n"
            "\u201cWe agreed a plan,\u201d Minister Pell said.\n")
    assert quote_dates(tmp_path, text, None) == [["2018-03-16"]]


def test_quote_opening_the_paragraph_after_its_speaker_told_something_last_month_takes_that_month(tmp_path) -> None:
    text = ("The wall is being built.\n\nLast month Immigration Minister Tom Pell told the Home Affairs Committee that "
            "the package would pay for a new wall.\n\n\u201cWe have finished the fences,\u201d Mr Pell told MPs.\n")
    assert quote_dates(tmp_path, text, "2016-10-24") == [["2016-09"]]
