"""Resolution on token-only Docs with the tiny test dictionary (no model, no Phoenix): rules,
bare surnames of the only office holder, group references ("the two leaders")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from dyadwatch.actors import ActorStage
from dyadwatch.actors.dictionary import load_layers
from dyadwatch.model import ActorMention, Sentence

DATA = Path(__file__).resolve().parent / "data" / "actors"
FILES = ["countries.txt", "igos.txt", "persons.txt", "agents.txt"]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(load_layers([[DATA / f for f in FILES]]))


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def run(stage: ActorStage, nlp, date: str | None, *texts: str) -> list[list[ActorMention]]:
    ctx = stage.new_context(dt.date.fromisoformat(date) if date else None)
    out = []
    offset = 0
    for i, text in enumerate(texts):
        out.append(stage.find(nlp.make_doc(text), Sentence(i, text, offset, offset + len(text)), ctx))
        offset += len(text) + 1
    return out


def codes(mentions: list[ActorMention]) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in mentions]


def test_person_role_by_date(stage, nlp) -> None:
    text = "Lee Jae-myung met Yoon Suk-yeol."
    (before,) = run(stage, nlp, "2024-06-01", text)
    assert codes(before) == [("Lee Jae-myung", "KOROPP"), ("Yoon Suk-yeol", "KORGOV")]
    (after,) = run(stage, nlp, "2025-06-11", text)
    assert codes(after) == [("Lee Jae-myung", "KORGOV"), ("Yoon Suk-yeol", "KORELI")]
    lee = after[0]
    assert lee.kind == "person" and lee.name == "Lee Jae-myung" and lee.valid_from == "2025-06-04"
    assert lee.reason == "Lee Jae-myung: President of South Korea from 2025-06-04"
    assert lee.country == "KOR" and lee.agent == "GOV" and lee.role == "President of South Korea"


def test_former_leader_after_last_gov_role_is_eli(stage, nlp) -> None:
    ((moon,),) = run(stage, nlp, "2023-01-01", "Moon Jae-in spoke.")
    assert moon.code == "KORELI" and "former" in moon.reason
    ((moon,),) = run(stage, nlp, "2010-01-01", "Moon Jae-in spoke.")
    assert moon.code == "KOR"  # before any role: the country


def test_adjective_plus_agent_and_possessive(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11",
               "South Korean lawmakers, Chinese state media, Russian troops and China's foreign ministry spoke.")
    assert codes(m) == [("South Korean lawmakers", "KORLEG"), ("Chinese state media", "CHNMED"),
                        ("Russian troops", "RUSMIL"), ("China's foreign ministry", "CHNGOV")]


def test_capitals_and_seats_are_the_government_but_not_as_places(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "Seoul and the White House warned Beijing, talks in Moscow.")
    assert codes(m) == [("Seoul", "KORGOV"), ("the White House", "USAGOV"), ("Beijing", "CHNGOV"), ("Moscow", "RUS")]
    assert m[0].kind == "capital" and "government" in m[0].reason
    assert m[-1].kind == "place" and "government" not in m[-1].reason  # a place, not the government


def test_validity_dates_choose_between_entries(stage, nlp) -> None:
    (m,) = run(stage, nlp, "1985-01-01", "The Kremlin said.")
    assert codes(m) == [("The Kremlin", "SUNGOV")]
    (m,) = run(stage, nlp, "2020-01-01", "The Kremlin said.")
    assert codes(m) == [("The Kremlin", "RUSGOV")]


def test_titles_resolve_to_office_holder(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "The South Korean president and the Chinese leader met.")
    assert codes(m) == [("South Korean president", "KORGOV"), ("Chinese leader", "CHNGOV")]
    assert m[0].name == "Lee Jae-myung" and m[0].kind == "title" and m[1].name == "Xi Jinping"
    (m,) = run(stage, nlp, "2024-06-01", "The South Korean president spoke.")
    assert m[0].name == "Yoon Suk-yeol"


def test_title_before_name_is_absorbed(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "Chinese President Xi Jinping arrived.")
    assert codes(m) == [("Chinese President Xi Jinping", "CHNGOV")]


def test_short_names_and_pronouns_need_an_earlier_mention(stage, nlp) -> None:
    first, second = run(stage, nlp, "2025-06-11", "Lee said he was ready.", "Lee Jae-myung met Park Geun-hye. Lee said she and he agreed.")
    assert codes(first) == []  # nobody named yet
    assert codes(second) == [("Lee Jae-myung", "KORGOV"), ("Park Geun-hye", "KORELI"),
                             ("Lee", "KORGOV"), ("she", "KORELI"), ("he", "KORGOV")]
    assert second[2].kind == "short" and second[3].kind == "pronoun" and second[3].name == "Park Geun-hye"


def test_abbreviations_are_case_sensitive_and_names_need_capitals(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "Tell us what the UN and the US want; china plates.")
    assert codes(m) == [("UN", "IGOUNO"), ("US", "USA")]


def test_demonym_plural_is_civilians(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "South Koreans protested; a South Korean said.")
    assert codes(m) == [("South Koreans", "KORCVL"), ("South Korean", "KOR")]


def test_offsets_are_in_the_field(stage, nlp) -> None:
    ctx = stage.new_context(dt.date(2025, 6, 11))
    text = "Seoul protested."
    (m,) = stage.find(nlp.make_doc(text), Sentence(3, text, 100, 100 + len(text), "body"), ctx)
    assert (m.start, m.end, m.sentence_index, m.field) == (100, 105, 3, "body")


def test_coordinated_adjectives_share_the_agent_noun(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "Chinese and Russian troops held drills with South Korean, Chinese and US lawmakers.")
    assert codes(m) == [("Chinese", "CHNMIL"), ("Russian troops", "RUSMIL"), ("South Korean", "KORLEG"),
                        ("Chinese", "CHNLEG"), ("US lawmakers", "USALEG")]


def test_gaps_between_country_and_agent(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "South Koreans rallied outside parliament; China despite officials; Seoul officials.")
    assert codes(m)[:2] == [("South Koreans", "KORCVL"), ("parliament", "LEG")]
    assert ("China", "CHN") in codes(m) and ("Seoul officials", "KORGOV") in codes(m)


def test_nationality_as_a_noun_is_the_people(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "He spoke to the Chinese. The Chinese economy grew; the Chinese said no.")
    assert codes(m) == [("Chinese", "CHNCVL"), ("Chinese", "CHN"), ("Chinese", "CHNCVL")]


def test_title_then_surname_is_a_first_mention_when_one_holder_fits(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "President Lee and President Moon spoke; Mr Xi did not.")
    assert codes(m)[0] == ("President Lee", "KORGOV") and m[0].name == "Lee Jae-myung"
    assert ("Moon", "KORELI") not in codes(m)  # no role on that date with that title: not resolved
    assert not any(t == "Xi" for t, _ in codes(m))  # "Mr" is no title of office


def test_place_based_is_where_someone_is(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "A Seoul-based lawmaker and a China-born official met a Beijing-based firm.")
    assert codes(m) == [("Seoul-based lawmaker", "KORLEG"), ("China-born official", "CHNGOV")]


def test_a_persons_agent_noun_takes_the_persons_country(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "Lee Jae-myung's government and Xi Jinping's state media replied.")
    assert codes(m) == [("Lee Jae-myung", "KORGOV"), ("government", "KORGOV"),
                        ("Xi Jinping", "CHNGOV"), ("state media", "CHNMED")]


def test_former_office_holders_are_elites_not_the_government(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "The former South Korean president, China's former foreign minister and former Russian troops.")
    assert codes(m) == [("South Korean president", "KORELI"), ("China's former foreign minister", "CHNELI"),
                        ("Russian troops", "RUSMIL")]


def test_capitalised_title_words_between_country_and_name(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "Chinese State Foreign Minister Xi Jinping spoke. China Warns Foreign Minister Xi Jinping.")
    assert codes(m) == [("Chinese State Foreign Minister Xi Jinping", "CHNGOV"), ("China", "CHN"),
                        ("Foreign Minister Xi Jinping", "CHNGOV")]


def test_accents_and_typographic_apostrophes_do_not_matter(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "People’s Republic of China and Béijing said; Chinà’s lawmakers.")
    assert codes(m) == [("People’s Republic of China", "CHN"), ("Béijing", "CHNGOV"), ("Chinà’s lawmakers", "CHNLEG")]


def test_hyphenated_modifiers_between_country_and_agent(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "Chinese state-run media and South Korea's pro-government lawmakers; US anti-war lawmakers.")
    assert codes(m) == [("Chinese state-run media", "CHNMED"), ("South Korea's pro-government lawmakers", "KORLEG"),
                        ("US anti-war lawmakers", "USALEG")]


def test_leader_of_a_parliamentary_republic_is_the_head_of_government(tmp_path) -> None:
    from dyadwatch.actors.dictionary import parse_text
    from dyadwatch.actors.roles import OfficeIndex

    entries, _ = parse_text(
        "+ P\n  role: INDGOV 2022-07-25 - President of India\n\n+ M\n  role: INDGOV 2014-05-26 - Prime Minister of India\n\n"
        "+ F\n  role: FRAGOV 2017-05-14 - President of France\n\n+ A\n  role: FRAGOV 2024-01-09 2024-09-05 Prime Minister of France\n",
        "x.txt", "person")
    offices = OfficeIndex(entries)
    day = dt.date(2024, 6, 1)
    assert entries[offices.holder("IND", "leader", day)[0]].name == "M"
    assert entries[offices.holder("FRA", "leader", day)[0]].name == "F"
    assert entries[offices.holder("IND", "president", day)[0]].name == "P"


# ---- bare surnames ---------------------------------------------------------------------------
def test_bare_surname_of_the_only_head_in_office_resolves(stage, nlp) -> None:
    ((lee, xi),) = run(stage, nlp, "2025-06-11", "Lee Jae-myung met Xi.")
    assert (lee.code, xi.code, xi.name, xi.kind) == ("KORGOV", "CHNGOV", "Xi Jinping", "short")
    assert xi.reason == "Xi: the only Xi in office on 2025-06-11: Xi Jinping, President of China"
    ((xi,),) = run(stage, nlp, "2025-06-11", "Xi")
    assert xi.code == "CHNGOV" and (xi.start, xi.end) == (0, 2)


def test_bare_surname_is_not_resolved_when_ambiguous_or_out_of_office(stage, nlp) -> None:
    # 2025-06-11: Lee Jae-myung is president, but another Lee holds a current (spy agency) role
    assert run(stage, nlp, "2025-06-11", "Lee said he was ready.") == [[]]
    # 2025-06-01: the only Lee with a role is the opposition leader: no head of state
    assert run(stage, nlp, "2025-06-01", "Lee said so.") == [[]]
    # Moon Jae-in is out of office in 2023; Yoon is suspended, then a former president, in 2025
    assert run(stage, nlp, "2023-01-01", "Moon said so.") == [[]]
    assert codes(run(stage, nlp, "2023-01-01", "Yoon said so.")[0]) == [("Yoon", "KORGOV")]
    assert run(stage, nlp, "2025-01-10", "Yoon said so.") == [[]]
    assert codes(run(stage, nlp, "2018-01-01", "Moon said so.")[0]) == [("Moon", "KORGOV")]
    # a prime minister is a head of government
    assert codes(run(stage, nlp, "2025-08-01", "Kim spoke.")[0]) == [("Kim", "KORGOV")]
    assert run(stage, nlp, "2025-06-01", "Kim spoke.") == [[]]


def test_bare_surname_needs_to_stand_alone_as_a_name(stage, nlp) -> None:
    day = "2018-01-01"
    assert run(stage, nlp, day, "In May 2018 the talks began.") == [[]]  # a function word, next to a number
    assert run(stage, nlp, day, "Moon Landing Day was marked.") == [[]]  # part of a longer name
    assert run(stage, nlp, day, "Sam Moon said so.") == [[]]  # another person's surname
    assert run(stage, nlp, day, "They saw the Moon.") == [[]]  # after an article
    (found,) = run(stage, nlp, "2025-06-11", "the Xi administration said")
    assert codes(found)[0] == ("Xi", "CHNGOV")


def test_named_earlier_still_wins_over_the_office_rule(stage, nlp) -> None:
    first, second = run(stage, nlp, "2025-06-11", "Lee Jae-myung spoke.", "Lee said he was ready.")
    assert codes(second) == [("Lee", "KORGOV"), ("he", "KORGOV")]
    assert "named earlier" in second[0].reason


# ---- group references ------------------------------------------------------------------------
def test_the_two_leaders_are_the_two_persons_named_last(stage, nlp) -> None:
    _, group = run(stage, nlp, "2025-06-11", "Xi Jinping held a call with Lee Jae-myung.",
                   "The two leaders agreed on the need to deepen exchanges.")
    assert codes(group) == [("The two leaders", "CHNGOV"), ("The two leaders", "KORGOV")]
    assert {(m.start, m.end) for m in group} == {(group[0].start, group[0].start + len("The two leaders"))}
    assert [m.name for m in group] == ["Xi Jinping", "Lee Jae-myung"]
    assert group[0].reason == "The two leaders: Xi Jinping and Lee Jae-myung" and group[0].kind == "group"


def test_both_countries_and_the_two_sides(stage, nlp) -> None:
    first, second, third = run(stage, nlp, "2025-06-11", "China and South Korea signed a deal.",
                               "Both countries welcomed it.", "Beijing and Seoul said the two sides would meet.")
    assert codes(second) == [("Both countries", "CHN"), ("Both countries", "KOR")]
    assert second[0].reason == "Both countries: China and South Korea"
    assert codes(third)[-2:] == [("the two sides", "CHNGOV"), ("the two sides", "KORGOV")]


def test_a_group_with_fewer_than_two_referents_is_not_an_actor(stage, nlp) -> None:
    assert run(stage, nlp, "2025-06-11", "The two leaders agreed.") == [[]]
    _, group = run(stage, nlp, "2025-06-11", "Xi Jinping spoke.", "Both leaders agreed.")
    assert group == []
    # "the two presidents" needs two presidents: a foreign minister is not one
    _, _, group = run(stage, nlp, "2025-06-11", "Xi Jinping spoke.", "Kim Min-seok spoke.", "The two presidents met.")
    assert group == []


def test_domestic_agent_in_a_country_is_that_countrys(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2025-06-11", "The opposition in South Korea protested.")
    assert codes(m) == [("opposition in South Korea", "KOROPP")]
    (m,) = run(stage, nlp, "2025-06-11", "The troops in Russia moved.")  # often foreign troops: not RUSMIL
    assert ("troops", "MIL") in codes(m) and all(code != "RUSMIL" for _, code in codes(m))


def test_a_current_title_before_the_name_is_the_role_the_text_gives(stage, nlp) -> None:
    # an archive story dated after the term (or undated): "President Moon" is the government
    (m,) = run(stage, nlp, "2023-01-01", "President Moon Jae-in spoke.")
    assert codes(m) == [("President Moon Jae-in", "KORGOV")] and "title 'President'" in m[0].reason
    (m,) = run(stage, nlp, None, "South Korean President Moon Jae-in spoke.")
    assert [c for _, c in codes(m)] == ["KORGOV"]
    (m,) = run(stage, nlp, "2023-01-01", "Former President Moon Jae-in spoke.")
    assert [c for _, c in codes(m)] == ["KORELI"]
    (m,) = run(stage, nlp, "2023-01-01", "Moon Jae-in spoke.")
    assert [c for _, c in codes(m)] == ["KORELI"]


def test_people_from_elsewhere_in_a_country_are_not_its_own(tmp_path, nlp) -> None:
    (tmp_path / "agents.txt").write_text("+ CVL\n  code: CVL\n  words: civilians; settlers\n", encoding="utf-8")
    own = ActorStage(load_layers([[DATA / f for f in FILES] + [tmp_path / "agents.txt"]]))
    (m,) = run(own, nlp, "2025-06-11", "Civilians in Russia fled.")
    assert codes(m) == [("Civilians in Russia", "RUSCVL")]
    (m,) = run(own, nlp, "2025-06-11", "Settlers in Russia fled.")
    assert codes(m) == [("Settlers", "CVL"), ("Russia", "RUS")]


def test_the_role_a_title_gave_holds_for_later_pronouns_and_short_names(stage, nlp) -> None:
    first, second = run(stage, nlp, "2023-01-01", "President Moon Jae-in said he would go.", "Moon left.")
    assert [c for _, c in codes(first)] == ["KORGOV", "KORGOV"] and codes(second) == [("Moon", "KORGOV")]


def test_a_countrys_leader_before_the_name_is_its_government(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2023-01-01", "South Korean leader Moon Jae-in spoke.")
    assert [c for _, c in codes(m)] == ["KORGOV"]
    (m,) = run(stage, nlp, "2023-01-01", "Opposition leader Moon Jae-in spoke.")  # not a head of state
    assert [c for _, c in codes(m)] == ["KORELI"]


def test_bare_surname_unique_in_the_dictionary_and_in_office(stage, nlp) -> None:
    (m,) = run(stage, nlp, "2024-05-01", "Cho met reporters.")
    assert codes(m)[:1] == [("Cho", "KORGOV")] and "only" in m[0].reason
    (m,) = run(stage, nlp, "2025-09-01", "Cho met reporters.")
    assert codes(m) == []  # out of office: a bare surname is no one
