"""Printed matter as PDF bytes, from plain data (pure: no web or database framework).

Callers pass every label already translated and every number, date and amount already formatted; this package
only lays them out, in the Be Vietnam Pro font shipped in static/fonts/.
"""

from fairmatch.printing.agendas import Agenda, AgendaLabels, AgendaLine, agendas_pdf
from fairmatch.printing.badges import Badge, BadgeLabels, badges_pdf
from fairmatch.printing.catalogue import Catalogue, CatalogueEntry, CatalogueLabels, CatalogueSection, catalogue_pdf
from fairmatch.printing.floor_plan import floor_plan_pdf
from fairmatch.printing.grid import GridDay, GridLabels, GridRow, MeetingGrid, meeting_grid_pdf
from fairmatch.printing.model import (
    BankTransfer,
    BoothLine,
    BoothShape,
    BoothSign,
    BoothSignLabels,
    Entrance,
    FloorPlan,
    FloorPlanLabels,
    HallPlan,
    IndexRow,
    LegendItem,
    Party,
    PaymentRequest,
    PaymentRequestLabels,
)
from fairmatch.printing.payment_request import payment_request_pdf
from fairmatch.printing.qr import draw_qr, qr_svg
from fairmatch.printing.report import ReportBar, ReportDocument, ReportFigure, ReportSection, report_pdf
from fairmatch.printing.signs import booth_signs_pdf

__all__ = [
    "Agenda",
    "AgendaLabels",
    "AgendaLine",
    "Badge",
    "BadgeLabels",
    "BankTransfer",
    "BoothLine",
    "BoothShape",
    "BoothSign",
    "BoothSignLabels",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueLabels",
    "CatalogueSection",
    "Entrance",
    "FloorPlan",
    "FloorPlanLabels",
    "GridDay",
    "GridLabels",
    "GridRow",
    "HallPlan",
    "IndexRow",
    "LegendItem",
    "MeetingGrid",
    "Party",
    "PaymentRequest",
    "PaymentRequestLabels",
    "ReportBar",
    "ReportDocument",
    "ReportFigure",
    "ReportSection",
    "agendas_pdf",
    "badges_pdf",
    "booth_signs_pdf",
    "catalogue_pdf",
    "draw_qr",
    "floor_plan_pdf",
    "meeting_grid_pdf",
    "payment_request_pdf",
    "qr_svg",
    "report_pdf",
]
