"""Commitments: list items, extra staff with their percentage, percentage increases, pledges."""
from __future__ import annotations

import pytest

from helpers import extract_text, facts


def commitments(tmp_path, text: str) -> list[dict]:
    return facts(extract_text(tmp_path, text), "Commitment")


def test_commitments_each_list_item_after_an_intro(tmp_path) -> None:
    text = ("The package will pay for:\n\n- night-vision drones for Border Force\n"
            "- a new intelligence unit; and training for 40 coastguards\n")
    found = commitments(tmp_path, text)
    assert [c["capability"][0] for c in found] == [
        "night-vision drones for Border Force", "a new intelligence unit", "and training for 40 coastguards"]
    assert found[0]["beneficiary"] == ["Border Force"]


def test_commitments_list_after_a_heading(tmp_path) -> None:
    text = ("Police will get new vehicles.\n\nWhat the money pays for\n\n- all-terrain vehicles for the border units\n"
            "- document-checking devices\n")
    found = commitments(tmp_path, text)
    assert [c["capability"][0] for c in found] == ["all-terrain vehicles for the border units", "document-checking devices"]


def test_commitments_list_item_split_before_a_count(tmp_path) -> None:
    text = "The package will pay for:\n\n- seven light aircraft and five light helicopters for the Air Wing\n"
    found = commitments(tmp_path, text)
    assert [(c["quantity"], c["unit"]) for c in found] == [(["7"], ["light aircraft"]), (["5"], ["light helicopters"])]


def test_commitments_list_after_non_committing_intro_is_ignored(tmp_path) -> None:
    text = "Those sanctioned include:\n\n- Adam Rook, a smuggler\n- the Rook gang\n"
    assert commitments(tmp_path, text) == []


def test_commitments_additional_staff_with_percentage_and_baseline(tmp_path) -> None:
    text = "The money funds an additional 60 investigators for the National Crime Agency, representing a 20% increase in its team."
    [found] = commitments(tmp_path, text)
    assert found["quantity"] == ["60"] and found["changePercent"] == ["20"] and found["baseline"] == ["300"]
    assert found["beneficiary"] == ["National Crime Agency"]


def test_commitments_percent_increase_in_number_of(tmp_path) -> None:
    text = "Ministers agreed a 30% increase in the number of officers stationed at Europol."
    [found] = commitments(tmp_path, text)
    assert found["changePercent"] == ["30"] and found["beneficiary"] == ["Europol"]


def test_commitments_pledge_to_do_something(tmp_path) -> None:
    [found] = commitments(tmp_path, "Belgium pledged to double patrols on its coast.")
    assert found["capability"] == ["double patrols on its coast"] and found["committedBy"] == ["Belgium"]


def test_commitments_extra_staff_of_an_organisation_named_inside_the_count(tmp_path) -> None:
    text = "The government will hire 1,000 new Canada Border Services Agency (CBSA) officers next year."
    [found] = commitments(tmp_path, text)
    assert found["quantity"] == ["1000"] and found["unit"] == ["new officers"]
    assert found["beneficiary"] == ["Canada Border Services Agency"]


def test_commitments_provide_a_body_with_things(tmp_path) -> None:
    text = "The EU will provide the Lebanese Armed Forces with equipment and training, and has encouraged talks."
    [found] = commitments(tmp_path, text)
    assert found["capability"] == ["equipment and training"] and found["beneficiary"] == ["Lebanese Armed Forces"]
    assert found["committedBy"] == ["European Union"]


def test_commitments_grant_that_covers_things_in_the_present_tense(tmp_path) -> None:
    found = commitments(tmp_path, "The $5 million grant covers 4,200 transponders for fishing vessels.")
    assert ("4,200 transponders for fishing vessels", "4200", "transponders") in {
        (c["capability"][0], c["quantity"][0], c["unit"][0]) for c in found if "quantity" in c}


def test_commitments_present_tense_cover_without_money_is_no_commitment(tmp_path) -> None:
    assert commitments(tmp_path, "The report covers 40 ports and their staff.") == []


def test_commitments_a_package_covering_a_period_buys_no_period(tmp_path) -> None:
    text = "The package covers the period to mid-2025 and includes:\n\n- $17 million for the prosecutors\n"
    assert all("period" not in c["capability"][0] for c in commitments(tmp_path, text))


def test_commitments_funds_as_a_noun_is_no_verb(tmp_path) -> None:
    text = "The Home Secretary announced the package of up to £75 million, which redirects funds originally allocated to the Act."
    assert commitments(tmp_path, text) == []


def test_commitments_what_an_amount_is_for_one_per_purpose_verb(tmp_path) -> None:
    text = ("The Commission announced €90 million to upgrade thermal cameras, improve radio networks "
            "and counter drone flights at the border.")
    found = [f for f in extract_text(tmp_path, text).facts if f.cls == "Commitment"]
    assert [str(f.first("capability")) for f in found] == [
        "upgrade thermal cameras", "improve radio networks and counter drone flights at the border"]
    [package] = [f for f in extract_text(tmp_path, text).facts if f.cls == "FundingPackage"]
    assert [f.first("fundedBy").key for f in found] == [package.key, package.key]


def test_commitments_amount_for_a_body_then_for_things(tmp_path) -> None:
    text = "Key allocations:\n\n- €120 million for the Courts Service, for courthouses and video links\n"
    [found] = commitments(tmp_path, text)
    assert found["capability"] == ["courthouses and video links"] and found["beneficiary"] == ["Courts Service"]


def test_commitments_amount_in_a_kind_of_aid_and_a_listed_purpose(tmp_path) -> None:
    text = ("The government announced €80 million in maritime assistance for the coastguard of Ghana, "
            "covering patrol boats, radar stations and training.")
    capabilities = [c["capability"][0] for c in commitments(tmp_path, text)]
    assert capabilities == ["maritime assistance", "the coastguard of Ghana, covering patrol boats, radar stations and training"]


def test_commitments_a_price_paid_is_no_purpose(tmp_path) -> None:
    text = "Each migrant paid the gang €4,000 for a place on a dinghy."
    assert commitments(tmp_path, text) == []


def test_commitments_money_for_a_named_body_buys_nothing(tmp_path) -> None:
    text = "Up to £75 million in new investment for the Border Security Command paves way for a crackdown."
    assert commitments(tmp_path, text) == []


def test_commitments_what_a_package_pays_for_counts_and_benefits_its_recipient(tmp_path) -> None:
    text = "The law provided $80 million for the National Crime Agency (NCA) to hire more than 250 special agents."
    found = [c for c in commitments(tmp_path, text) if c["quantity"]]
    assert [(c["quantity"], c["beneficiary"]) for c in found] == [(["250"], ["National Crime Agency"])]


def test_commitments_what_the_equipment_includes_up_to_a_relative_clause(tmp_path) -> None:
    text = "The equipment includes a fleet of drones and thermal cameras that allow police to track vehicles."
    assert [c["capability"] for c in commitments(tmp_path, text)] == [["a fleet of drones and thermal cameras"]]


def test_commitments_pledge_runs_past_the_comma_in_a_count(tmp_path) -> None:
    [found] = commitments(tmp_path, "Canada committed to welcome 4,000 more people from the Americas by 2028.")
    assert found["capability"] == ["welcome 4,000 more people from the Americas by 2028"]
    assert found["quantity"] == ["4000"] and found["committedBy"] == ["Canada"]


def test_commitments_undertaking_carries_its_count(tmp_path) -> None:
    [found] = commitments(tmp_path, "In return, Canada will welcome 15,000 migrants from the Western Hemisphere.")
    assert found["quantity"] == ["15000"] and found["unit"] == ["migrants"]


def test_commitments_list_item_beneficiary_named_inside_the_count(tmp_path) -> None:
    text = "The money pays for:\n\n- up to 300 more National Crime Agency (NCA) officers to target the gangs\n"
    [found] = commitments(tmp_path, text)
    assert found["beneficiary"] == ["National Crime Agency"] and found["quantity"] == ["300"]


def test_commitments_a_body_that_recruits_staff_gains_them(tmp_path) -> None:
    [found] = commitments(tmp_path, "The National Crime Agency will recruit up to 350 additional staff next year.")
    assert found["quantity"] == ["350"] and found["beneficiary"] == ["National Crime Agency"]


def test_commitments_a_body_allowed_to_hire_staff_gains_them(tmp_path) -> None:
    [found] = commitments(tmp_path, "The law allows the Home Office to hire 45 additional caseworkers in 2025.")
    assert found["quantity"] == ["45"] and found["beneficiary"] == ["Home Office"]


def test_commitments_an_undertaking_ends_before_and_an_amount(tmp_path) -> None:
    text = "The Prison Service will recruit 350 additional staff, and €3 million will support the youth strategy."
    found = commitments(tmp_path, text)
    assert found[0]["capability"] == ["will recruit 350 additional staff"]


def test_commitments_a_list_of_recent_operations_commits_nothing(tmp_path) -> None:
    text = "Recent operations include:\n\n- nine arrests in Bradford at a pick-up point\n- a raid on a car wash in Leeds\n"
    assert commitments(tmp_path, text) == []


def test_commitments_staff_moved_into_a_body_benefit_it(tmp_path) -> None:
    [found] = commitments(tmp_path, "Ministers have redeployed 1,000 additional staff into Immigration Enforcement.")
    assert found["beneficiary"] == ["Immigration Enforcement"]


def test_commitments_a_further_count_of_cases_is_no_commitment(tmp_path) -> None:
    assert commitments(tmp_path, "A further 13 cases are still before the courts, and rulings are expected this year.") == []


def test_commitments_list_of_what_a_declaration_says(tmp_path) -> None:
    text = ("In the declaration the ministers:\n\n- ask for a legal framework that lets Frontex act in third countries;\n"
            "- will build new partnerships with countries of origin and transit.\n")
    found = commitments(tmp_path, text)
    assert [c["capability"][0][:28] for c in found] == ["ask for a legal framework th", "will build new partnerships "]


def test_commitments_counted_things_provided_to_a_state(tmp_path) -> None:
    text = "Australia has also provided two vessels to Sri Lanka, in 2014 and in 2017, to strengthen its maritime security."
    [found] = commitments(tmp_path, text)
    assert (found["quantity"], found["beneficiary"]) == (["2"], ["Sri Lanka"])


def test_commitments_support_provided_to_a_body_counts_nothing(tmp_path) -> None:
    assert commitments(tmp_path, "The NCA provided support to Kent Police last year.") == []


def test_commitments_undertaken_to_is_a_pledge(tmp_path) -> None:
    [found] = commitments(tmp_path, "China has undertaken to send six charter flights a day for the coming rounds.")
    assert (found["quantity"], found["unit"], found["committedBy"]) == (["6"], ["charter flights"], ["China"])


def test_commitments_pledge_reads_past_a_comma_between_adjectives(tmp_path) -> None:
    [found] = commitments(tmp_path, "Both governments agreed to work on a new, comprehensive action plan.")
    assert found["capability"] == ["work on a new, comprehensive action plan"]


def test_commitments_key_features_list_items(tmp_path) -> None:
    text = ("Key features of the new facilities\n\n- The terminal can handle up to 25,000 passengers a day.\n"
            "- Facial recognition machines have been installed at the entry points.\n")
    assert len(commitments(tmp_path, text)) == 2


def test_commitments_items_of_what_is_being_deployed(tmp_path) -> None:
    text = "Frontex is deploying to the Greek-Albanian border:\n\n- 50 officers from 12 Member States;\n- 16 patrol cars; and\n- one thermo-vision van.\n"
    assert [(c["quantity"], c["unit"]) for c in commitments(tmp_path, text)] == [
        (["50"], ["officers"]), (["16"], ["patrol cars"]), (["1"], ["thermo-vision van"])]


def test_commitments_list_of_what_funds_pay_for_benefits_the_packages_recipient(tmp_path) -> None:
    text = ("The Council of Ministers has today authorised a direct grant of 30 million euros to the Kingdom of Morocco.\n\n"
            "In accordance with the agreement, the funds may be applied to:\n\n"
            "- land and maritime patrolling and surveillance;\n"
            "- the maintenance and repair of equipment for the control of borders.\n")
    found = facts(extract_text(tmp_path, text, "2022-10-18"), "Commitment")
    assert [f.get("beneficiary") for f in found] == [["Morocco"], ["Morocco"]]


def test_commitments_items_listed_under_a_memorandum_are_commitments(tmp_path) -> None:
    text = ("The two Prime Ministers today signed the Memorandum.\n\nUnder the Memorandum:\n\n"
            "- Italy will provide financing for development programmes in the affected regions;\n"
            "- the Parties will set up a joint committee to monitor its implementation.\n")
    found = facts(extract_text(tmp_path, text, "2017-02-02"), "Commitment")
    assert len(found) == 2 and "joint committee" in found[1]["capability"][0]


def test_commitments_count_sent_in_the_passive(tmp_path) -> None:
    text = "Two British liaison magistrates have been seconded to France, and 1,300 officers have been deployed."
    found = {(c["quantity"][0], c.get("beneficiary", [None])[0]) for c in commitments(tmp_path, text)}
    assert found == {("2", "France"), ("1300", None)}


def test_commitments_count_of_people_removed_in_the_passive_is_no_commitment(tmp_path) -> None:
    assert commitments(tmp_path, "Last year 400 arrests were made and 90 people have been sent back to Albania.") == []


def test_commitments_pledge_of_more_talk_is_none(tmp_path) -> None:
    assert commitments(tmp_path, "The two Prime Ministers agreed to speak again at the summit.") == []


def test_commitments_list_item_counts_split_at_commas(tmp_path) -> None:
    text = ("The Commission announced the following support:\n\n"
            "* Frontex will deploy one offshore patrol vessel, six coastal patrol vessels, two helicopters and one aircraft.\n")
    found = {(c.get("quantity", [None])[0], c.get("unit", [None])[0]) for c in commitments(tmp_path, text)}
    assert {("6", "coastal patrol vessels"), ("2", "helicopters"), ("1", "aircraft")} <= found


def test_commitments_list_item_part_that_is_more_money_is_none(tmp_path) -> None:
    text = ("The Commission announced the following support:\n\n"
            "* Assistance of EUR 700 million for migration management; a further EUR 350 million can be requested later.\n")
    assert not any("requested" in c["capability"][0] for c in commitments(tmp_path, text))


def test_commitments_list_item_rate_in_time_units_is_not_split(tmp_path) -> None:
    text = ("The system will:\n\n"
            "- make information available to the security agencies in real time, 24 hours a day, seven days a week\n")
    assert [c.get("quantity") for c in commitments(tmp_path, text)] == [None]


def test_commitments_undertaking_to_make_staff_available_is_no_money(tmp_path) -> None:
    text = ("Switzerland backs the European Border and Coast Guard Agency (Frontex). The Federal Office for Customs and "
            "Border Security will increase the staff it makes available to the agency from six to around 40 full-time positions.")
    found = [(c.get("quantity"), c.get("beneficiary")) for c in commitments(tmp_path, text)]
    assert (["40"], ["Frontex"]) in found


def test_commitments_count_handed_over_in_the_passive(tmp_path) -> None:
    text = ("The Minister flagged off three patrol vehicles donated by the International Organization for Migration "
            "to the Border Management Secretariat. The three vehicles will be deployed on the corridor.")
    found = [(c["quantity"][0], c.get("beneficiary", [None])[0]) for c in commitments(tmp_path, text)]
    assert found == [("3", "Border Management Secretariat")]


def test_commitments_new_thing_that_lets_a_body_act(tmp_path) -> None:
    text = ("The new Interim Serious Crime Prevention Orders will let the National Crime Agency apply directly "
            "to the High Court for immediate restrictions.")
    assert [(c["capability"][0], c["beneficiary"][0]) for c in commitments(tmp_path, text)] == [
        ("Interim Serious Crime Prevention Orders", "National Crime Agency")]


def test_commitments_list_item_body_that_owns_or_does_it(tmp_path) -> None:
    text = ("The money will pay for:\n\n- new NCA technology, to boost joint work with European partners\n"
            "- quicker charging decisions by the Crown Prosecution Service\n")
    assert [c.get("beneficiary", [None])[0] for c in commitments(tmp_path, text)] == [
        "National Crime Agency", "Crown Prosecution Service"]


def test_commitments_bare_command_before_and_is_the_command_named_before(tmp_path) -> None:
    text = ("The Prime Minister announced £75 million for the Border Security Command. The money will pay for "
            "300 staff for the Command and for 100 more investigators at the NCA.")
    found = {c["quantity"][0]: c.get("beneficiary", [None])[0] for c in commitments(tmp_path, text) if c.get("quantity")}
    assert found["300"] == "Border Security Command"


def test_commitments_pledge_whose_object_is_a_pronoun_is_none(tmp_path) -> None:
    assert commitments(tmp_path, "Cooperation would have ended unless the member states had agreed to accommodate it.") == []


def test_commitments_pledge_to_act_on_a_pronoun_at_a_date_is_none(tmp_path) -> None:
    text = "Talks began after the Prime Minister and the President agreed to open them on 16 May 2023 in Reykjavik."
    assert commitments(tmp_path, text) == []


def test_commitments_money_for_a_body_to_do_something_is_its_capability(tmp_path) -> None:
    text = "The strategy includes:\n\n- $4 million for the Attorney-General's Department to counter the way smugglers market their ventures.\n"
    found = {(c["capability"][0], c.get("beneficiary", [""])[0]) for c in commitments(tmp_path, text)}
    assert ("counter the way smugglers market their ventures", "Attorney-General's Department") in found


def test_commitments_intro_committing_the_participants_lists_commitments(tmp_path) -> None:
    text = ("The Joint Statement commits the participants to negotiate a Memorandum of Cooperation covering two areas:\n\n"
            "1. combating human trafficking and migrant smuggling;\n2. strengthening border security.\n")
    assert {c["capability"][0] for c in commitments(tmp_path, text)} == {
        "combating human trafficking and migrant smuggling", "strengthening border security"}


def test_commitments_intro_ending_on_people_lists_no_commitments(tmp_path) -> None:
    text = "The Home Secretary met the following participants:\n\n- the Minister of the Interior;\n- the Police Commissioner.\n"
    assert commitments(tmp_path, text) == []


def test_commitments_count_that_was_being_deployed_is_committed(tmp_path) -> None:
    text = "On June 30, the Secretary announced that approximately 150 agents were being deployed to the Rio Grande Valley Sector."
    assert {c["quantity"][0] for c in commitments(tmp_path, text)} == {"150"}


def test_commitments_each_count_a_body_is_deploying_is_one_commitment(tmp_path) -> None:
    text = "Frontex is now deploying 100 officers, 30 patrol cars and two helicopters in Lithuania."
    found = {(c["quantity"][0], c["unit"][0], c["beneficiary"][0]) for c in commitments(tmp_path, text)}
    assert found == {("100", "officers", "Lithuania"), ("30", "patrol cars", "Lithuania"), ("2", "helicopters", "Lithuania")}


def test_commitments_officers_a_state_has_deployed_and_drones_it_is_to_be_reinforced_with(tmp_path) -> None:
    text = ("It currently has up to ten police officers deployed at the border between Serbia and North Macedonia, and "
            "this contingent is to be reinforced with two drones by the end of the year.")
    found = {(c["quantity"][0], c["unit"][0]) for c in commitments(tmp_path, text)}
    assert found == {("10", "police officers"), ("2", "drones")}


def test_commitments_what_the_equipment_comprises_is_committed(tmp_path) -> None:
    text = "The equipment is funded by Japan's grant aid. It comprises:\n\n- 14 explosive detection systems;\n- cargo vehicle scanners.\n"
    assert {c["capability"][0] for c in commitments(tmp_path, text)} == {"14 explosive detection systems", "cargo vehicle scanners"}


def test_commitments_counts_handed_over_and_what_the_fleet_is_made_up_of(tmp_path) -> None:
    text = ("The European Union today handed over ten specialised vehicles, worth more than BAM 1 million, to the Border "
            "Police.\n\nThe new fleet is made up of:\n\n- six pick-up vehicles\n- three vans\n")
    found = {(c["quantity"][0], c.get("beneficiary", [None])[0]) for c in commitments(tmp_path, text)}
    assert found == {("10", "Border Police"), ("6", "Border Police"), ("3", "Border Police")}  # the fleet's receiver


@pytest.mark.parametrize("text", ["Last week a further 1,400 landed in Aceh.", "Five more died in hospital."])
def test_commitments_more_people_who_landed_or_died_are_no_commitment(tmp_path, text: str) -> None:
    assert commitments(tmp_path, text) == []


def test_commitments_troops_a_state_deployed_and_a_statement_of_the_two_governments(tmp_path) -> None:
    text = ("Since February Mexico deployed 10,000 National Guard troops to the border.\n\n"
            "In it, the two governments:\n\n- establish a high-level Security Implementation Group;\n")
    found = {(c["capability"][0], c.get("quantity", [None])[0]) for c in commitments(tmp_path, text)}
    assert found == {("10,000 National Guard troops", "10000"), ("establish a high-level Security Implementation Group", None)}


def test_commitments_counts_handed_over_to_a_body_named_first(tmp_path) -> None:
    text = "He announced that Italy will hand over to the Libyan Coast Guard two patrol boats refurbished by the Guardia di Finanza."
    found = facts(extract_text(tmp_path, text, "2025-07-08"), "Commitment")
    assert [(c["quantity"], c["beneficiary"]) for c in found] == [(["2"], ["Libyan Coast Guard"])]


def test_commitments_a_further_count_of_migrants_apprehended_is_no_commitment(tmp_path) -> None:
    text = "The Van command caught 14 organisers. A further 125 irregular migrants were apprehended in the province."
    assert facts(extract_text(tmp_path, text, "2024-06-04"), "Commitment") == []
