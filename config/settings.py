"""Kredo settings, read from the environment (12-factor).

Unset variables give the embedded development default: SQLite in the project
folder, Celery tasks run inline (eager), e-mail printed to the console.
Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env(
    "SECRET_KEY",
    default="dev-only-insecure-key-change-me-3b1c0f2e9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2",
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "djmoney",
    "django_countries",
    "simple_history",
    "django_celery_beat",
    "django_htmx",
    "core",
    "accounts",
    "integrations",
    "policies",
    "buyers",
    "limits",
    "claims",
    "recoveries",
    "portal",  # last: reads across every area, nothing imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Resolves the tenant (session or API token) and wraps the request in its scope.
    "accounts.middleware.TenantScopeMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.tenant",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kredo <no-reply@kredo.local>")

# Money: the insurer reports exposure in one currency.
REPORTING_CURRENCY = env("REPORTING_CURRENCY", default="EUR")
CURRENCIES = None  # every ISO 4217 currency is allowed

# Celery: without a broker, tasks run inline so `make run` needs no Redis.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
# Reliability (tests/test_broker_faults.py kills workers and the broker to show it):
# a task is acknowledged only when it finished (acks_late), so a worker killed mid-task leaves it on the
# broker; a pool process killed mid-task is requeued at once (reject_on_worker_lost); a worker takes one
# task at a time, so a killed worker strands one task, not a prefetched batch.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis gives an unacknowledged task (its worker died) to another worker after the visibility timeout. It
# must exceed the longest countdown a task is scheduled with (process_outbox_message backs off up to
# 30 s x 2^7 = 64 min), or Redis would hand a waiting retry to a second worker. The outbox's beat job
# re-dispatches an unprocessed message after two minutes anyway, so a killed worker's work resumes in
# minutes, not hours; handlers are idempotent, so the later redelivery acts as nothing.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 60 * 60),
    "socket_connect_timeout": 2,
}
# A request whose on-commit dispatch finds the broker down answers after ~1 s, not after minutes of
# retries: the outbox row keeps the work and the beat job sends it later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# On a lost broker connection, a running acks_late task is cancelled and redelivered, not run twice.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    # Re-sends outbox messages whose on-commit dispatch failed (broker down).
    "dispatch-outbox": {"task": "core.tasks.dispatch_pending_outbox", "schedule": 60.0},
    # domain.md, Review: expiries, review dates, grade deterioration; idempotent.
    "review-limits": {"task": "limits.tasks.review_limits", "schedule": crontab(hour=2, minute=30)},
    "purge-idempotency-keys": {"task": "core.tasks.purge_idempotency_keys", "schedule": crontab(hour=3, minute=0)},
    # Webhook deliveries whose backoff has elapsed; each run works through the due ones.
    "retry-due-webhooks": {"task": "core.tasks.retry_due_webhooks", "schedule": 60.0},
    # Overdue and claim deadlines: reminders and flags, once each (domain.md, Overdues and Claims).
    "claim-deadlines": {"task": "claims.tasks.remind_claim_deadlines", "schedule": crontab(hour=6, minute=0)},
    # domain.md, Premium: missing turnover declarations, minimum-premium adjustment at period end; idempotent.
    "premium-reminders-and-adjustments": {"task": "policies.tasks.premium_reminders_and_adjustments",
                                          "schedule": crontab(hour=5, minute=0)},
}

# Claim documents: largest accepted upload; the type is checked on content too (claims.claims.documents).
CLAIM_DOCUMENT_MAX_BYTES = env.int("CLAIM_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Days before a deadline when the insured is reminded (claims.reminders).
CLAIM_REMINDER_DAYS = env.int("CLAIM_REMINDER_DAYS", default=7)
# CSV limit imports above this many rows run in the background (limits.bulk.jobs).
LIMITS_CSV_SYNC_MAX_ROWS = env.int("LIMITS_CSV_SYNC_MAX_ROWS", default=200)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.permissions.IsTenantMember"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "COERCE_DECIMAL_TO_STRING": True,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kredo API",
    "DESCRIPTION": (
        "Trade credit-insurance policy administration. Authenticate with "
        "`Authorization: Token <key>` (keys are created by the tenant admin; insurer staff and insurer "
        "tokens, created in the admin, use /api/v1/insurer/ only). "
        "Money is an object {amount: decimal string, currency: ISO 4217}. "
        "POST requests honour an `Idempotency-Key` header."
    ),
    "VERSION": "1.0.0",
    # 3.1 for the document's `webhooks`: every event with its body and signature headers (core/webhooks/schema.py).
    "OAS_VERSION": "3.1.0",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "core.webhooks.schema.add_webhooks"],
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    # Several models have a "state" field with different choices: name each set
    # (limits keep the name "StateEnum" they had before webhooks came).
    "ENUM_NAME_OVERRIDES": {
        "StateEnum": "limits.models.CreditLimit.State",
        "WebhookDeliveryStateEnum": "core.models.WebhookDelivery.State",
    },
}

# Webhooks go to public https:// URLs only; http://127.0.0.1 and localhost are
# accepted for development receivers when this is on (never in production).
WEBHOOKS_ALLOW_INSECURE_LOOPBACK = env.bool("WEBHOOKS_ALLOW_INSECURE_LOOPBACK", default=DEBUG)

# Idempotency keys are kept this long, then purged by a beat job.
IDEMPOTENCY_KEY_TTL_HOURS = env.int("IDEMPOTENCY_KEY_TTL_HOURS", default=72)

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
