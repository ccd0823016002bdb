"""Directory search ranks words typed with their marks first: each enterprise's search text
gains the accent keys of its marked words (`Đường` → `~1đương`) after its folded words.

Data only: no column changes. Downgrading leaves the keys in place (older code ignores them).

Revision ID: 0015_accent_keys
Revises: 0014_account_verification
Create Date: 2026-12-06 18:30:00

"""
import re
import unicodedata

from alembic import op
import sqlalchemy as sa


revision = '0015_accent_keys'
down_revision = '0014_account_verification'
branch_labels = None
depends_on = None

# A frozen copy of fairmatch.enterprises.words (words, accent_keys, search_text) as of this revision.
_SEPARATORS = re.compile(r"[\W_]+")
_MARKED_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_TONES = {"\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def _fold(text):
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if not unicodedata.combining(c)).lower()).strip()


def _words(text):
    return _SEPARATORS.sub(" ", _fold(text)).split() if text else []


def _accent_keys(text):
    keys = []
    for word in _MARKED_WORD.findall(unicodedata.normalize("NFC", text or "").lower()):
        if _fold(word) == word:
            continue
        decomposed = unicodedata.normalize("NFD", word)
        tones = [_TONES[c] for c in decomposed if c in _TONES]
        toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        keys.append(f"~{tones[0] if tones else 0}{toneless}")
    return keys


def _search_text(parts):
    text = " "
    folded = [w for part in parts for w in _words(part)]
    keys = [k for part in parts for k in _accent_keys(part)]
    for word in dict.fromkeys(folded + keys):
        if len(text.encode()) + len(word.encode()) + 1 > 2000:
            break
        text += word + " "
    return text if text != " " else ""


def upgrade():
    connection = op.get_bind()
    enterprise = sa.table(
        "enterprise", sa.column("id"), sa.column("key"), sa.column("name_vi"), sa.column("name_en"),
        sa.column("locality"), sa.column("industrial_park"), sa.column("search_text"),
    )
    product = sa.table("product", sa.column("id"), sa.column("enterprise_id"), sa.column("name_vi"),
                       sa.column("name_en"))
    names = {}
    for row in connection.execute(
        sa.select(product.c.enterprise_id, product.c.name_vi, product.c.name_en).order_by(product.c.id)
    ):
        names.setdefault(row.enterprise_id, []).extend([row.name_vi, row.name_en])
    rows = connection.execute(
        sa.select(enterprise.c.id, enterprise.c.key, enterprise.c.name_vi, enterprise.c.name_en,
                  enterprise.c.locality, enterprise.c.industrial_park, enterprise.c.search_text)
    ).all()
    for row in rows:
        parts = [row.name_vi, row.name_en, row.key, row.locality, row.industrial_park, *names.get(row.id, [])]
        text = _search_text(parts)
        if text != row.search_text:
            connection.execute(enterprise.update().where(enterprise.c.id == row.id).values(search_text=text))


def downgrade():
    pass
