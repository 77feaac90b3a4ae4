"""The risk check before selling (issue 15, item 6): what a limit of an amount on a buyer or a prospect would
meet, read-only: service.py answers, forms.py / views.py the page, api.py `POST /api/v1/risk-check/`."""
