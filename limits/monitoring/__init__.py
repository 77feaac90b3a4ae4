"""Early warnings on the buyers an insured holds limits on: the detectors that read grades, payment experience
and limits (detectors.py, registered with buyers.monitoring), the insured's monitoring list and the
underwriters' review queue ordered by exposure at risk (selectors.py), their pages (views.py, admin_queue.py)
and the insurer API's queue (api.py)."""
