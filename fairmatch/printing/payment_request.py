"""The payment request an exhibitor receives once its booths are approved: A4 portrait."""

from fairmatch.printing.layout import INK, MUTED, PT, RULE, Document
from fairmatch.printing.letterhead import draw_letterhead
from fairmatch.printing.model import Party, PaymentRequest, PaymentRequestLabels
from fairmatch.printing.qr import draw_qr

REFERENCE_FILL = (255, 243, 205)
REFERENCE_BORDER = (204, 153, 0)
BOX_FILL = (246, 247, 249)
QR_SIZE = 38  # mm: banking apps read it from a phone held at arm's length


def payment_request_pdf(request: PaymentRequest, labels: PaymentRequestLabels) -> bytes:
    """The request as PDF bytes: the official header block (or organizer, number and date), the enterprise, a
    table of the booths (its header repeated if it runs onto another page), subtotal, VAT and total exactly as the
    caller formatted them, then the bank details with the transfer reference set apart and the VietQR code, the due
    date and the note; every page numbered."""
    doc = Document(title=f"{labels.title} {request.number}", page_label=labels.page)
    doc.add_page()
    if request.letterhead:
        _official_heading(doc, request, labels)
    else:
        _heading(doc, request, labels)
    _enterprise(doc, request.enterprise, labels)
    doc.data_table(
        [labels.booth, labels.hall, labels.booth_type, labels.area, labels.price],
        [[line.booth_code, line.hall, line.booth_type, line.area_m2, line.price] for line in request.lines],
        col_widths=(16, 26, 22, 16, 20),
        aligns=("L", "L", "L", "R", "R"),
    )
    _totals(doc, request, labels)
    _transfer(doc, request, labels)
    return doc.to_bytes()


def _heading(doc: Document, request: PaymentRequest, labels: PaymentRequestLabels) -> None:
    """The organizer on the left; the title, number and date on the right."""
    top = doc.t_margin
    left_w = doc.epw * 0.55
    doc.set_xy(doc.l_margin, top)
    doc.use_font(10, "B")
    doc.multi_cell(left_w, 5, request.organizer.name, align="L")
    doc.use_font(8.5)
    doc.set_text_color(*MUTED)
    doc.set_x(doc.l_margin)
    doc.multi_cell(left_w, 4.2, request.organizer.address, align="L")
    organizer_bottom = doc.get_y()
    doc.set_text_color(*INK)

    right_x = doc.l_margin + left_w + 4
    right_w = doc.epw - left_w - 4
    doc.set_xy(right_x, top)
    doc.use_font(16, "B")
    doc.multi_cell(right_w, 7.5, labels.title.upper(), align="R")
    doc.use_font(9.5)
    for label, value in ((labels.number, request.number), (labels.issued_on, request.issued_on)):
        doc.set_x(right_x)
        doc.multi_cell(right_w, 5, f"{label}: {value}", align="R")
    doc.set_y(max(organizer_bottom, doc.get_y()) + 4)
    _rule(doc)


def _official_heading(doc: Document, request: PaymentRequest, labels: PaymentRequestLabels) -> None:
    """The header block, then the title and subject centred under it and the organizer's address."""
    draw_letterhead(doc, request.letterhead)
    doc.use_font(15, "B")
    doc.multi_cell(0, 7.5, labels.title.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    if request.subject:
        doc.use_font(11, "B")
        doc.multi_cell(0, 5.5, request.subject, align="C", new_x="LMARGIN", new_y="NEXT")
    organizer = " · ".join(part for part in (request.organizer.name, request.organizer.address) if part)
    if organizer:
        doc.use_font(8.5)
        doc.set_text_color(*MUTED)
        doc.multi_cell(0, 4.4, organizer, align="C", new_x="LMARGIN", new_y="NEXT")
        doc.set_text_color(*INK)
    doc.ln(3)
    _rule(doc)


def _enterprise(doc: Document, enterprise: Party, labels: PaymentRequestLabels) -> None:
    doc.use_font(8.5)
    doc.set_text_color(*MUTED)
    doc.cell(0, 5, labels.enterprise.upper(), new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*INK)
    doc.use_font(12, "B")
    doc.multi_cell(0, 6, enterprise.name, align="L", new_x="LMARGIN", new_y="NEXT")
    doc.use_font(9.5)
    label_w = 28
    for label, value in ((labels.tax_code, enterprise.tax_code), (labels.address, enterprise.address)):
        if not value:
            continue
        doc.set_text_color(*MUTED)
        doc.cell(label_w, 5, label)
        doc.set_text_color(*INK)
        doc.multi_cell(doc.epw - label_w, 5, value, align="L", new_x="LMARGIN", new_y="NEXT")
    doc.ln(4)


def _totals(doc: Document, request: PaymentRequest, labels: PaymentRequestLabels) -> None:
    """Right-aligned label/amount pairs, the total in bold below a rule; kept together on one page."""
    rows = (
        (labels.subtotal, request.subtotal, ""),
        *([(request.support, request.support_amount, "")] if request.support else []),
        (f"{labels.vat} ({request.vat_rate})", request.vat_amount, ""),
        (labels.total, request.total, "B"),
    )
    if doc.get_y() + 8 * len(rows) > doc.page_break_trigger:
        doc.add_page()
    doc.ln(2)
    amount_w = 45
    doc.use_font(9.5)
    # A support rule's name can be long: the labels widen to the left rather than run into the amounts.
    widest = max(doc.get_string_width(label) for label, _, _ in rows) + 2
    label_w = min(doc.epw - amount_w, max(doc.epw * 0.45, widest))
    label_x = doc.w - doc.r_margin - amount_w - label_w
    for label, amount, style in rows:
        size = 11 if style else 9.5
        if style:
            doc.set_draw_color(*INK)
            doc.set_line_width(0.3)
            doc.line(label_x, doc.get_y() + 0.8, doc.w - doc.r_margin, doc.get_y() + 0.8)
            doc.ln(1.6)
        doc.use_font(size, style)
        doc.set_x(label_x)
        doc.cell(label_w, size * PT * 1.6, label, align="R")
        doc.cell(amount_w, size * PT * 1.6, amount, align="R", new_x="LMARGIN", new_y="NEXT")
    doc.ln(6)


def _transfer(doc: Document, request: PaymentRequest, labels: PaymentRequestLabels) -> None:
    """A shaded box with the bank details, the reference to quote on the transfer highlighted inside it and, when
    there is one, the VietQR code on the right; kept on one page."""
    transfer = request.transfer
    details = [
        (labels.bank, transfer.bank, ""),
        (labels.account_number, transfer.account_number, "B"),
        (labels.account_name, transfer.account_name, ""),
    ]
    if request.amount_due:
        details.append((labels.amount_due, request.amount_due, "B"))
    label_w = 34
    qr_w = QR_SIZE + 6 if request.qr_payload else 0
    text_w = doc.epw - 8 - qr_w
    doc.use_font(10)
    value_lines = sum(len(doc.wrap(value, text_w - label_w) or [""]) for _, value, _ in details)
    doc.use_font(15, "B")
    reference_lines = len(doc.wrap(transfer.reference, text_w - 8))
    text_h = 9 + value_lines * 5.2 + 6 + reference_lines * 6.5 + 8
    box_h = max(text_h, QR_SIZE + 16 if request.qr_payload else 0)
    if doc.get_y() + box_h + 24 > doc.page_break_trigger:
        doc.add_page()
    top = doc.get_y()
    doc.set_fill_color(*BOX_FILL)
    doc.rect(doc.l_margin, top, doc.epw, box_h, style="F")
    doc.set_xy(doc.l_margin + 4, top + 3)
    doc.use_font(10.5, "B")
    doc.cell(text_w, 6, labels.transfer, new_x="LMARGIN", new_y="NEXT")
    for label, value, style in details:
        doc.set_x(doc.l_margin + 4)
        doc.use_font(9.5)
        doc.set_text_color(*MUTED)
        doc.cell(label_w, 5.2, label)
        doc.set_text_color(*INK)
        doc.use_font(10, style)
        doc.multi_cell(text_w - label_w, 5.2, value, align="L")
    ref_top = doc.get_y() + 2.5
    doc.use_font(15, "B")
    reference = doc.wrap(transfer.reference, text_w - 8)
    doc.set_fill_color(*REFERENCE_FILL)
    doc.set_draw_color(*REFERENCE_BORDER)
    doc.set_line_width(0.5)
    doc.rect(doc.l_margin + 4, ref_top, text_w, 9 + len(reference) * 6.5, style="DF")
    doc.set_xy(doc.l_margin + 8, ref_top + 2)
    doc.use_font(8.5)
    doc.set_text_color(*MUTED)
    doc.cell(text_w - 8, 4.5, labels.reference)
    doc.set_text_color(*INK)
    doc.use_font(15, "B")
    y = ref_top + 7
    for line in reference:
        doc.set_xy(doc.l_margin + 8, y)
        doc.cell(text_w - 8, 6.5, line)
        y += 6.5
    if request.qr_payload:
        qr_x = doc.l_margin + doc.epw - 4 - QR_SIZE
        doc.set_fill_color(255, 255, 255)
        doc.rect(qr_x - 1, top + 4 - 1, QR_SIZE + 2, QR_SIZE + 2, style="F")
        draw_qr(doc, request.qr_payload, qr_x, top + 4, QR_SIZE)
        caption = doc.fit_text(labels.scan, QR_SIZE + 4, max_size=7.5, min_size=6.5, max_lines=3, cut=False)
        doc.set_text_color(*MUTED)
        doc.draw_lines(caption, qr_x - 2, top + 5 + QR_SIZE + 1, QR_SIZE + 4, align="C", line_height=1.1)
        doc.set_text_color(*INK)
    doc.set_y(top + box_h + 5)
    doc.use_font(10.5, "B")
    doc.cell(0, 6, f"{labels.due_on}: {request.due_on}", new_x="LMARGIN", new_y="NEXT")
    if request.note:
        doc.ln(1.5)
        doc.use_font(9)
        doc.set_text_color(*MUTED)
        doc.multi_cell(0, 4.6, f"{labels.note}: {request.note}", align="L")
        doc.set_text_color(*INK)


def _rule(doc: Document) -> None:
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.3)
    doc.line(doc.l_margin, doc.get_y(), doc.w - doc.r_margin, doc.get_y())
    doc.ln(4)
