"""Settings for development, testing and production; environment variables override them.

`instance/fairmatch.cfg` (git-ignored) may override any setting on one machine.
"""

import os
from datetime import timedelta


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in instance/
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL")
    # Background work (docs/operations.md): with REDIS_URL, Celery carries jobs to `flask worker`
    # processes; without it, JOBS_THREADS threads of the web process run them.
    JOBS_DISPATCHER = os.environ.get("JOBS_DISPATCHER")  # celery, thread, inline or manual; None: by REDIS_URL
    JOBS_THREADS = int(os.environ.get("JOBS_THREADS", "2"))
    JOBS_WAIT_SECONDS = 1.0  # a document asked for is sent at once when it is ready within this time
    # Each web process builds its matching graph in the background from its first request on, so
    # that the first person to ask for matches finds it built (17 s of CPU at 100,000 enterprises).
    WARM_GRAPH = True
    # Email delivery of the outbox (docs/operations.md): off unless SMTP_URL is set.
    SMTP_URL = os.environ.get("SMTP_URL")
    MAIL_FROM = os.environ.get("MAIL_FROM")
    MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "8"))
    MAIL_RETRY_SECONDS = int(os.environ.get("MAIL_RETRY_SECONDS", "300"))  # doubles after each failure
    MAIL_RETRY_MAX_SECONDS = 6 * 3600
    # The address people use, for links in messages written outside a web request (commands, cron).
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")

    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    LANGUAGES = ("vi", "en")

    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    HSTS_SECONDS = 0  # Strict-Transport-Security only where the site is served over HTTPS
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)
    # The exchange document of a fair of 10,000 enterprises is about 17 MB; its import runs as a job.
    MAX_CONTENT_LENGTH = 64 * 1024 * 1024

    RATELIMIT_HEADERS_ENABLED = True
    # Limits per address are high: a fair's registration desk, or a whole company behind one NAT
    # address, signs many people in. Guessing is stopped by the limits per account (the typed email),
    # which count wrong passwords only. With several workers, REDIS_URL shares the counts.
    LOGIN_RATE_LIMIT = "300 per hour"  # sign-in attempts per address
    LOGIN_ACCOUNT_RATE_LIMIT = "5 per 15 minutes"  # failed sign-ins per account
    REGISTER_RATE_LIMIT = "60 per hour"  # registrations tried per address
    REGISTER_ACCOUNT_RATE_LIMIT = "10 per hour"  # registrations tried per email address
    PASSWORD_RESET_RATE_LIMIT = "60 per hour"  # reset links asked per address
    PASSWORD_RESET_ACCOUNT_RATE_LIMIT = "3 per hour"  # reset links asked per email address
    VERIFICATION_RESEND_RATE_LIMIT = "3 per 15 minutes"  # confirmation links re-sent per account
    LOCKOUT_THRESHOLD = 8  # failed logins in a row (across workers, in the database) before a lock
    LOCKOUT_MINUTES = 15
    EMAIL_VERIFICATION_HOURS = 48
    PASSWORD_RESET_HOURS = 2
    PASSWORD_MIN_LENGTH = 10
    PASSWORD_HASH_METHOD = "scrypt"
    PRIVACY_NOTICE_VERSION = "2026-11"


class DevelopmentConfig(Config):
    SECRET_KEY = Config.SECRET_KEY or "dev-only-not-secret"


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-only-not-secret"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    RATELIMIT_STORAGE_URI = "memory://"
    # Hashing is deliberately slow; tests need many accounts, not protection against cracking.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    REDIS_URL = None
    # Jobs run inside the request that starts them, so that a test sees their result at once;
    # tests of the queue itself choose `manual` or `thread`.
    JOBS_DISPATCHER = "inline"
    JOBS_TIMERS = False
    WARM_GRAPH = False
    SMTP_URL = None
    MAIL_FROM = None


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    HSTS_SECONDS = 365 * 24 * 3600


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
