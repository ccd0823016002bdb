"""Enterprise logos: checked by their content, redrawn as a small WebP without metadata.

Only the redrawn image is stored and served, so a file that merely claims to be an image (an
HTML page named logo.png, a polyglot) never reaches another user's browser.
"""

import hashlib
import io
import warnings

from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import undefer

from fairmatch.audit.services import record
from fairmatch.enterprises.models import Enterprise, EnterpriseLogo
from fairmatch.errors import RuleViolation
from fairmatch.extensions import db

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 40_000_000
BOX = (512, 512)
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP")
MEDIA_TYPE = "image/webp"


def redraw(data: bytes) -> bytes:
    """The image in `data` as WebP of at most 512 × 512 pixels, or RuleViolation when `data` is
    larger than 2 MB or is not really a PNG, JPEG or WebP image."""
    if len(data) > MAX_BYTES:
        raise RuleViolation(_("The image is larger than 2 MB. Save it smaller and try again."))
    not_an_image = RuleViolation(_("This file is not a PNG, JPEG or WebP image."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as probe:
                if probe.width * probe.height > MAX_PIXELS:
                    raise not_an_image
                probe.verify()
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
                upright = ImageOps.exif_transpose(image)
                mode = "RGBA" if "A" in upright.getbands() or "transparency" in upright.info else "RGB"
                pixels = upright.convert(mode)
                pixels.thumbnail(BOX)
                out = io.BytesIO()
                pixels.save(out, "WEBP", quality=90)  # neither EXIF, ICC nor XMP is written
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        raise not_an_image from None
    return out.getvalue()


def set_logo(enterprise: Enterprise, data: bytes, actor) -> None:
    content = redraw(data)
    digest = hashlib.sha256(content).hexdigest()[:16]
    if enterprise.logo is None:
        enterprise.logo = EnterpriseLogo(media_type=MEDIA_TYPE, digest=digest, content=content)
    else:
        enterprise.logo.media_type, enterprise.logo.digest, enterprise.logo.content = MEDIA_TYPE, digest, content
    record("enterprise.logo_changed", enterprise, {"digest": digest}, actor=actor)
    db.session.commit()


def remove_logo(enterprise: Enterprise, actor) -> None:
    if enterprise.logo is not None:
        enterprise.logo = None
        record("enterprise.logo_removed", enterprise, {}, actor=actor)
        db.session.commit()


def logo_of(key: str) -> EnterpriseLogo | None:
    """The stored logo with its bytes, or None."""
    return db.session.scalar(
        select(EnterpriseLogo).join(Enterprise).where(Enterprise.key == key).options(undefer(EnterpriseLogo.content))
    )
