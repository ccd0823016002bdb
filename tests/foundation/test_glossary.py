"""The glossary in docs/glossary.md is the rule for the catalogue: one term per concept, one tone-mark style."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "fairmatch/translations/vi/LC_MESSAGES/messages.po"
# Vietnamese written by the product outside the catalogue: the taxonomy and the demo's data.
VIETNAMESE_DATA = [ROOT / "fairmatch/demo/taxonomy.json", *sorted((ROOT / "fairmatch/demo").glob("*.py"))]

LETTER = "a-zA-Zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
# The mark on the second vowel of oa, oe, uy with no consonant after it ("hoà", "huỷ"); qu- is a consonant.
SECOND_VOWEL_MARK = re.compile(rf"(?<![qQ])(?:[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?![{LETTER}])", re.IGNORECASE)


def _glossary():
    rows = []
    for line in (ROOT / "docs/glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in ("Concept", "") or set(cells[0]) <= {"-"}:
            continue
        _, english, vietnamese, compounds, rejected_en, rejected_vi = cells
        rows.append(
            {
                "english": english,
                "vietnamese": [form.strip() for form in vietnamese.split("/")],
                "compounds": [c.strip() for c in compounds.split(";") if c.strip()],
                "rejected_en": [c.strip() for c in rejected_en.split(";") if c.strip()],
                "rejected_vi": [c.strip() for c in rejected_vi.split(";") if c.strip()],
            }
        )
    return rows


GLOSSARY = _glossary()


def _messages():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        yield ids, strings


PLACEHOLDER = re.compile(r"\{\w+\}|%\(\w+\)[sd]")


def _word(term: str) -> re.Pattern:
    return re.compile(rf"(?<![{LETTER}]){re.escape(term)}(?:s|es)?(?![{LETTER}])", re.IGNORECASE)


def test_the_glossary_names_the_concepts_the_issue_asks_for():
    assert {row["english"] for row in GLOSSARY} >= {"exhibitor", "lead enterprise", "buyer", "must meet"}


@pytest.mark.parametrize("row", GLOSSARY, ids=[row["english"] for row in GLOSSARY])
def test_a_concept_is_said_with_its_one_term_in_each_language(row):
    term = _word(row["english"])
    compounds = [_word(c) for c in row["compounds"]]
    wrong = []
    for ids, strings in _messages():
        english = PLACEHOLDER.sub("", " ".join(ids))
        for compound in compounds:
            english = compound.sub("", english)
        said = [any(form.lower() in s.lower() for form in row["vietnamese"]) for s in strings]
        if term.search(english) and not all(said):
            wrong.append(f"{ids[0]!r} → {strings[0]!r}")
    assert not wrong, f"'{row['english']}' is not '{row['vietnamese'][0]}' in:\n" + "\n".join(wrong)


@pytest.mark.parametrize("row", GLOSSARY, ids=[row["english"] for row in GLOSSARY])
def test_no_message_uses_a_rejected_variant(row):
    english = [_word(v) for v in row["rejected_en"]]
    vietnamese = [_word(v) for v in row["rejected_vi"]]
    wrong = [
        ids[0]
        for ids, strings in _messages()
        if any(p.search(i) for p in english for i in ids) or any(p.search(s) for p in vietnamese for s in strings)
    ]
    assert not wrong, "\n".join(wrong)


def test_vietnamese_puts_the_tone_mark_on_the_first_vowel_of_oa_oe_uy():
    wrong = [f"{strings[0]!r}" for _, strings in _messages() if any(SECOND_VOWEL_MARK.search(s) for s in strings)]
    for path in VIETNAMESE_DATA:
        wrong += [f"{path.name}: {m.group(0)!r}" for m in SECOND_VOWEL_MARK.finditer(path.read_text(encoding="utf-8"))]
    assert not wrong, "\n".join(wrong)


def test_the_tone_mark_rule_tells_the_two_styles_apart():
    assert SECOND_VOWEL_MARK.search("Đã huỷ cuộc gặp") and SECOND_VOWEL_MARK.search("hoà")
    assert not SECOND_VOWEL_MARK.search("Đã hủy cuộc gặp, hòa, khóa, hoàn thành, quý, thuyền, toàn")
