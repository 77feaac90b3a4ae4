from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.tenancy import TenantOwned


class Tenant(models.Model):
    """An insured company: the policyholder, an exporter."""

    legal_name = models.CharField(_("legal name"), max_length=200)
    country = CountryField(_("country"))
    registration_number = models.CharField(_("registration number"), max_length=50)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    # What its users read (pages and e-mails) until each chooses their own language.
    language = models.CharField(_("default language"), max_length=10, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    is_active = models.BooleanField(default=True)
    # Set once a bank is made loss payee on one of its policies (policies.loss_payees.services): the events of
    # the many tenants without one then cost no query to find a bank to tell.
    has_loss_payees = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "registration_number"], name="tenant_unique_registration"),
        ]
        permissions = [
            ("manage_members", "Can manage the tenant's users"),
            ("manage_api_tokens", "Can manage the tenant's API tokens"),
        ]
        verbose_name = _("tenant")
        verbose_name_plural = _("tenants")

    def __str__(self):
        return self.legal_name


class Membership(models.Model):
    """Links a user to the one tenant they work for. Roles are the user's groups."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="memberships")
    # The user's language for pages and e-mails; blank: the browser's (pages) and the tenant's (e-mails) until
    # the user chooses one (set at the first sign-in from the browser's language, changed on the account page).
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} @ {self.tenant}"


class _ApiKey(models.Model):
    """What every API key has: only its SHA-256 is stored; the key is shown once."""

    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None


class ApiToken(TenantOwned, _ApiKey):
    """A tenant's API key. Only its SHA-256 is stored; the key is shown once.

    Each token acts through its own service user, whose groups are the roles
    the tenant admin gave it, so permissions and the audit trail work alike
    for the browser and the API.
    """

    service_user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_token")

    history = HistoricalRecords()

    class Meta(_ApiKey.Meta):
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")


class InsurerApiToken(_ApiKey):
    """The insurer's own API key, for staff tools and back-office integrations.

    Not tenant-owned: it reaches every tenant's claims, but only under the
    insurer API (/api/v1/insurer/); the middleware refuses it everywhere else.
    Only its SHA-256 is stored; the key is shown once. It acts through its own
    staff service user, whose groups are the staff roles it was given.
    """

    service_user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="insurer_api_token"
    )

    history = HistoricalRecords()

    class Meta(_ApiKey.Meta):
        verbose_name = _("insurer API token")
        verbose_name_plural = _("insurer API tokens")
