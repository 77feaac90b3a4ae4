"""The top of the app order: pages that read across areas (the tenant's dashboard, the policy
statement) and the demo data. No domain app imports it."""
