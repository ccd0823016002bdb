"""Email through SMTP with the standard library: the `SMTP_URL` setting, composing a message, and a
connection that is opened once per run and reused.

Plain Python (no Flask, no SQLAlchemy), so that it can be tested against any SMTP server alone.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from urllib.parse import parse_qsl, unquote, urlsplit

YES = ("1", "true", "yes", "on")
NO = ("0", "false", "no", "off")


class BadMailSettings(ValueError):
    """`SMTP_URL` or `MAIL_FROM` cannot be used; the message says why, in English, for the admin."""


class DeliveryError(Exception):
    """One message could not be handed to the SMTP server; `str()` is the reason to store."""


class ServerUnavailable(DeliveryError):
    """No usable connection to the server (refused, timed out, TLS or login failed)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    implicit_tls: bool = False
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    timeout: float = 10.0

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpSettings:
    """`smtp://[user[:password]@]host[:port][?starttls=1&timeout=S]` or `smtps://…` (implicit TLS).

    Default ports: 465 for smtps, 587 for smtp with STARTTLS, 25 for plain smtp. The user name and
    password are percent-decoded (write `@` as `%40`).
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise BadMailSettings(f"SMTP_URL: {error}") from None
    if parts.scheme not in ("smtp", "smtps"):
        raise BadMailSettings(f"SMTP_URL: the scheme must be smtp:// or smtps://, not {parts.scheme or 'nothing'!r}")
    if not parts.hostname:
        raise BadMailSettings("SMTP_URL: no host name")
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(options) - {"starttls", "timeout"})
    if unknown:
        raise BadMailSettings(f"SMTP_URL: unknown option {unknown[0]!r} (use starttls=1 or timeout=S)")
    starttls = options.get("starttls", "0").lower()
    if starttls not in YES + NO:
        raise BadMailSettings(f"SMTP_URL: starttls must be 1 or 0, not {starttls!r}")
    starttls_on = starttls in YES
    implicit_tls = parts.scheme == "smtps"
    if implicit_tls and starttls_on:
        raise BadMailSettings("SMTP_URL: smtps:// is already encrypted; starttls=1 is for smtp://")
    try:
        timeout = float(options.get("timeout", "10"))
    except ValueError:
        timeout = 0
    if not 0 < timeout <= 600:
        raise BadMailSettings(f"SMTP_URL: timeout must be a number of seconds up to 600, not {options['timeout']!r}")
    if port is None:
        port = 465 if implicit_tls else 587 if starttls_on else 25
    return SmtpSettings(
        host=parts.hostname,
        port=port,
        implicit_tls=implicit_tls,
        starttls=starttls_on,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        timeout=timeout,
    )


def check_sender(sender: str | None) -> str:
    """The `MAIL_FROM` address, e.g. `Hội chợ <no-reply@fair.example.vn>`; refused when missing."""
    _, address = parseaddr(sender or "")
    if "@" not in address:
        raise BadMailSettings("MAIL_FROM: set the sender address of the emails, e.g. 'fairmatch <no-reply@fair.vn>'")
    return sender


def compose(*, sender: str, to: str, subject: str, text: str, language: str, message_id: str,
            date: datetime) -> EmailMessage:
    """A plain-text UTF-8 email. Headers with Vietnamese are encoded on the way out."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    # RFC 3834: tells mail servers and out-of-office responders not to answer automatically.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text, charset="utf-8")
    message["Content-Language"] = language  # after set_content, which replaces every Content-* header
    return message


def sender_domain(sender: str) -> str:
    return parseaddr(sender)[1].rpartition("@")[2] or "localhost"


class Mailer:
    """One SMTP connection for a run of deliveries, opened on the first message.

    When the server cannot be reached, every later `send` of the run fails at once with the same
    reason instead of waiting for another time-out.
    """

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self.connection: smtplib.SMTP | None = None
        self.unavailable: ServerUnavailable | None = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send(self, message: EmailMessage) -> None:
        if self.connection is None:
            self._connect()
        try:
            self.connection.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            code, reply = next(iter(error.recipients.values()))
            raise DeliveryError(f"recipient refused: {code} {_text(reply)}") from None
        except smtplib.SMTPResponseException as error:
            raise DeliveryError(f"{error.smtp_code} {_text(error.smtp_error)}") from None
        except smtplib.SMTPNotSupportedError as error:  # e.g. a non-ASCII address the server cannot take
            raise DeliveryError(str(error)) from None
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            raise DeliveryError(f"connection lost: {error}") from None

    def _connect(self) -> None:
        if self.unavailable is not None:
            raise self.unavailable
        settings = self.settings
        context = ssl.create_default_context()
        try:
            if settings.implicit_tls:
                connection = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                              context=context)
            else:
                connection = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
            try:
                connection.ehlo()
                if settings.starttls:
                    connection.starttls(context=context)
                    connection.ehlo()
                if settings.username:
                    connection.login(settings.username, settings.password or "")
            except BaseException:
                connection.close()
                raise
        except smtplib.SMTPResponseException as error:
            self.unavailable = ServerUnavailable(f"{settings.address}: {error.smtp_code} {_text(error.smtp_error)}")
            raise self.unavailable from None
        except (smtplib.SMTPException, OSError) as error:
            self.unavailable = ServerUnavailable(f"{settings.address}: {error or type(error).__name__}")
            raise self.unavailable from None
        self.connection = connection

    def close(self) -> None:
        if self.connection is None:
            return
        try:
            self.connection.quit()
        except (smtplib.SMTPException, OSError):
            self.connection.close()
        self.connection = None


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
