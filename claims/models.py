"""Django loads an app's models from `<app>.models`: this module only imports both concepts' tables.

Overdues (management) live in `claims.overdues.models`, claims (compensation) in
`claims.claims.models`; import them from there.
"""

from claims.claims.models import *  # noqa: F401, F403
from claims.overdues.models import *  # noqa: F401, F403
