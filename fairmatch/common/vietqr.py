"""The VietQR bank-transfer payload: the NAPAS 247 transfer QR that every Vietnamese banking app scans.

The payload follows EMVCo's merchant-presented QR format as NAPAS profiles it for VietQR (NAPAS IBFT QR
specification v1.5.2): tag-length-value fields, the beneficiary under merchant account information 38 (GUID
A000000727, the bank's BIN and the account number, service code QRIBFTTA for a transfer to an account), then the
currency, the amount, the country, the transfer content under 62/08, and a CRC-16/CCITT-FALSE over everything up
to and including "6304". Pure: no Flask, no database.
"""

import re
import unicodedata
from dataclasses import dataclass

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY = "VN"
DYNAMIC = "12"  # the point of initiation of a QR made for one payment, with its amount
PURPOSE_LIMIT = 25  # characters the banks' apps accept in 62/08


@dataclass(frozen=True)
class Transfer:
    bank_bin: str  # the 6-digit NAPAS BIN of the beneficiary's bank, e.g. "970436" (Vietcombank)
    account_no: str
    amount_vnd: int
    purpose: str  # the transfer content the organizer matches payments by, e.g. "HC01-00042"


class InvalidTransfer(ValueError):
    """The transfer cannot be written as a VietQR payload (a BIN that is not six digits, no account...)."""


def crc16_ccitt_false(data: str) -> str:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) as 4 upper hex digits."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise InvalidTransfer(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def plain_purpose(text: str) -> str:
    """The transfer content as the banks carry it: letters without marks, digits, spaces and -, at most 25."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9 \-]", "", text).strip()[:PURPOSE_LIMIT]


def vietqr_payload(transfer: Transfer) -> str:
    """The complete payload string to encode in the QR code, its CRC included."""
    if not re.fullmatch(r"\d{6}", transfer.bank_bin or ""):
        raise InvalidTransfer("the bank BIN must be six digits")
    account = (transfer.account_no or "").replace(" ", "")
    if not re.fullmatch(r"[0-9A-Za-z]{1,19}", account):
        raise InvalidTransfer("the account number must be 1 to 19 letters or digits")
    if transfer.amount_vnd <= 0:
        raise InvalidTransfer("the amount must be more than zero")
    beneficiary = _field("00", transfer.bank_bin) + _field("01", account)
    merchant = _field("00", NAPAS_GUID) + _field("01", beneficiary) + _field("02", SERVICE_TO_ACCOUNT)
    body = (
        _field("00", "01")
        + _field("01", DYNAMIC)
        + _field("38", merchant)
        + _field("53", CURRENCY_VND)
        + _field("54", str(int(transfer.amount_vnd)))
        + _field("58", COUNTRY)
    )
    purpose = plain_purpose(transfer.purpose)
    if purpose:
        body += _field("62", _field("08", purpose))
    body += "6304"
    return body + crc16_ccitt_false(body)


def read_fields(payload: str) -> dict[str, str]:
    """The top-level (or nested) tag-length-value fields of a payload, tag → value, in order."""
    fields: dict[str, str] = {}
    position = 0
    while position < len(payload):
        tag, length = payload[position : position + 2], payload[position + 2 : position + 4]
        if len(tag) < 2 or not length.isdigit():
            raise InvalidTransfer(f"malformed field at {position}")
        end = position + 4 + int(length)
        if end > len(payload):
            raise InvalidTransfer(f"field {tag} runs past the end")
        fields[tag] = payload[position + 4 : end]
        position = end
    return fields
