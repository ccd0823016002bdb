"""Agendas on paper: one page per participant (or per meeting table), a table of times, places and
counterparts. The same layout serves a participant's agenda and a table's meeting sheet."""

from dataclasses import dataclass

from fairmatch.printing.layout import Document


@dataclass(frozen=True)
class AgendaLine:
    time: str  # preformatted, e.g. "15/10 09:00–09:30"
    place: str
    counterpart: str


@dataclass(frozen=True)
class Agenda:
    title: str  # whose agenda: an enterprise's name, or "Bàn T01"
    subtitle: str  # the fair, the venue
    lines: tuple[AgendaLine, ...]


@dataclass(frozen=True)
class AgendaLabels:
    document: str  # the PDF's title, e.g. "Lịch làm việc"
    time: str
    place: str
    counterpart: str
    empty: str  # printed on a page without meetings
    page: str  # "Trang {page}/{pages}"


def agendas_pdf(agendas: list[Agenda], labels: AgendaLabels) -> bytes:
    """One A4 page (more when long) per agenda, in the order given; an empty list gives one page saying so."""
    document = Document(title=labels.document, page_label=labels.page)
    for agenda in agendas or [Agenda(labels.document, "", ())]:
        document.add_page()
        document.use_font(16, "B")
        document.multi_cell(0, 8, agenda.title, new_x="LMARGIN", new_y="NEXT")
        if agenda.subtitle:
            document.use_font(10)
            document.multi_cell(0, 5, agenda.subtitle, new_x="LMARGIN", new_y="NEXT")
        document.ln(4)
        if agenda.lines:
            document.data_table(
                [labels.time, labels.place, labels.counterpart],
                [[line.time, line.place, line.counterpart] for line in agenda.lines],
                col_widths=(3, 2, 6),
                aligns=("L", "L", "L"),
            )
        else:
            document.use_font(11)
            document.multi_cell(0, 6, labels.empty, new_x="LMARGIN", new_y="NEXT")
    return document.to_bytes()
