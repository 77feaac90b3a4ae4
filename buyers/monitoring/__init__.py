"""Early warnings on buyers: alerts raised per (tenant, buyer) by a daily job, stored as codes and parameters.

buyers owns the alert (models), the detectors' registry (registry), raising them once per cause with their
notices and webhook (services), the insured's reads (selectors) and the API (api). Detectors that read limits
and overdues live in those apps and register here (limits.monitoring, claims.monitoring), so buyers imports
neither; the job (job.py) runs every registered detector.
"""
