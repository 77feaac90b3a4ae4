"""Kredo settings, read from the environment (12-factor).

Unset variables give the embedded development default: SQLite in the project
folder, Celery tasks run inline (eager), e-mail printed to the console.
Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.secret_key import is_real_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
# The development key is public (it is in this file): production must never sign sessions with it.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-3b1c0f2e9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2"
SECRET_KEY = env("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and not is_real_secret_key(SECRET_KEY, development_key=DEVELOPMENT_SECRET_KEY):
    raise ImproperlyConfigured(
        "DEBUG=0 needs a real SECRET_KEY: at least 50 characters, not the development key "
        "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "core.admin_config.KredoAdminConfig",  # django.contrib.admin, its dates bounded (core/admin_config.py)
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
    "axes",
    "csp",
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
    # /health/live and /health/ready, before the SSL redirect, the host check and the tenant scope.
    "core.health.HealthCheckMiddleware",
    # X-Request-ID in and out, one log line per request (core.logs).
    "core.logs.RequestIdMiddleware",
    # Read-your-writes with a replica: a browser that just wrote reads the primary (core.replica).
    "core.replica.ReadYourWritesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy on every response.
    "csp.middleware.CSPMiddleware",
    "core.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Bodies under /api/ larger than the API accepts: 413 before anything reads them (after Locale: its message
    # is in the request's language).
    "core.api.middleware.ApiBodySizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Resolves the tenant (session or API token) and wraps the request in its scope.
    "accounts.middleware.TenantScopeMiddleware",
    "core.logs.RequestActorMiddleware",  # the tenant and user just resolved, on every log line
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into core.lockout.lockout_response.
    "axes.middleware.AxesMiddleware",
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
            # |money and |number (core.formatting) in every template without a {% load %}.
            "builtins": ["core.templatetags.kredo_format"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections in production: a new PostgreSQL connection (TCP, a backend forked, authentication)
# cost every request 28-51 ms on the loaded bench machine, more than a detail view's queries (bench/RESULTS.md,
# "API overhead"). Checked before reuse in each request (CONN_HEALTH_CHECKS: a database restart costs one
# reconnect, not errors). Development (runserver, a thread a request) keeps closing them.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Optional streaming replica: only reads marked in core.replica (reports, exports) go there; never migrated.
# A test run uses the primary's test database for it (MIRROR).
if DATABASE_REPLICA_URL := env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {**env.db_url_config(DATABASE_REPLICA_URL), "ATOMIC_REQUESTS": False,
                            "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"], "CONN_HEALTH_CHECKS": True,
                            "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["core.replica.ReplicaRouter"]
# After a browser's request wrote, its marked reads use the primary this long (replica lag; core.replica).
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=15)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Content-Security-Policy (django-csp 4): scripts only from our own static files, no inline script
# (Swagger UI's start-up script is a file too). Inline style attributes are allowed: the admin
# screens use them and styles cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login lockout (django-axes, core.lockout): checked first, then the ordinary password check.
AUTHENTICATION_BACKENDS = ["core.lockout.LoginLockoutBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Its start-up banner on every command and worker says nothing an operator needs.
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date format per language in pages and the admin (config/formats/en: ISO instead of US dates).
FORMAT_MODULE_PATH = ["config.formats"]
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

# The cache holds read-mostly tables (core.readcache) and the API throttle counts. Several processes must share
# it, or one would keep reading a rate another has changed and each would count requests on its own: production
# points CACHE_URL at Redis, in a database of its own (not the broker's: the test suite clears the cache).
# Unset, each process has its own, right for one development server and the tests.
CACHE_URL = env("CACHE_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL, "KEY_PREFIX": "kredo"}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kredo"}
    )
}

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
# The daily and periodic jobs, each idempotent: config/beat.py.
from config.beat import CELERY_BEAT_SCHEDULE  # noqa: E402,F401

# Claim documents: largest accepted upload; the type is checked on content too (claims.claims.documents).
CLAIM_DOCUMENT_MAX_BYTES = env.int("CLAIM_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Archives among them (.docx, .xlsx, .zip) against decompression bombs (core.uploads).
UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES = env.int("UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES", default=100 * 1024 * 1024)
UPLOAD_ARCHIVE_MAX_RATIO = env.int("UPLOAD_ARCHIVE_MAX_RATIO", default=100)
UPLOAD_ARCHIVE_MAX_ENTRIES = env.int("UPLOAD_ARCHIVE_MAX_ENTRIES", default=1000)
# Days before a deadline when the insured is reminded (claims.reminders).
CLAIM_REMINDER_DAYS = env.int("CLAIM_REMINDER_DAYS", default=7)
# Percent of a limit unpaid on the insured's overdues from which the buyer is flagged (buyers.monitoring).
BUYER_ALERT_UTILISATION_PERCENT = env.int("BUYER_ALERT_UTILISATION_PERCENT", default=90)
# CSV limit imports above this many rows run in the background (limits.bulk.jobs).
LIMITS_CSV_SYNC_MAX_ROWS = env.int("LIMITS_CSV_SYNC_MAX_ROWS", default=200)
# Largest CSV file a background import stores (limits.bulk.stream); the API lets multipart bodies this large in.
IMPORT_FILE_MAX_BYTES = env.int("IMPORT_FILE_MAX_BYTES", default=50 * 1024 * 1024)
# Rows a background limit import resolves and writes per transaction (limits.bulk.runner).
LIMIT_IMPORT_BATCH_SIZE = env.int("LIMIT_IMPORT_BATCH_SIZE", default=1000)
# Rows per committed batch of a buyer import (buyers.imports).
BUYER_IMPORT_BATCH_SIZE = env.int("BUYER_IMPORT_BATCH_SIZE", default=1000)
# Golden-copy records matched per query and committed per batch (buyers.gleif), as `import_gleif --batch-size`.
GLEIF_IMPORT_BATCH_SIZE = env.int("GLEIF_IMPORT_BATCH_SIZE", default=2000)

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
    # JSON bodies bounded in depth (core.api.parsers); forms and uploads as DRF parses them.
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "COERCE_DECIMAL_TO_STRING": True,
    # Per token and per IP, rates from API_THROTTLE_RATES below (core.throttles).
    "DEFAULT_THROTTLE_CLASSES": ["core.throttles.TokenRateThrottle", "core.throttles.IpRateThrottle"],
    # Proxies in front of the app whose X-Forwarded-For entry is trusted; 0: the client's own address,
    # so a client cannot pick its IP budget by sending the header.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
API_THROTTLE_RATES = {
    "token": env("API_RATE_PER_TOKEN", default="240/min"),
    "ip": env("API_RATE_PER_IP", default="600/min"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kredo API",
    "DESCRIPTION": (
        "Trade credit-insurance policy administration. Authenticate with "
        "`Authorization: Token <key>` (keys are created by the tenant admin; insurer staff and insurer "
        "tokens, created in the admin, use /api/v1/insurer/ only). "
        "Money is an object {amount: decimal string, currency: ISO 4217}. "
        "POST requests honour an `Idempotency-Key` header. "
        "Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code` and an `errors` "
        "list of {pointer, code, detail}; see docs/api.md."
    ),
    "VERSION": "1.0.0",
    # 3.1 for the document's `webhooks`: every event with its body and signature headers (core/webhooks/schema.py).
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Every operation documents its problem+json error answers (core.api.schema); every webhook event its body.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.add_problem_responses",
        "core.webhooks.schema.add_webhooks",
        # Last: add_webhooks rebuilds the components, this one rewrites them for client generators.
        "core.api.schema.for_generated_clients",
    ],
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
        "ProposalStateEnum": "policies.proposals.models.Proposal.State",
        "QuoteStateEnum": "policies.proposals.models.Quote.State",
        "QuoteDeclineReasonEnum": "policies.proposals.models.Quote.DeclineReason",
        # The limit and buyer imports share one job state; a notice's kind is non-renewal or cancellation.
        "ImportJobStateEnum": "core.imports.models.ImportJob.State",
        "PolicyNoticeKindEnum": "policies.periods.models.PolicyNotice.Kind",
        "BuyerKindEnum": "buyers.models.Buyer.Kind",
    },
}

# Webhooks go to public https:// URLs only; http://127.0.0.1 and localhost are
# accepted for development receivers when this is on (never in production).
WEBHOOKS_ALLOW_INSECURE_LOOPBACK = env.bool("WEBHOOKS_ALLOW_INSECURE_LOOPBACK", default=DEBUG)

# Deepest nesting of a JSON request body (core.api.parsers); deeper is a 400, never a RecursionError.
API_MAX_JSON_DEPTH = env.int("API_MAX_JSON_DEPTH", default=32)
# /health/ready fails when an outbox message waits longer than this (workers or beat down).
HEALTH_OUTBOX_MAX_AGE_SECONDS = env.int("HEALTH_OUTBOX_MAX_AGE_SECONDS", default=600)

# Idempotency keys are kept this long, then purged by a beat job.
IDEMPOTENCY_KEY_TTL_HOURS = env.int("IDEMPOTENCY_KEY_TTL_HOURS", default=72)
# A key still "in progress" after this long belongs to a request whose process died: a new request takes it over.
IDEMPOTENCY_IN_FLIGHT_SECONDS = env.int("IDEMPOTENCY_IN_FLIGHT_SECONDS", default=300)

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# One JSON object a line in production (request id, tenant, user; secrets masked: core.logs).
LOG_FORMAT = env("LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "context": {"()": "core.logs.ContextFilter"},
        "sensitive": {"()": "core.logs.SensitiveDataFilter"},
    },
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["context", "sensitive"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
# Celery workers keep this configuration (JSON, masking) instead of installing their own root handler.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Error pages and reports hide secrets in settings and request headers.
DEFAULT_EXCEPTION_REPORTER_FILTER = "core.logs.ExceptionReporterFilter"

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
