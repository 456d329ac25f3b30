"""Date markings and storage instructions: the words, their languages and the date as printed.

The parser keeps every date token however it is written; the date checker judges the format."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]


@pytest.mark.parametrize(
    ("text", "kind", "words", "languages", "date_text"),
    [
        pytest.param(
            "Best before 17 JN 28 Meilleur avant",
            "best_before",
            "Best before / Meilleur avant",
            ["en", "fr"],
            "17 JN 28",
            id="6.6-cfia-example-date-between-the-words",
        ),
        pytest.param(
            "Best before June 28 juin Meilleur avant",
            "best_before",
            "Best before / Meilleur avant",
            ["en", "fr"],
            "June 28 juin",
            id="6.5-month-in-words-both-languages",
        ),
        pytest.param(
            "Best before / Meilleur avant\n27 JU 28",
            "best_before",
            "Best before / Meilleur avant",
            ["en", "fr"],
            "27 JU 28",
            id="6.5-JU-kept-as-printed",
        ),
        pytest.param(
            "Best before / Meilleur avant\n2027-03-15",
            "best_before",
            "Best before / Meilleur avant",
            ["en", "fr"],
            "2027-03-15",
            id="6.4-iso-date-kept-as-printed",
        ),
        pytest.param(
            "Meilleur avant 06/28/25",
            "best_before",
            "Meilleur avant",
            ["fr"],
            "06/28/25",
            id="6.4-us-order-french-only",
        ),
        pytest.param("Best before 28 JUN", "best_before", "Best before", ["en"], "28 JUN", id="6.4-day-month"),
        pytest.param(
            "BB/MA 2026 JN 28", "best_before", "BB / MA", ["en", "fr"], "2026 JN 28", id="6.13-bb-ma-abbreviation"
        ),
        pytest.param(
            "Packaged on/Empaqueté le 17 JN 28",
            "packaged_on",
            "Packaged on / Empaqueté le",
            ["en", "fr"],
            "17 JN 28",
            id="6.2-packaged-on",
        ),
        pytest.param(
            "Use by / Employez avant 26 DE 01",
            "use_by",
            "Use by / Employez avant",
            ["en", "fr"],
            "26 DE 01",
            id="6.9-use-by",
        ),
        pytest.param("EXP 2027 AL 10", "expiry", "EXP", ["en"], "2027 AL 10", id="6.10-exp"),
        pytest.param(
            "Expiry date / Date d'expiration: 2027 JA 05",
            "expiry",
            "Expiry date / Date d'expiration",
            ["en", "fr"],
            "2027 JA 05",
            id="6.10-expiry-both-languages",
        ),
        pytest.param("best befor 26 MA 12", "best_before", "best befor", ["en"], "26 MA 12", id="ocr-missing-letter"),
        pytest.param(
            "Best before:      26 JN 28       Meilleur avant : 26 JN 28",
            "best_before",
            "Best before / Meilleur avant",
            ["en", "fr"],
            "26 JN 28",
            id="side-by-side-columns-one-mark",
        ),
    ],
)
def test_date_marks(parse: Parse, text: str, kind: str, words: str, languages: list[str], date_text: str) -> None:
    facts = parse(back=text)
    assert [(d.kind, d.words, d.words_languages, d.date_text) for d in facts.dates] == [
        (kind, words, languages, date_text)
    ]


def test_date_printed_elsewhere_keeps_the_explanation(parse: Parse) -> None:
    (mark,) = parse(back="Best before: see bottom of can\nMeilleur avant : voir le fond de la boîte").dates
    assert (mark.words_languages, mark.date_text, mark.explanation) == (["en", "fr"], "", "see bottom of can")


def test_packaged_on_with_durable_life_statement(parse: Parse) -> None:
    (mark,) = parse(back="Packaged on/Empaqueté le 17 JN 28\nBest if consumed within 5 days of packaging.").dates
    assert mark.kind == "packaged_on"
    assert mark.explanation == "Best if consumed within 5 days of packaging."
    assert (mark.source.line_start, mark.source.line_end) == (0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Keep refrigerated / Garder réfrigéré",
            [("Keep refrigerated", "en"), ("Garder réfrigéré", "fr")],
            id="6.11-keep-refrigerated-pair",
        ),
        pytest.param(
            "Keep frozen.\nGarder congelé.", [("Keep frozen.", "en"), ("Garder congelé.", "fr")], id="6.11-keep-frozen"
        ),
        pytest.param(
            "Refrigerate after opening. Best before 26 JN 28",
            [("Refrigerate after opening.", "en")],
            id="6.11-storage-and-date-on-one-line",
        ),
        pytest.param(
            "Refrigerate (4 °C) after opening.",
            [("Refrigerate (4 °C) after opening.", "en")],
            id="6.11-after-opening-inside-a-sentence-is-not-cut",
        ),
        pytest.param(
            "Keep refrigerated. Garder au frais.",
            [("Keep refrigerated.", "en"), ("Garder au frais.", "fr")],
            id="6.11-two-languages-as-two-sentences-on-one-line",
        ),
        pytest.param(
            "Store in a cool, dry\nplace away from sunlight.",
            [("Store in a cool, dry place away from sunlight.", "en")],
            id="6.11-wrapped-instruction",
        ),
    ],
)
def test_storage_instructions(parse: Parse, text: str, expected: list[tuple[str, str]]) -> None:
    facts = parse(back=text)
    assert [(s.text, s.language) for s in facts.storage_instructions] == expected


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        pytest.param("BEST BEFORE / MEILLEUR AVANT\n27 mr 15", "27 mr 15", id="6.5-lower-case-code-as-printed"),
        pytest.param("Best before 27 Mr 15", "27 Mr 15", id="6.5-mixed-case-code"),
        pytest.param("Best before: see lid", "", id="6.3-no-date-token"),
    ],
)
def test_case_changes_in_date_lines(parse: Parse, text: str, date_text: str) -> None:
    (mark,) = parse(back=text).dates
    assert mark.date_text == date_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Packaged on / Empaqueté le JN 28 Best before / Meilleur avant JL 03",
            [
                ("packaged_on", "Packaged on / Empaqueté le", "JN 28"),
                ("best_before", "Best before / Meilleur avant", "JL 03"),
            ],
            id="6.2-cfia-example-each-date-to-its-own-words-one-line",
        ),
        pytest.param(
            "Packaged on / Empaqueté le JN 28\nBest before / Meilleur avant JL 03",
            [
                ("packaged_on", "Packaged on / Empaqueté le", "JN 28"),
                ("best_before", "Best before / Meilleur avant", "JL 03"),
            ],
            id="6.2-cfia-example-each-date-to-its-own-words-two-lines",
        ),
        pytest.param(
            "Packaged on June 28 juin Best before July 3 juillet",
            [("packaged_on", "Packaged on", "June 28 juin"), ("best_before", "Best before", "July 3 juillet")],
            id="6.2-month-words-best-before-is-not-the-packaged-on-date",
        ),
        pytest.param(
            "Packaged on / Empaqueté le June 28 juin Best before / Meilleur avant July 3 juillet",
            [
                ("packaged_on", "Packaged on / Empaqueté le", "June 28 juin"),
                ("best_before", "Best before / Meilleur avant", "July 3 juillet"),
            ],
            id="6.2-month-words-both-languages-two-dates-one-line",
        ),
        pytest.param(
            "Packaged on JN 28 Empaqueté le Best before JL 03 Meilleur avant",
            [
                ("packaged_on", "Packaged on / Empaqueté le", "JN 28"),
                ("best_before", "Best before / Meilleur avant", "JL 03"),
            ],
            id="6.2-dates-between-the-words-two-dates-one-line",
        ),
    ],
)
def test_two_dates_on_a_line_keep_their_own_words(
    parse: Parse, text: str, expected: list[tuple[str, str, str]]
) -> None:
    facts = parse(back=text)
    assert [(d.kind, d.words, d.date_text) for d in facts.dates] == expected


@pytest.mark.parametrize(
    ("text", "words", "date_text"),
    [
        pytest.param("Best before 27MR15", "Best before", "27MR15", id="6.4-date-without-spaces-is-isolated"),
        pytest.param("BB/MA 27MR15", "BB / MA", "27MR15", id="6.13-bb-ma-date-without-spaces"),
        pytest.param(
            "Best before/Meilleur avant: 27MR15",
            "Best before / Meilleur avant",
            "27MR15",
            id="6.4-date-without-spaces-after-a-colon",
        ),
        pytest.param(
            "Best before / Meilleur avant 7 JN 28",
            "Best before / Meilleur avant",
            "7 JN 28",
            id="6.4-one-digit-year-kept-with-the-token",
        ),
        pytest.param(
            "Best before / Meilleur avant\n5JA28", "Best before / Meilleur avant", "5JA28", id="6.4-glued-on-next-line"
        ),
        pytest.param(
            "Best before / Meilleur avant: 27.MR.15",
            "Best before / Meilleur avant",
            "27.MR.15",
            id="6.4-date-with-dots-kept-whole",
        ),
        pytest.param(
            "Best before / Meilleur avant\n\nLOT 27MA15",
            "Best before / Meilleur avant",
            "",
            id="6.3-lot-code-on-next-line-is-not-the-date",
        ),
    ],
)
def test_date_tokens_as_printed(parse: Parse, text: str, words: str, date_text: str) -> None:
    (mark,) = parse(back=text).dates
    assert (mark.words, mark.date_text) == (words, date_text)


@pytest.mark.parametrize(
    ("text", "date_text", "storage"),
    [
        pytest.param(
            "Best before 27 MR 15. Keep refrigerated. / Garder réfrigéré.",
            "27 MR 15",
            [("Keep refrigerated.", "en"), ("Garder réfrigéré.", "fr")],
            id="6.11-storage-after-the-date-sentence",
        ),
        pytest.param(
            "Best before / Meilleur avant 27 MR 15 Keep refrigerated / Garder réfrigéré",
            "27 MR 15",
            [("Keep refrigerated", "en"), ("Garder réfrigéré", "fr")],
            id="6.11-storage-after-the-date-without-full-stop",
        ),
        pytest.param(
            "Best before 27 MR 15 Keep refrigerated.\nMeilleur avant 27 MR 15 Garder réfrigéré.",
            "27 MR 15",
            [("Keep refrigerated.", "en"), ("Garder réfrigéré.", "fr")],
            id="6.11-storage-after-each-language-date",
        ),
        pytest.param(
            "BEST BEFORE 27 MR 15 KEEP REFRIGERATED",
            "27 MR 15",
            [("KEEP REFRIGERATED", "en")],
            id="6.11-storage-after-the-date-in-capitals",
        ),
        pytest.param(
            "Best before: 27 MR 15 - Refrigerate after opening. Réfrigérer après ouverture.",
            "27 MR 15",
            [("Refrigerate after opening.", "en"), ("Réfrigérer après ouverture.", "fr")],
            id="6.11-storage-after-a-dash-and-one-line-both-languages",
        ),
        pytest.param(
            "Best before 27 MR 15. Once opened, keep refrigerated.",
            "27 MR 15",
            [("Once opened, keep refrigerated.", "en")],
            id="6.11-once-opened-after-the-date",
        ),
    ],
)
def test_storage_in_the_middle_of_a_date_line(
    parse: Parse, text: str, date_text: str, storage: list[tuple[str, str]]
) -> None:
    facts = parse(back=text)
    assert [d.date_text for d in facts.dates] == [date_text]
    assert [(s.text, s.language) for s in facts.storage_instructions] == storage
