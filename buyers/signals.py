from django.dispatch import Signal

# Sent inside the merge transaction with `source` and `target` buyers, so apps
# below buyers (limits, claims) re-point their rows without buyers importing them.
buyers_merging = Signal()
