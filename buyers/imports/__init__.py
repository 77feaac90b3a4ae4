"""The insurer's import of buyers from a CSV file of up to 100,000 rows, in the background.

On the shared import machinery (core.imports): the job and its errors (models.py), the file's columns and
each row's checks (rows.py), the scan for identifiers repeated in the file (scan.py), each batch resolved
against the registry by identifiers in a constant number of queries (resolve.py) and written in bulk
(writer.py), the upload (jobs.py), the worker's side (runner.py), the uploader's notice (events.py).

Deduplicated by identifiers: a row whose registration number, VAT number or LEI an existing buyer holds (in
its fields or its typed identifiers, same country) updates that buyer (the row's non-blank fields, the
identifiers it lacked, its grade) instead of creating a second one; identifiers of two different buyers on
one row, or one that contradicts the matched buyer's, are a row error (a merge is the underwriter's call).
A second row of the file with an identifier an earlier row gave is a row error naming that line: one row
per buyer, so a file never decides silently which of two rows' fields win.
"""
