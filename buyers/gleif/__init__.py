"""The GLEIF golden copy (LEI-CDF Level 1, CSV) read into the buyer registry: `manage.py import_gleif`.

The file (records.py: its columns, a .csv or a .zip holding one, streamed batch by batch through the import
machinery's reader, core.imports.stream) only fills in what the registry already holds: a confirmed buyer
with the record's LEI gets GLEIF's legal name and statuses; a confirmed buyer without an LEI whose country and
national registration number are the record's registration authority entity id gets the LEI. A record
matching no buyer is counted, never created as a buyer: the registry holds the buyers insureds trade with,
not the world's legal entities. Pending buyers (an insured's unconfirmed proposal) are left alone: what
they are is the underwriter's call first. Matched and written per batch in a constant number of queries
(apply.py), with the registry's history kept.
"""
