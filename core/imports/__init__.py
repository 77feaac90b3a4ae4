"""What every background CSV import shares (limit requests, buyers): the job and its row errors, the stored
file read as a stream in batches, the batch runner (resume after the last committed batch, all or nothing),
progress and the errors file. Each import says what is particular to it in a `BatchImport`
(core.imports.runner): how a batch is resolved, written and counted, and who hears when it ends.

  models.py      the abstract job and row error models
  stream.py      a stored CSV file read as records and batches (encoding, separator, header, shape)
  runner.py      the batch loop: each batch one transaction with the job's counters
  jobs.py        an upload stored as a job, queued through the outbox in the same transaction
  selectors.py   progress, row errors, stalled jobs
  csv_errors.py  a job's row errors as CSV lines, streamed
"""
