"""Premium: turnover declarations, premium at the policy's rate, the minimum premium, maximum liability.

`calculation` is the pure arithmetic and the declaration periods (domain.md, Premium, example 10);
`models`, `services`, `selectors`, `turnover_csv`, `forms`, `views`, `api/` as in every app;
`liability` the maximum liability that claims read. `policies.tasks` holds the daily premium job.
"""
