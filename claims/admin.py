"""The admin screens of both concepts: underwriters' on overdues, claims handlers' on claims."""

from claims.claims import admin as claim_admin  # noqa: F401
from claims.overdues import admin as overdue_admin  # noqa: F401
