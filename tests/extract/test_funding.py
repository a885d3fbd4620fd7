"""Funding packages: amounts, ceilings, announcers, dates, recipients and sources."""
from __future__ import annotations

from helpers import extract_text, facts


def packages(tmp_path, text: str, published: str = "2023-06-14") -> list[dict]:
    return facts(extract_text(tmp_path, text, published), "FundingPackage")


def test_funding_ceiling_amount_currency_and_announcer(tmp_path) -> None:
    [package] = packages(tmp_path, "Home Secretary Suella Braverman today announced up to €12 million for Frontex.")
    assert package["amount"] == ["12000000"] and package["currency"] == ["EUR"]
    assert package["isUpperBound"] == ["True"]
    assert package["announcer"] == ["Suella Braverman"] and package["announcerPost"] == ["Home Secretary"]
    assert package["date"] == ["2023-06-14"] and package["recipient"] == ["Frontex"]


def test_funding_same_amount_twice_is_one_package(tmp_path) -> None:
    text = ("The Home Office will invest £9 million in coastal patrols. "
            "The £9 million package was confirmed by the Home Secretary yesterday.")
    assert len(packages(tmp_path, text)) == 1


def test_funding_amount_restated_in_other_currency_is_one_package(tmp_path) -> None:
    text = "The UK will contribute €30 million (about £26 million) to a joint fund, the Prime Minister announced."
    [package] = packages(tmp_path, text)
    assert package["currency"] == ["EUR"]


def test_funding_recipients_who_will_receive(tmp_path) -> None:
    text = ("Ministers announced a £4 million boost. Border Force and the National Crime Agency (NCA) will "
            "receive the funding to expand patrols.")
    [package] = packages(tmp_path, text)
    assert set(package["recipient"]) == {"Border Force", "National Crime Agency"}


def test_funding_source_redirected_from(tmp_path) -> None:
    text = "The £6 million, announced today, has been redirected from the Migration Reserve Fund."
    [package] = packages(tmp_path, text)
    assert package["sourceOfFunds"] == ["Migration Reserve Fund"]


def test_funding_money_that_is_not_funding(tmp_path) -> None:
    text = "Smugglers charge up to £3,000 per person. Officers seized £40,000 in cash and made 12 arrests."
    assert packages(tmp_path, text) == []


def test_funding_announced_last_month_is_dated_to_that_month(tmp_path) -> None:
    [package] = packages(tmp_path, "Last month the Home Secretary announced £2 million for Immigration Enforcement.")
    assert package["date"] == ["2023-05"]


def test_funding_announced_by_a_body_when_no_person_announces(tmp_path) -> None:
    [package] = packages(tmp_path, "The Home Office has today announced £5 million to help Border Force buy new boats.")
    assert package["announcer"] == ["Home Office"] and "announcerPost" not in package
    assert package["recipient"] == ["Border Force"]


def test_funding_announcer_from_the_byline_when_no_sentence_names_one(tmp_path) -> None:
    text = ("$255 million for the community\n\nThe Hon Clare O'Neil MP\nMinister for Home Affairs\n\n"
            "The Albanese Government today announced a $255 million package for the Australian Border Force.\n")
    [package] = facts(extract_text(tmp_path, text, "2023-11-26"), "FundingPackage")
    assert package["announcer"] == ["Clare O'Neil"] and package["currency"] == ["AUD"]


def test_funding_cash_recovered_in_a_raid_is_no_package(tmp_path) -> None:
    text = ("Officers seized 21 boats. About €70,000 in cash, gold worth more than €5,000 and 40 devices "
            "were also recovered, and the Government will fund more raids.")
    assert packages(tmp_path, text) == []


def test_funding_contract_awards_listed_are_packages_for_their_contractors(tmp_path) -> None:
    text = ("CBP today announced that new construction contracts have been awarded.\n\nThe awards include:\n\n"
            "- $483,486,600 to BCCG Joint Venture for the San Diego project\n"
            "- $155.1 million to Barnard Spencer Joint Venture for the El Paso 1 project\n")
    found = {(p["amount"][0], tuple(p.get("recipient", []))) for p in packages(tmp_path, text, "2025-10-10")}
    assert found == {("483486600", ("BCCG Joint Venture",)), ("155100000", ("Barnard Spencer Joint Venture",))}


def test_funding_contractors_named_after_contracted_receive_the_contract(tmp_path) -> None:
    text = ("The Border Guard has contracted a consortium of Elektrotim S.A. and Acme Systems Ltd to build a barrier; "
            "the contract is worth nearly PLN 280 million, financed mainly from EU funds.")
    [package] = packages(tmp_path, text, "2024-05-29")
    assert package["recipient"] == ["Elektrotim S.A", "Acme Systems Ltd"]
    assert package["sourceOfFunds"] == ["European Union"]


def test_funding_company_that_will_build_a_priced_thing_is_paid_for_it(tmp_path) -> None:
    text = "Sprint S.A. of Olsztyn will build a PLN 85 million electronic barrier on the border rivers."
    [package] = packages(tmp_path, text, "2024-05-29")
    assert package["amount"] == ["85000000"] and package["recipient"] == ["Sprint S.A"]


def test_funding_list_item_labelled_by_a_name_is_that_names_share(tmp_path) -> None:
    text = ("The Commission today announced €69 million for the eastern border. The funding is allocated as follows:\n\n"
            "- Poland: €52 million\n- Finland: €17 million\n")
    shares = {(p["amount"][0], tuple(p.get("recipient", []))) for p in packages(tmp_path, text, "2024-12-12")}
    assert {("52000000", ("Poland",)), ("17000000", ("Finland",))} <= shares


def test_funding_undated_package_takes_the_ledes_date_not_the_headlines_plan(tmp_path) -> None:
    text = ("Centres to open on 1 August\n\nThe Prime Minister today (Wednesday 5 June) visited the sites. "
            "Italy has committed €31.2 million for the Ministry of the Interior.")
    [package] = packages(tmp_path, text, "2024-06-05")
    assert package["date"] == ["2024-06-05"]


def test_funding_receivers_after_the_period_and_an_aside(tmp_path) -> None:
    text = ("The Home Office has committed £40 million over three years, set out in the Spring Statement, "
            "to Border Force, the National Crime Agency and Europol.")
    [package] = packages(tmp_path, text)
    assert set(package["recipient"]) == {"Border Force", "National Crime Agency", "Europol"}
    assert package["sourceOfFunds"] == ["Spring Statement"]


def test_funding_list_item_announced_by_the_intro_subject(tmp_path) -> None:
    text = ("Last week, the Prime Minister announced new tariffs.\n\n"
            "Since January, the Home Office has:\n\n- committed £12 million to Border Force\n")
    [package] = packages(tmp_path, text)
    assert package["announcer"] == ["Home Office"]


def test_funding_list_of_allocations_are_packages(tmp_path) -> None:
    text = ("The plan will transform the justice sector. Key allocations include:\n\n"
            "- €364 million for Garda buildings\n- €369 million for the Courts Service, for courthouses\n")
    assert sorted(p["amount"][0] for p in packages(tmp_path, text)) == ["364000000", "369000000"]


def test_funding_amount_that_goes_to_a_body(tmp_path) -> None:
    [package] = packages(tmp_path, "Of the new money, $394 million goes to the Department of Homeland Security (DHS).")
    assert package["recipient"] == ["US Department of Homeland Security"]


def test_funding_amount_in_funding_to_a_state(tmp_path) -> None:
    [package] = packages(tmp_path, "The Commission has provided EUR 80 million in targeted funding to Finland.")
    assert package["recipient"] == ["Finland"]


def test_funding_subject_of_receive_after_that(tmp_path) -> None:
    [package] = packages(tmp_path, "The Commission proposed in July that Finland receive EUR 1.6 billion for border management.")
    assert package["recipient"] == ["Finland"]


def test_funding_recipient_name_with_abbreviation_stops(tmp_path) -> None:
    [package] = packages(tmp_path, "The law will provide $80 million for U.S. Immigration and Customs Enforcement (ICE) to hire agents.")
    assert "U.S. Immigration and Customs Enforcement" in package["recipient"]


def test_funding_what_is_financed_with_an_amount(tmp_path) -> None:
    [package] = packages(tmp_path, "The European Union will finance the new reception centres with a total of €276 million.")
    assert package["recipient"] == ["the new reception centres"]


def test_funding_agreement_for_an_amount(tmp_path) -> None:
    assert len(packages(tmp_path, "An agreement for €155 million for new reception centres has just been signed.")) == 1


def test_funding_paid_for_by_names_the_payer_not_the_recipient(tmp_path) -> None:
    [package] = packages(tmp_path, "A network of cameras worth £1.6 million, paid for by the UK, has been installed in Albania.")
    assert "United Kingdom" not in package.get("recipient", [])


def test_funding_amount_said_to_be_worth_another_currency_is_one_package(tmp_path) -> None:
    text = "The UK will fund a £1.6 million network of cameras. The £1.6 million network is worth about €1.86 million."
    [package] = packages(tmp_path, text)
    assert package["currency"] == ["GBP"]


def test_funding_proposed_by_a_government(tmp_path) -> None:
    [package] = packages(tmp_path, "In March the Government proposed an additional EUR 74 million to speed up construction of the fence.")
    assert package["amount"] == ["74000000"]


def test_funding_source_is_a_financial_framework(tmp_path) -> None:
    text = "The Commission proposed that Finland receive EUR 1.6 billion under the next multiannual financial framework (MFF)."
    [package] = packages(tmp_path, text)
    assert "multiannual financial framework" in package["sourceOfFunds"][0]


def test_funding_source_is_the_budget_that_provides_it(tmp_path) -> None:
    [package] = packages(tmp_path, "The additional estimates released on 8 February provide an extra $32 million for border patrols.")
    assert package["sourceOfFunds"] == ["additional estimates"]


def test_funding_receiver_before_the_amount(tmp_path) -> None:
    [package] = packages(tmp_path, "The revised budget gave the Harbour Police Agency RM18.5 billion.")
    assert package["recipient"] == ["Harbour Police Agency"]


def test_funding_bare_head_word_names_the_body_named_before(tmp_path) -> None:
    text = "The Border Security Command will lead the work. The Government is allocating £5 million to the Command."
    [package] = packages(tmp_path, text)
    assert package["recipient"] == ["Border Security Command"]


def test_funding_difference_is_no_package(tmp_path) -> None:
    text = ("The Ministry of Defence receives RM19.7 billion, RM2 billion more than this year. "
            "The police receive RM5 billion, an increase of RM500 million.")
    assert sorted(p["amount"][0] for p in packages(tmp_path, text)) == ["19700000000", "5000000000"]


def test_funding_increase_for_a_purpose_is_a_package(tmp_path) -> None:
    [package] = packages(tmp_path, "The Budget provides an increase of €1.5 million for migrant integration initiatives.")
    assert package["amount"] == ["1500000"]


def test_funding_source_is_the_fund_that_finances_it(tmp_path) -> None:
    text = "The Commission approved programmes worth €90 million, financed by the EU Emergency Trust Fund for Africa."
    [package] = packages(tmp_path, text)
    assert package["sourceOfFunds"] == ["EU Emergency Trust Fund for Africa"]


def test_funding_a_country_funding_it_is_no_source(tmp_path) -> None:
    [package] = packages(tmp_path, "The £5 million project is funded by Belgium.")
    assert "sourceOfFunds" not in package


def test_funding_the_country_invested_in_receives_it(tmp_path) -> None:
    [package] = packages(tmp_path, "The EU has already invested a financial envelope of EUR 600 million in Mauritania.")
    assert package["recipient"] == ["Mauritania"]


def test_funding_amounts_listed_under_a_heading_about_the_money(tmp_path) -> None:
    text = "How the money will be used\n\n- €55 million goes to a border programme.\n- €29 million goes to a protection programme.\n"
    assert sorted(p["amount"][0] for p in packages(tmp_path, text)) == ["29000000", "55000000"]


def test_funding_the_bodies_that_implement_the_funded_work_receive_it(tmp_path) -> None:
    text = ("The Commission will provide €29 million for a protection programme, implemented by the "
            "International Organization for Migration (IOM) and co-financed by Italy.")
    [package] = packages(tmp_path, text)
    assert "International Organization for Migration" in package["recipient"] and "Italy" not in package["recipient"]


def test_funding_what_an_amount_funds_is_no_receiver(tmp_path) -> None:
    [package] = packages(tmp_path, "The UK will provide €62.7 million in 2021-22 to fund the measures.")
    assert "recipient" not in package and "sourceOfFunds" not in package


def test_funding_made_available_to_names_the_receivers(tmp_path) -> None:
    text = "The Home Office will make an initial £5 million available to the National Crime Agency and Border Force."
    [package] = packages(tmp_path, text)
    assert set(package["recipient"]) == {"National Crime Agency", "Border Force"}


def test_funding_a_body_funding_another_with_an_amount(tmp_path) -> None:
    text = "The Ministry of Migration and Asylum is funding the Hellenic Coast Guard with 105 million euros."
    [package] = packages(tmp_path, text)
    assert package["recipient"] == ["Hellenic Coast Guard"]


def test_funding_the_body_that_gives_is_the_announcer(tmp_path) -> None:
    text = "Yesterday the Maritime Coordination Agency was praised. The Home Office will make £5 million available to Kent Police."
    [package] = packages(tmp_path, text)
    assert package["announcer"] == ["Home Office"]


def test_funding_what_is_bought_is_no_recipient(tmp_path) -> None:
    text = "The Home Office announced £5 million for the acquisition of 50 new vessels."
    [package] = packages(tmp_path, text)
    assert "recipient" not in package


def test_funding_the_giving_body_gives_way_to_an_announcer_named_later(tmp_path) -> None:
    text = ("Australia invests $286.5 million in maritime security\n\nThe Government will invest $286.5 million in "
            "maritime security, Foreign Minister Penny Wong announced today.")
    [package] = packages(tmp_path, text)
    assert package["announcer"] == ["Penny Wong"]


def test_funding_same_amount_introduced_anew_on_another_date_is_another_package(tmp_path) -> None:
    text = ("Japan will provide the Maldives with a grant of up to JPY 500 million for border control.\n\n"
            "In October 2019, the two Governments exchanged notes on a grant of JPY 500 million for airport security.")
    found = packages(tmp_path, text, published="2020-04-15")
    assert sorted(p["date"][0] for p in found) == ["2019-10", "2020-04-15"]


def test_funding_same_amount_restated_with_its_date_is_one_package(tmp_path) -> None:
    text = ("The Home Office will invest £9 million in coastal patrols.\n\n"
            "The £9 million, announced by the Home Secretary on 2 May, will pay for two cutters.")
    assert len(packages(tmp_path, text)) == 1


def test_funding_announcer_signed_by_an_honoured_person_far_after_the_verb(tmp_path) -> None:
    text = ("The Exchange of Notes for a grant of JPY 500 million was signed this afternoon at a ceremony held at the "
            "Ministry of Foreign Affairs by His Excellency Tom Pell, Minister of Foreign Affairs of Fiji.")
    [package] = packages(tmp_path, text, published="2020-04-15")
    assert package["announcer"] == ["Tom Pell"]


def test_funding_facilities_built_at_a_cost_are_funded(tmp_path) -> None:
    text = "Both facilities have been built by the Land Ports Authority of India at a combined cost of Rs 487 crore."
    [package] = packages(tmp_path, text, published="2024-10-27")
    assert (package["amount"], package["currency"]) == (["4870000000"], ["INR"])


def test_funding_to_tackle_a_problem_in_regions_goes_to_those_regions(tmp_path) -> None:
    text = ("The Commission signed a fund worth €1.8 billion to tackle the causes of irregular migration in the Sahel "
            "and Lake Chad region.")
    [package] = packages(tmp_path, text, published="2015-11-13")
    assert sorted(package["recipient"]) == ["Lake Chad", "Sahel"]


def test_funding_invested_in_something_at_a_place_goes_to_the_place(tmp_path) -> None:
    text = "The UK will invest an extra £44.5 million (€50 million) in security at Calais, the Prime Minister said."
    [package] = packages(tmp_path, text, published="2018-01-18")
    assert package["recipient"] == ["Calais"]


def test_funding_will_pay_a_receiver_an_amount(tmp_path) -> None:
    [package] = packages(tmp_path, "Under the arrangement, the UK will pay France €72.2 million in 2022-23.",
                         published="2022-11-14")
    assert package["recipient"] == ["France"]


def test_funding_made_available_to_provinces_goes_to_each(tmp_path) -> None:
    text = "The Government of Canada will make an initial $50 million available to Quebec, Ontario and Manitoba."
    [package] = packages(tmp_path, text, published="2018-07-02")
    assert package["recipient"] == ["Quebec", "Ontario", "Manitoba"]


def test_funding_one_of_the_same_amount_in_another_month_is_another_package(tmp_path) -> None:
    text = ("The Council of Ministers today authorised a grant of 30 million euros to Morocco. "
            "It approved a contribution of 32.2 million euros in August 2019 and one of 30 million euros in May 2021.")
    found = sorted((p["amount"][0], p["date"][0]) for p in packages(tmp_path, text, published="2022-10-18"))
    assert found == [("30000000", "2021-05"), ("30000000", "2022-10-18"), ("32200000", "2019-08")]


def test_funding_source_the_grant_is_charged_to_in_the_next_sentence(tmp_path) -> None:
    text = ("The Council of Ministers today authorised a direct grant of 30 million euros to Morocco. "
            "The grant, charged to the General State Budget, shall contribute to the costs of patrols.")
    [package] = packages(tmp_path, text, published="2022-10-18")
    assert package["sourceOfFunds"] == ["General State Budget"]


def test_funding_source_named_instrument_not_a_budget_period(tmp_path) -> None:
    text = ("The allocation under the Neighbourhood, Development and International Cooperation Instrument will reach "
            "some 500 million euros, compared with 346 million euros under the previous budget period.")
    found = {p["amount"][0]: p.get("sourceOfFunds") for p in packages(tmp_path, text, published="2022-10-18")}
    assert found["500000000"] == ["Neighbourhood, Development and International Cooperation Instrument"]


def test_funding_for_this_year_is_when_not_who(tmp_path) -> None:
    text = "Yesterday the Minister signed the decree implementing the Fund for Africa, with 200 million euros for this year."
    [package] = packages(tmp_path, text, published="2017-02-02")
    assert "recipient" not in package


def test_funding_labelled_shares_also_go_to_the_whole_package(tmp_path) -> None:
    text = ("Budget 2019 proposes $1.18 billion over five years for a Border Enforcement Strategy. "
            "The largest allocations over five years are:\n\n"
            "- Canada Border Services Agency (CBSA): $382 million\n- Immigration and Refugee Board (IRB): $208 million\n")
    found = {p["amount"][0]: sorted(p.get("recipient", [])) for p in packages(tmp_path, text, "2019-03-21")}
    assert found["1180000000"] == ["Canada Border Services Agency", "Immigration and Refugee Board of Canada"]
    assert found["382000000"] == ["Canada Border Services Agency"]


def test_funding_of_the_amount_a_share_goes_to_a_body_of_the_whole(tmp_path) -> None:
    text = ("Budget 2019 also sets aside $24.4 million over five years for a new review mechanism. "
            "Of the five-year amount, $14.12 million goes to the RCMP and $10.30 million to the CBSA.")
    found = {p["amount"][0]: sorted(p.get("recipient", [])) for p in packages(tmp_path, text, "2019-03-21")}
    assert found["24400000"] == ["Canada Border Services Agency", "Royal Canadian Mounted Police", "a new review mechanism"]


def test_funding_packages_no_sentence_attributes_take_the_first_packages_announcer(tmp_path) -> None:
    text = ("The Minister of Finance, Bill Morneau, proposes $1.18 billion over five years for border enforcement. "
            "A further $24.4 million is set aside to widen the mandate of the complaints commission. "
            "If the United States agreed to take back the people who cross, the crossings would stop.")
    found = {p["amount"][0]: p["announcer"] for p in packages(tmp_path, text, "2019-03-21")}
    assert found == {"1180000000": ["Bill Morneau"], "24400000": ["Bill Morneau"]}


def test_funding_an_amount_naming_a_programme_is_funding(tmp_path) -> None:
    text = "The Commissioner today launched the first phase of a new EUR 80 million programme to strengthen border management."
    [package] = packages(tmp_path, text, published="2022-10-30")
    assert package["amount"] == ["80000000"]


def test_funding_a_law_that_includes_an_amount_is_its_source_in_that_clause_only(tmp_path) -> None:
    text = ("The Bipartisan Infrastructure Law includes $3.4 billion for modernization projects at land ports of entry, "
            "and Mexico committed to invest $1.5 billion in its own border infrastructure.")
    found = {p["amount"][0]: p.get("sourceOfFunds") for p in packages(tmp_path, text, "2022-10-14")}
    assert found == {"3400000000": ["Bipartisan Infrastructure Law"], "1500000000": None}


def test_funding_the_remaining_amount_of_a_later_phase_is_a_package(tmp_path) -> None:
    text = ("The first phase, worth EUR 23 million, was signed today. "
            "The remaining EUR 57 million will follow in a second phase in 2023.")
    assert sorted(p["amount"][0] for p in packages(tmp_path, text, "2022-10-30")) == ["23000000", "57000000"]


def test_funding_allocation_shared_among_bodies_goes_to_each(tmp_path) -> None:
    text = ("The Government is allocating RM19 billion to the Ministry under Budget 2024. The allocation will be "
            "shared among the Ministry's enforcement agencies, including the Royal Malaysia Police (PDRM) and the "
            "Malaysian Maritime Enforcement Agency (MMEA).")
    [package] = packages(tmp_path, text, "2023-10-14")
    assert {"Royal Malaysia Police", "Malaysian Maritime Enforcement Agency"} <= set(package["recipient"])


def test_funding_the_minister_who_tabled_the_budget_announces_it(tmp_path) -> None:
    text = ("The Ministry thanks the Government for allocating RM19 billion to the Ministry under Budget 2024. "
            "The Prime Minister, Datuk Seri Anwar Ibrahim, tabled the Budget in the Dewan Rakyat yesterday.")
    [package] = packages(tmp_path, text, "2023-10-14")
    assert package["announcer"] == ["Anwar Ibrahim"]


def test_funding_ceiling_reached_by_a_year_in_a_list_item_is_a_package(tmp_path) -> None:
    text = ("Switzerland takes on its share:\n\n"
            "- Its annual contribution will rise from CHF 24 million in 2021 to up to 61 million francs by 2027.\n")
    assert ("61000000", ["True"]) in [(p["amount"][0], p.get("isUpperBound")) for p in packages(tmp_path, text)]


def test_funding_receiver_of_a_contribution_named_before_the_amount(tmp_path) -> None:
    text = "The Government confirmed that its contribution to Frontex will rise to €40 million next year."
    [package] = packages(tmp_path, text)
    assert package["recipient"] == ["Frontex"]


def test_funding_anaphor_speaks_of_the_packages_last_told_with_its_noun(tmp_path) -> None:
    text = ("The Home Office announced £75 million for Border Force.\n\n"
            "Our contribution to Europol will rise from £2 million to £3 million. The contribution is paid from the Reserve.")
    sources = {p["amount"][0]: p.get("sourceOfFunds") for p in packages(tmp_path, text)}
    assert sources == {"75000000": None, "2000000": ["Reserve"], "3000000": ["Reserve"]}


def test_funding_speaker_of_a_that_clause_with_its_own_subject_announces_nothing(tmp_path) -> None:
    text = ("Voters today backed €40 million for Frontex.\n\n"
            "Commissioner Tom Pell wrote that the vote confirmed the importance of Schengen.")
    [package] = packages(tmp_path, text)
    assert package.get("announcer") != ["Tom Pell"]


def test_funding_receiver_whose_capabilities_the_money_upgrades(tmp_path) -> None:
    text = "The UK will also invest £1 million to upgrade Albania's forensic and digital capabilities."
    [package] = packages(tmp_path, text)
    assert package["recipient"] == ["Albania"]


def test_funding_list_item_receiver_named_by_the_intro(tmp_path) -> None:
    text = ("President Tom Pell announced the following support for Greece:\n\n"
            "* Financial assistance of EUR 700 million for migration management.\n")
    [package] = packages(tmp_path, text)
    assert package["recipient"] == ["Greece"]


def test_funding_receiver_after_an_equivalent_in_brackets(tmp_path) -> None:
    text = "The four countries will pay a total of EUR 35 million (almost CZK 900 million) into the EU Trust Fund for Africa."
    [package] = packages(tmp_path, text, "2017-12-14")
    assert package["currency"] == ["EUR"] and package["recipient"] == ["EU Emergency Trust Fund for Africa"]


def test_funding_approved_this_year_is_dated_to_the_year(tmp_path) -> None:
    text = "This year the government also approved CZK 25 million for the work of the Libyan coast guard."
    [package] = packages(tmp_path, text, "2017-12-14")
    assert package["date"] == ["2017"] and package["recipient"] == ["Libyan coast guard"]


def test_funding_fines_approved_by_parliament_are_no_package(tmp_path) -> None:
    text = "Amendments approved by the House toughen the penalties: a fine of between EGP 200,000 and EGP 500,000."
    assert packages(tmp_path, text, "2022-03-20") == []


def test_funding_year_compared_with_is_no_date(tmp_path) -> None:
    text = "The Minister today announced €6.17 billion for justice, €330 million higher than this year, with €390 million in capital investment."
    assert {p["date"][0] for p in packages(tmp_path, text, "2025-10-08")} == {"2025-10-08"}


def test_funding_receiver_named_before_a_colon(tmp_path) -> None:
    text = ("In Nouakchott, President Ali Dan announced support for Mauritania: more than €300 million from Spain, "
            "and €210 million from the European Union for migration management.")
    assert {p["recipient"][0] for p in packages(tmp_path, text, "2024-02-08")} == {"Mauritania"}


def test_funding_bribe_received_in_return_is_no_package(tmp_path) -> None:
    text = "The officer allegedly received about Rp612 million from the suspects in return for trying to halt the case."
    assert packages(tmp_path, text, "2023-07-20") == []


def test_funding_source_is_the_programme_after_a_bodys_possessive(tmp_path) -> None:
    text = "The project is worth EUR 5,280,000 and is funded by the EU's Instrument contributing to Stability and Peace (IcSP)."
    [package] = packages(tmp_path, text, "2017-09-20")
    assert package["sourceOfFunds"] == ["Instrument contributing to Stability and Peace"]


def test_funding_budget_of_tonight_is_the_budget(tmp_path) -> None:
    text = "Tonight's 2009-10 Budget will provide more than $1.3 billion over six years, the Minister announced today."
    [package] = packages(tmp_path, text, "2009-05-12")
    assert package["sourceOfFunds"] == ["2009-10 Budget"]


def test_funding_lede_dated_by_its_news_not_its_dateline(tmp_path) -> None:
    text = ("IOM and Jordan launch a border project\n\nAmman, 20 September 2017 – IOM and the Jordan Armed Forces yesterday (Tuesday 19 September) signed an "
            "agreement launching a new project.\n\nThe project is worth EUR 5,280,000.")
    [package] = packages(tmp_path, text, "2017-09-20")
    assert package["date"] == ["2017-09-19"]


def test_funding_adjective_cut_from_its_noun_by_a_comma_is_no_receiver(tmp_path) -> None:
    text = "The Minister announced $654 million for a comprehensive, whole-of-government strategy to combat people smuggling."
    [package] = packages(tmp_path, text, "2009-05-12")
    assert "recipient" not in package or package["recipient"] == [None]


def test_funding_body_that_launched_it_is_more_precise_than_the_headlines_state(tmp_path) -> None:
    text = ("UK funds £2 million IOM Greece project\n\n"
            "The British Embassy in Athens today launched a £2 million project to help migrants return home.")
    [package] = packages(tmp_path, text, "2014-02-19")
    assert package["announcer"] == ["British Embassy"]
    assert "International Organization for Migration" in package["recipient"]


def test_funding_body_that_decided_yesterday_weekday_in_brackets_announced_it(tmp_path) -> None:
    text = "The European Commission yesterday (Tuesday) decided to make EUR 36.7 million available to Lithuania."
    [package] = packages(tmp_path, text, "2021-08-11")
    assert package["announcer"] == ["European Commission"]


def test_funding_bodies_opening_the_items_of_an_as_follows_list_receive_it(tmp_path) -> None:
    text = ("The Minister today announced $57.22 million over five years.\n\n"
            "The new funding will be used across government as follows:\n\n"
            "- Public Safety Canada will develop a national case management standard\n"
            "- the Canada Border Services Agency (CBSA) will establish a dedicated team of border officials\n"
            "- more training will be offered to partners\n")
    [package] = packages(tmp_path, text, "2019-09-04")
    assert set(package["recipient"]) == {"Public Safety Canada", "Canada Border Services Agency"}


def test_funding_budget_which_provided_the_amount_is_its_source(tmp_path) -> None:
    text = "The new commitment builds on Budget 2018, which provided C$14.51 million over five years for a hotline."
    [package] = packages(tmp_path, text, "2019-09-04")
    assert package["sourceOfFunds"] == ["Budget 2018"] and package["currency"] == ["CAD"]


def test_funding_second_equivalent_in_the_same_brackets_is_the_same_package(tmp_path) -> None:
    text = ("The Government of Japan today handed over equipment worth 1.94 billion Japanese yen (around Rs 1.96 billion, "
            "or about US$20 million) for Pakistan's airports.")
    assert [(p["amount"], p["currency"]) for p in packages(tmp_path, text, "2016-09-06")] == [(["1940000000"], ["JPY"])]


def test_funding_body_after_from_is_the_source_and_item_doers_receive(tmp_path) -> None:
    text = ("On 29 July 2020, the Minister announced three initiatives, backed by $3 million over two years from "
            "Immigration, Refugees and Citizenship Canada (IRCC):\n\n"
            "- the International Organization for Migration (IOM) to roll out its data system at two airports;\n"
            "- the United Nations Office on Drugs and Crime (UNODC) to improve the analysis of data.\n")
    [package] = packages(tmp_path, text, "2023-02-21")
    assert package["sourceOfFunds"] == ["Immigration, Refugees and Citizenship Canada"]
    assert set(package["recipient"]) == {"International Organization for Migration", "United Nations Office on Drugs and Crime"}


def test_funding_receivers_named_after_a_count_of_them(tmp_path) -> None:
    text = ("In October 2017 the TIP Office awarded US $5 million to two implementing partners, Centro Yanapanakusun and "
            "the ILO, whose sub-recipients also carry out activities.")
    [package] = packages(tmp_path, text, "2020-02-06")
    assert package["currency"] == ["USD"]
    assert set(package["recipient"]) == {"Centro Yanapanakusun", "International Labour Organization"}


def test_funding_receiver_after_the_kind_of_funds(tmp_path) -> None:
    text = "The TIP Office will award the additional $1.7 million in foreign assistance funds to the International Labor Organization (ILO)."
    [package] = packages(tmp_path, text, "2020-02-06")
    assert package["recipient"] == ["International Labor Organization"]


def test_funding_body_that_handed_over_what_the_money_bought_announced_it(tmp_path) -> None:
    text = "The European Union today handed over ten vehicles, worth more than BAM 1 million, to the Border Police."
    [package] = packages(tmp_path, text, "2024-02-06")
    assert package["announcer"] == ["European Union"] and package["recipient"] == ["Border Police"]


def test_funding_items_of_a_list_its_pronoun_says_the_package_consists_of(tmp_path) -> None:
    text = ("The Commission today presented a package worth €7.4 billion. It consists of:\n\n"
            "- **EUR 5 billion in concessional loans** as macro-financial assistance.\n"
            "- **€600 million in grants** for migration.\n")
    amounts = {package["amount"][0] for package in packages(tmp_path, text, "2024-03-17")}
    assert {"5000000000", "600000000"} <= amounts


def test_funding_source_a_plan_for_a_region(tmp_path) -> None:
    text = "The EU will provide 1.8 billion euros of investments under the Economic and Investment Plan for the Southern Neighbourhood."
    [package] = packages(tmp_path, text, "2024-03-17")
    assert package["sourceOfFunds"] == ["Economic and Investment Plan for the Southern Neighbourhood"]


def test_funding_receiver_of_a_package_for_it_worth_the_amount(tmp_path) -> None:
    text = "The Commission today presented a financial and investment package for Egypt worth €7.4 billion."
    [package] = packages(tmp_path, text, "2024-03-17")
    assert package["recipient"] == ["Egypt"]


def test_funding_thing_it_plans_to_fund_receives_nothing(tmp_path) -> None:
    text = "INL spent US$767,000 on the building and planned to fund a wind turbine and a solar array to power it in 2018."
    [package] = packages(tmp_path, text, "2018-11-30")
    assert "recipient" not in package


def test_funding_receiver_the_subject_granted_the_amounts(tmp_path) -> None:
    text = ("It proposes that the Finnish Border Guard be granted an order authorisation of EUR 240 million and an "
            "appropriation of EUR 120 million so that the procurement of two vessels can begin.")
    found = packages(tmp_path, text, "2020-10-23")
    assert [p["recipient"] for p in found] == [["Finnish Border Guard"], ["Finnish Border Guard"]]


def test_funding_source_the_budget_that_it_stands_for(tmp_path) -> None:
    text = ("The Government negotiated the seventh supplementary budget proposal for 2020 today. It proposes that the "
            "Border Guard be granted an appropriation of EUR 120 million for two patrol vessels.")
    [package] = packages(tmp_path, text, "2020-10-23")
    assert package["sourceOfFunds"] == ["seventh supplementary budget"]


def test_funding_provided_with_a_total_of_more_than_an_amount_goes_to_the_one_provided(tmp_path) -> None:
    text = "The Czech Republic will provide the Macedonian Ministry of the Interior with a total of more than CZK 28 million."
    [package] = packages(tmp_path, text)
    assert package["recipient"] == ["Macedonian Ministry of the Interior"]


def test_funding_money_put_towards_a_body_goes_to_it(tmp_path) -> None:
    [package] = packages(tmp_path, "The UK will put £5 million towards the National Crime Agency's new unit.")
    assert package["recipient"] == ["National Crime Agency"]
