"""The password policy, in one place for registration, change and reset."""

from flask import current_app
from flask_babel import gettext as _

# The most common choices in breach lists; a longer list would belong in a data file.
COMMON = {
    "password", "password1", "password123", "1234567890", "12345678910", "qwertyuiop",
    "0123456789", "matkhau123", "abc1234567", "iloveyou12", "1111111111", "admin12345",
}


def password_problems(password: str, email: str = "") -> list[str]:
    """What is wrong with `password`, as messages for the user; empty when it is acceptable."""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    problems = []
    if len(password) < minimum:
        problems.append(_("Use at least %(n)d characters.", n=minimum))
    if len(password) > 200:
        problems.append(_("Use at most 200 characters."))
    if password.lower() in COMMON or len(set(password)) < 4:
        problems.append(_("This password is too easy to guess."))
    local_part = email.split("@")[0].lower()
    if local_part and len(local_part) >= 4 and local_part in password.lower():
        problems.append(_("Do not put your email address in your password."))
    return problems
