from claims import admin_claims, admin_overdues  # noqa: F401  (claims handlers' and underwriters' screens)
