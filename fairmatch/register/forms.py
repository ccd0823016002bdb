"""The register page's forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired


class RegisterUploadForm(FlaskForm):
    document = FileField(
        _l("The register (.xlsx or UTF-8 .csv)"), [FileRequired(message=_l("Choose the register file to import."))]
    )
