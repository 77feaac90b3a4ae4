# English pages and the admin show dates one way, the ISO form the forms ask for and the API and CSV files
# write, instead of Django's US defaults ("12/01/2026 7:33 a.m.") beside ISO dates. Spanish and Chinese keep
# Django's own locale formats. Input formats are Django's (ISO first).
DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1
