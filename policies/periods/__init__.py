"""Insurance periods of a policy, their renewal, non-renewal and cancellation (issue 10, item 3; domain.md, The
policy's life). Models in models.py (loaded by policies.models), writes in services.py, reads in selectors.py."""
