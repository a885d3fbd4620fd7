"""Direct quotes in the layouts press releases use."""
from __future__ import annotations

from helpers import extract_text, facts


def quotes(tmp_path, text: str, published: str = "2023-06-14") -> list[dict]:
    return facts(extract_text(tmp_path, text, published), "DirectQuote")


def test_statements_block_after_said_colon(tmp_path) -> None:
    [quote] = quotes(tmp_path, "Security Minister Tom Tugendhat yesterday said:\n\nWe will find them and we will stop them.\n")
    assert quote["speaker"] == ["Tom Tugendhat"] and quote["speakerPost"] == ["Security Minister"]
    assert quote["date"] == ["2023-06-13"] and quote["text"] == ["We will find them and we will stop them."]


def test_statements_block_keeps_first_person_second_paragraph_and_stops_at_narrative(tmp_path) -> None:
    text = ("Home Secretary Suella Braverman said:\n\nThe gangs are ruthless.\n\nWe will keep going after them.\n\n"
            "The Home Office will publish figures in July.\n")
    [quote] = quotes(tmp_path, text)
    assert quote["text"] == ["The gangs are ruthless.\n\nWe will keep going after them."]


def test_statements_quote_before_speaker(tmp_path) -> None:
    text = "\u201cThis is a turning point,\u201d said the Home Secretary, Suella Braverman, yesterday.\n"
    [quote] = quotes(tmp_path, text)
    assert quote["speaker"] == ["Suella Braverman"] and quote["text"] == ["This is a turning point"]
    assert quote["date"] == ["2023-06-13"]


def test_statements_speaker_by_surname_after_full_name(tmp_path) -> None:
    text = ("French Interior Minister Gérald Darmanin visited Dover.\n\n"
            "\u201cWe share one border,\u201d Darmanin told reporters.\n")
    [quote] = quotes(tmp_path, text)
    assert quote["speaker"] == ["Gérald Darmanin"] and quote["speakerPost"] == ["Minister of the Interior"]


def test_statements_no_speaker_no_statement(tmp_path) -> None:
    assert quotes(tmp_path, "\u201cNever again,\u201d the banner read.\n") == []


def test_statements_date_after_the_speakers_relative_clause_dates_the_quote(tmp_path) -> None:
    text = ("\u201cThe system is broken,\u201d said Rasmus Stoklund, Denmark's Minister for Immigration and Integration, "
            "whose country holds the Presidency of the Council, on Monday.")
    [quote] = quotes(tmp_path, text, "2025-12-10")
    assert quote["date"] == ["2025-12-08"]


def test_statements_date_inside_the_speakers_relative_clause_does_not(tmp_path) -> None:
    text = "\u201cThe plan works,\u201d said Rasmus Stoklund, who signed it on Monday, at the meeting."
    [quote] = quotes(tmp_path, text, "2025-12-10")
    assert quote["date"] == ["2025-12-10"]


def test_statements_date_in_the_next_sentence_does_not_date_the_quote(tmp_path) -> None:
    text = ("\u201cWe have agreed on one response,\u201d said the Interior Minister, Tom Pell. "
            "Lithuania closed two crossing points on 18 August.")
    [quote] = quotes(tmp_path, text, "2023-08-29")
    assert quote["date"] == ["2023-08-29"]


def test_statements_quote_inside_prose_said_by_the_person_named_before(tmp_path) -> None:
    text = ("Poland's Minister of the Interior, Tomasz Siemoniak, welcomed the funding at the Council. "
            "\u201cThe Commission has recognised our position,\u201d he said.\n")
    [quote] = quotes(tmp_path, text, "2024-12-12")
    assert quote["speaker"] == ["Tomasz Siemoniak"] and quote["text"] == ["The Commission has recognised our position"]


def test_statements_quote_inside_prose_then_titled_speaker(tmp_path) -> None:
    text = ("The way was cleared on Monday, when Austria withdrew its objection. \u201cWe can move to the next step,\u201d "
            "the Austrian Minister of the Interior, Gerhard Karner, said on Monday.\n")
    [quote] = quotes(tmp_path, text, "2024-12-12")
    assert quote["speaker"] == ["Gerhard Karner"] and quote["date"] == ["2024-12-09"]


def test_statements_reported_speech_ending_on_a_quote(tmp_path) -> None:
    text = ("The warning was issued on Monday 17 November. Security Minister Dan Jarvis said that day that the "
            "three governments had \u201cone month to get this in order\u201d.\n")
    [quote] = quotes(tmp_path, text, "2025-12-01")
    assert quote["speaker"] == ["Dan Jarvis"] and quote["text"] == ["one month to get this in order"]
    assert quote["date"] == ["2025-11-17"]


def test_statements_title_and_paternal_surname_name_the_person(tmp_path) -> None:
    text = ("Noem met Chile's Minister of Public Security, Luis Cordero Vega, on 30 July. "
            "\u201cWe cooperate closely,\u201d Minister Cordero said.\n")
    [quote] = quotes(tmp_path, text, "2025-07-31")
    assert quote["speaker"] == ["Luis Cordero Vega"]


def test_statements_bare_title_takes_the_post_named_in_full(tmp_path) -> None:
    text = ("Sean Fraser, Minister of Justice and Attorney General of Canada, met his counterpart today.\n\n"
            "Minister Fraser said:\n\nThis was a productive first conversation.\n")
    [quote] = quotes(tmp_path, text, published="2025-08-27")
    assert quote["speaker"] == ["Sean Fraser"] and quote["speakerPost"] == ["Minister of Justice and Attorney General"]


def test_statements_block_after_a_longer_report_of_speech(tmp_path) -> None:
    text = ("Home Minister Tom Pell said the increase reflects the Government's seriousness about law enforcement:\n\n"
            "> \"This allocation lets us act on smuggling. Our borders must remain secure.\"\n")
    [quote] = quotes(tmp_path, text)
    assert quote["speaker"] == ["Tom Pell"]
    assert quote["text"] == ["This allocation lets us act on smuggling. Our borders must remain secure."]


def test_statements_longer_report_before_a_list_is_no_quote(tmp_path) -> None:
    text = ("Home Minister Tom Pell said the Budget sets out several measures for the border agencies:\n\n"
            "- nine patrol boats for the coastguard\n")
    assert quotes(tmp_path, text) == []


def test_statements_quote_after_reported_speech_and_a_colon(tmp_path) -> None:
    text = ("Slovakia's Minister of the Interior, Matúš Šutaj Eštok, said his country would be a partner: "
            "\u201cWe have to tackle migration where it starts. Later it is too late.\u201d\n")
    [quote] = quotes(tmp_path, text, "2023-11-27")
    assert quote["speaker"] == ["Matúš Šutaj Eštok"] and quote["text"][0].startswith("We have to tackle")


def test_statements_quote_ending_reported_speech_after_a_comma(tmp_path) -> None:
    text = ("Germany's Federal Minister of the Interior, Nancy Faeser, said the authorities would meet more often, "
            "\u201cso that we all share one picture\u201d.\n")
    [quote] = quotes(tmp_path, text, "2023-11-27")
    assert quote["speaker"] == ["Nancy Faeser"] and quote["text"] == ["so that we all share one picture"]


def test_statements_quote_then_the_next_sentence_names_who_reacted(tmp_path) -> None:
    text = ('"For the first time, Ottawa has recognised the impact on Quebec." Quebec\'s Minister of Immigration, '
            "Jane Okafor, reacted in those terms on Twitter today. She had been in Ottawa earlier this week.")
    [quote] = facts(extract_text(tmp_path, text, published="2018-06-01"), "DirectQuote")
    assert quote["speaker"] == ["Jane Okafor"] and quote["text"][0].startswith("For the first time")


def test_statements_bare_two_word_title_is_the_post_of_a_body_named_before(tmp_path) -> None:
    text = ("It was attended by Frontex Executive Director Fabrice Leggeri.\n\n"
            "\u201cWe are starting with 50 officers,\u201d the Executive Director said.")
    [quote] = quotes(tmp_path, text, published="2019-05-21")
    assert quote["speaker"] == ["Fabrice Leggeri"]


def test_statements_body_that_is_the_speech_verbs_subject_speaks(tmp_path) -> None:
    text = "\u201cProtecting the external border is the answer,\u201d the Home Office said in a statement.\n"
    [quote] = quotes(tmp_path, text)
    assert quote["speaker"] == ["Home Office"] and "speakerPost" not in quote


def test_statements_body_named_but_not_the_subject_does_not_speak(tmp_path) -> None:
    text = "\u201cWe will act,\u201d he said of the Home Office plan.\n"
    assert quotes(tmp_path, text) == []


def test_statements_block_in_quotation_marks_ends_where_they_close(tmp_path) -> None:
    text = ("Minister Tom Pell said:\n\n\u201cRelations have entered a new era.\u201d\n\nNotes to editors\n\n"
            "- The visit reflects a reset.\n")
    [quote] = quotes(tmp_path, text)
    assert quote["text"] == ["Relations have entered a new era."]


def test_statements_speaker_by_abbreviated_title_and_surname(tmp_path) -> None:
    text = ("The Principal Secretary for Internal Security, Dr. Raymond Omollo, presided.\n\n"
            '"We are working to secure our borders," PS Omollo told delegates.\n')
    [quote] = quotes(tmp_path, text, "2025-03-05")
    assert quote["speaker"] == ["Raymond Omollo"]


def test_statements_quote_block_signed_on_a_dash_line_inside_the_block(tmp_path) -> None:
    text = ("Home Secretary Tom Pell thanked the three ministers.\n\n"
            "> \u201cToday we have made a historic commitment to crack down on the smugglers.\u201d\n"
            "> - the Home Secretary\n")
    [quote] = quotes(tmp_path, text)
    assert quote["speaker"] == ["Tom Pell"] and quote["text"][0].startswith("Today we have made")


def test_statements_quote_block_ends_before_a_heading(tmp_path) -> None:
    text = ("Speaking after the visit, Home Secretary Tom Pell said:\n\n"
            "> Seeing our controls for myself shows how much these checks do.\n\nBackground\n\nThe checks began in 2004.\n")
    [quote] = quotes(tmp_path, text)
    assert quote["text"] == ["Seeing our controls for myself shows how much these checks do."]


def test_statements_pronoun_after_the_last_speakers_quote_is_that_speaker(tmp_path) -> None:
    text = ("In his message, Interior Minister Tom Pell said:\n\n\u201cOur operations will continue without a pause.\u201d\n\n"
            "He also thanked the units involved: \u201cI congratulate our heroic gendarmerie.\u201d")
    found = quotes(tmp_path, text)
    assert [(q["speaker"], q["text"]) for q in found][-1] == (["Tom Pell"], ["I congratulate our heroic gendarmerie"])
    assert len(found) == 2


def test_statements_paragraph_naming_someone_and_ending_on_a_colon_opens_a_quote_block(tmp_path) -> None:
    text = ("At the end of the mission, Commissioner Tom Pell summed up the day:\n\n"
            "> \u201cIn Tripoli we discussed our common challenges on migration.\u201d\n")
    [quote] = quotes(tmp_path, text)
    assert quote["speaker"] == ["Tom Pell"] and quote["text"][0].startswith("In Tripoli we discussed")


def test_statements_colon_paragraph_before_a_quote_that_names_its_own_speaker_and_day(tmp_path) -> None:
    text = ("Lithuania's Minister of the Interior, Ann Vale, has described the situation as more than a crisis:\n\n"
            "\u201cThis is a deliberate hybrid attack,\u201d the Minister said on 14 July.")
    [quote] = quotes(tmp_path, text, "2021-08-01")
    assert (quote["text"], quote["date"]) == (["This is a deliberate hybrid attack"], ["2021-07-14"])


def test_quote_attributed_after_a_leading_ing_clause_is_its_subjects(tmp_path) -> None:
    text = ("President Tom Pell opened the session.\n\n"
            "Speaking after meeting Prime Minister Ali Dan, the President added:\n\n"
            "We will keep working together.\n")
    [quote] = facts(extract_text(tmp_path, text), "DirectQuote")
    assert quote["speaker"] == ["Tom Pell"]


def test_quote_is_not_dated_by_a_day_in_the_leading_clause_of_its_attribution(tmp_path) -> None:
    text = ("Referring to the crisis since the assassination of President Ali Dan on 7 July last year, "
            "Minister Tom Pell added:\n\nWe cannot solve it for them.\n")
    [quote] = facts(extract_text(tmp_path, text, published="2022-02-20"), "DirectQuote")
    assert quote["date"] == ["2022-02-20"]


def test_quote_ending_reported_words_without_that_is_the_speakers(tmp_path) -> None:
    text = 'Passing sentence, Judge Tom Pell said it had been "an extremely serious conspiracy" which ran for months.\n'
    [quote] = facts(extract_text(tmp_path, text), "DirectQuote")
    assert quote["speaker"] == ["Tom Pell"] and quote["text"] == ["an extremely serious conspiracy"]


def test_one_word_in_quotation_marks_after_reported_words_is_no_quote(tmp_path) -> None:
    text = 'Minister Tom Pell said the so-called "Jungle" would be cleared.\n'
    assert facts(extract_text(tmp_path, text), "DirectQuote") == []
