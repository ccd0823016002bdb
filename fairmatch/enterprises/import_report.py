"""An import's problems grouped by the row of the document they are in, for the organizer console."""

import re
from dataclasses import dataclass

from flask_babel import gettext as _

from fairmatch.common.exchange_validation import Problem, enterprise_key

_ROW = re.compile(r"^(enterprises|categories)\[(\d+)\]\.?(.*)$")


@dataclass(frozen=True)
class ReportRow:
    where: str
    """The row's JSON path (`enterprises[12]`), or `$` for the document as a whole."""
    label: str
    """What the row is about: the enterprise's key and name, or the category's code."""
    problems: list[tuple[str, str]]
    """(path inside the row, message in the page's language)"""


def _translated(problem: Problem) -> str:
    return _(problem.message, **problem.params) if problem.params else _(problem.message)


def _label(doc, section: str, index: int) -> str:
    entries = doc.get(section) if isinstance(doc, dict) else None
    entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
    if not isinstance(entry, dict):
        return ""
    if section == "categories":
        return str(entry.get("code") or "")
    name = entry.get("name_vi") or entry.get("name_en") or ""
    return " — ".join(str(part) for part in (enterprise_key(entry), name) if part)


def _row_of(problem: Problem) -> tuple[str, int, str]:
    """(section, index, path inside the row) of a problem; section `$` for the document as a whole."""
    match = _ROW.match(problem.path)
    return (match.group(1), int(match.group(2)), match.group(3)) if match else ("$", -1, problem.path)


def report_labels(doc, problems: list[Problem]) -> dict[str, str]:
    """What each row with problems is about (`enterprises[12]` → its key and name), read from `doc`:
    kept with the problems, so that the report reads the same once the document is gone."""
    labels = {}
    for problem in problems:
        section, index, _inside = _row_of(problem)
        if section != "$":
            labels[f"{section}[{index}]"] = _label(doc, section, index)
    return labels


def import_report(problems: list[Problem], labels: dict[str, str]) -> list[ReportRow]:
    """The problems row by row, in the order of the document; whole-document problems first."""
    rows: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for problem in problems:
        section, index, inside = _row_of(problem)
        rows.setdefault((section, index), []).append((inside, _translated(problem)))
    order = {"$": 0, "categories": 1, "enterprises": 2}
    report = []
    for (section, index), found in sorted(rows.items(), key=lambda item: (order[item[0][0]], item[0][1])):
        where = "$" if section == "$" else f"{section}[{index}]"
        report.append(ReportRow(where, labels.get(where, ""), found))
    return report
