"""Writes for tenants, members and API tokens."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from accounts.models import ApiToken, InsurerApiToken, Membership, Tenant
from accounts.roles import STAFF_ROLES, TENANT_ROLES
from core.exceptions import DomainError

TOKEN_PREFIX_LENGTH = 8
# Writing last_used_at on every call would make each API read a write.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def hash_token(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


def _check_roles(roles: list[str]) -> list[Group]:
    unknown = sorted(set(roles) - set(TENANT_ROLES))
    if unknown or not roles:
        raise DomainError(_("Choose one or more of the tenant roles."), field="roles")
    return list(Group.objects.filter(name__in=roles))


@transaction.atomic
def create_tenant(*, legal_name: str, country: str, registration_number: str, **contact) -> Tenant:
    tenant = Tenant(legal_name=legal_name, country=country, registration_number=registration_number, **contact)
    tenant.full_clean()
    tenant.save()
    return tenant


@transaction.atomic
def add_member(
    *, tenant: Tenant, username: str, email: str, roles: list[str], password: str | None = None,
    first_name: str = "", last_name: str = "",
):
    groups = _check_roles(roles)
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise DomainError(_("This username is taken."), field="username")
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.set(groups)
    Membership.objects.create(user=user, tenant=tenant)
    return user


def _service_user(*, username_prefix: str, name: str, groups, is_staff: bool = False):
    """The user a key acts through: no password, so it can never log in; its groups are the key's roles."""
    User = get_user_model()
    user = User(username=f"{username_prefix}-{secrets.token_hex(8)}", first_name=name[:150], is_active=True,
                is_staff=is_staff)
    user.set_unusable_password()
    user.save()
    user.groups.set(groups)
    return user


def _key_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the token a name."), field="name")
    return name


def _revoke(token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        token.service_user.is_active = False
        token.service_user.save(update_fields=["is_active"])
    return token


def _touch(manager, token) -> None:
    """Record use at most once per LAST_USED_RESOLUTION, so every request doesn't write."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        manager.filter(pk=token.pk).update(last_used_at=now)


@sensitive_variables("raw_key")  # error reports never show a raw key
@transaction.atomic
def create_api_token(*, tenant: Tenant, created_by, name: str, roles: list[str]) -> tuple[ApiToken, str]:
    """Create a token; return it with the raw key, which is never stored nor shown again."""
    name = _key_name(name)
    groups = _check_roles(roles)
    raw_key = secrets.token_urlsafe(32)
    service_user = _service_user(username_prefix="api-token", name=name, groups=groups)
    Membership.objects.create(user=service_user, tenant=tenant)
    token = ApiToken.objects.create(tenant=tenant, name=name, prefix=raw_key[:TOKEN_PREFIX_LENGTH],
                                    key_hash=hash_token(raw_key), service_user=service_user, created_by=created_by)
    return token, raw_key


@transaction.atomic
def revoke_api_token(*, token: ApiToken) -> ApiToken:
    return _revoke(token)


@sensitive_variables("raw_key")  # error reports never show a raw key
def authenticate_api_token(raw_key: str) -> ApiToken | None:
    """The active token for a raw key, or None. Runs before any tenant is known."""
    token = (
        ApiToken.objects.with_scopes_disabled()
        .select_related("tenant", "service_user")
        .filter(key_hash=hash_token(raw_key), revoked_at__isnull=True, tenant__is_active=True)
        .first()
    )
    if token is None or not token.service_user.is_active:
        return None
    _touch(ApiToken.objects.with_scopes_disabled(), token)
    return token


@sensitive_variables("raw_key")  # error reports never show a raw key
@transaction.atomic
def create_insurer_api_token(*, name: str, roles: list[str], created_by) -> tuple[InsurerApiToken, str]:
    """An insurer-side token acting through a new staff service user; the raw key is never stored nor shown again."""
    name = _key_name(name)
    unknown = sorted(set(roles or []) - set(STAFF_ROLES))
    if unknown or not roles:
        raise DomainError(_("Choose one or more of the insurer staff roles."), field="roles")
    raw_key = secrets.token_urlsafe(32)
    # Staff so that the insurer API lets it in; no password, so it can never log in to the admin.
    service_user = _service_user(username_prefix="insurer-api-token", name=name,
                                 groups=Group.objects.filter(name__in=roles), is_staff=True)
    token = InsurerApiToken.objects.create(name=name, prefix=raw_key[:TOKEN_PREFIX_LENGTH],
                                           key_hash=hash_token(raw_key), service_user=service_user,
                                           created_by=created_by)
    return token, raw_key


@transaction.atomic
def revoke_insurer_api_token(*, token: InsurerApiToken) -> InsurerApiToken:
    return _revoke(token)


@sensitive_variables("raw_key")  # error reports never show a raw key
def authenticate_insurer_api_token(raw_key: str) -> InsurerApiToken | None:
    """The active insurer token for a raw key, or None."""
    token = (
        InsurerApiToken.objects.select_related("service_user")
        .filter(key_hash=hash_token(raw_key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not (token.service_user.is_active and token.service_user.is_staff):
        return None
    _touch(InsurerApiToken.objects, token)
    return token


def _other_active_admin_exists(tenant: Tenant, user) -> bool:
    from accounts.roles import TENANT_ADMIN

    User = get_user_model()
    return (
        User.objects.filter(membership__tenant=tenant, is_active=True, groups__name=TENANT_ADMIN, api_token__isnull=True)
        .exclude(pk=user.pk)
        .exists()
    )


@transaction.atomic
def set_member_roles(*, tenant: Tenant, user, roles: list[str], acting_user=None):
    from accounts.roles import TENANT_ADMIN

    groups = _check_roles(roles)
    if TENANT_ADMIN not in roles and not _other_active_admin_exists(tenant, user):
        raise DomainError(_("The tenant must keep at least one active tenant admin."), field="roles")
    user.groups.set(groups)
    return user


@transaction.atomic
def set_member_active(*, tenant: Tenant, user, active: bool, acting_user=None):
    if not active:
        if acting_user is not None and acting_user.pk == user.pk:
            raise DomainError(_("You cannot deactivate yourself."))
        if not _other_active_admin_exists(tenant, user) and user.groups.filter(name="Tenant admin").exists():
            raise DomainError(_("The tenant must keep at least one active tenant admin."))
    user.is_active = active
    user.save(update_fields=["is_active"])
    return user


def send_invitation(*, user, tenant: Tenant, base_url: str) -> None:
    """E-mail a one-time link (Django's password-reset token) to choose a password, after commit."""
    from django.contrib.auth.tokens import default_token_generator
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    path = reverse(
        "password_reset_confirm",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)},
    )
    link = base_url.rstrip("/") + path
    subject = _("You are invited to Kredo for %(tenant)s") % {"tenant": tenant.legal_name}
    body = _("Choose your password here: %(link)s") % {"link": link}
    transaction.on_commit(lambda: send_mail(subject, body, None, [user.email]))


def set_language_preference(*, user, language: str) -> bool:
    """The user's language for pages and e-mails (their membership's); False for a user of no tenant."""
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose one of the languages offered."), field="language")
    return Membership.objects.filter(user_id=user.pk).update(language=language) > 0


def remember_first_language(*, user, language: str) -> None:
    """At the first sign-in the browser's language becomes the user's, until they choose another."""
    if language in dict(settings.LANGUAGES):
        Membership.objects.filter(user_id=user.pk, language="").update(language=language)
