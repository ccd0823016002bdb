"""The password policy, in one place for registration, change and reset."""

from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

# The most common choices of 10 characters or more (the minimum), bundled with the app.
COMMON = frozenset(
    line.strip().lower()
    for line in (Path(__file__).with_name("common_passwords.txt")).read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


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
    email = (email or "").strip().lower()
    local_part = email.split("@")[0]
    if email and (email in password.lower() or (len(local_part) >= 4 and local_part in password.lower())):
        problems.append(_("Do not put your email address in your password."))
    return problems
