from flask import Blueprint

blueprint = Blueprint("editions", __name__, url_prefix="/organizer/editions")
