"""Check-in codes, printed as QR codes: on a badge (a person at the fair; older badges named a user
account) and beside a meeting on an agenda.
A USB scanner types the code, so it is short plain text; a keyed digest makes it unforgeable."""

import hashlib
import hmac
import re

from flask import current_app

CODE = re.compile(r"FM-([BMP])(\d+)-([0-9A-F]{10})")
KINDS = {"B": "badge", "M": "meeting", "P": "person"}


def _digest(kind: str, number: int) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"check-in:{kind}{number}".encode(), hashlib.sha256).hexdigest()[:10].upper()


def badge_code(user_id: int) -> str:
    return f"FM-B{user_id}-{_digest('B', user_id)}"


def person_code(person_id: int) -> str:
    """The code on a person's badge (`fairmatch.people`)."""
    return f"FM-P{person_id}-{_digest('P', person_id)}"


def meeting_code(meeting_id: int) -> str:
    return f"FM-M{meeting_id}-{_digest('M', meeting_id)}"


def read_code(text: str) -> tuple[str, int] | None:
    """("badge", user id), ("person", person id) or ("meeting", meeting id) for a genuine code, else None."""
    found = CODE.fullmatch(text.strip().upper())
    if not found:
        return None
    kind, number, digest = found.group(1), int(found.group(2)), found.group(3)
    if not hmac.compare_digest(digest, _digest(kind, number)):
        return None
    return KINDS[kind], number
