from claims import admin_claims  # noqa: F401  (claims handlers' screens)
