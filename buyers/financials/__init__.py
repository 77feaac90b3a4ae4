"""Buyers' financial statements per year: the model, the underwriter's writes, the CSV import, the admin.

  models.py      FinancialStatement (one per buyer and year; CHECKs on what cannot be negative)
  services.py    record_financial_statement(): the one write every door uses
  csv_import.py  statements from a CSV file, all or nothing, every row error at once
  admin.py       the underwriters' screens (a list, an inline on the buyer, the CSV upload)
"""
