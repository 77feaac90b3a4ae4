"""Credit-limit requests in bulk, and the tenant's limits as a CSV download.

One pipeline, each step in its own module:
  rows.py        the fields of a row, its errors (by row number and field), the preview and the result
  csv_decode.py  a CSV file decoded into raw rows (plain dicts of strings, numbered by line)
  resolve.py     raw rows from any source resolved to the tenant's policies and buyers (`resolve_rows`)
  importer.py    resolved rows created through request_limit (all or nothing, or the valid rows),
                 and the one summary notification
  jobs.py        a CSV upload imported at once or queued for a worker (the outbox handler is in limits.tasks)
  csv_export.py  the tenant's limits as CSV lines
"""
