"""Reading Kredo's answers through the generated client: the expected status, or the problem details why not.

Shared by the example integration (erp_integration.py) and the insurer's side of it (insurer_side.py).
"""

from kredo_client.models import Problem
from kredo_client.types import Response


class KredoError(Exception):
    """An answer other than the expected one: its problem details (RFC 9457) say why."""

    def __init__(self, response: Response):
        self.status = int(response.status_code)
        problem = response.parsed if isinstance(response.parsed, Problem) else None
        self.code = problem.code if problem else ""
        self.errors = [(e.pointer, e.code, e.detail) for e in problem.errors] if problem else []
        detail = problem.detail if problem else response.content[:200].decode(errors="replace")
        super().__init__(f"{self.status} {self.code}: {detail} {self.errors}")


def expect(response: Response, *statuses: int):
    """The parsed answer if its status is one of `statuses`, else KredoError: branch on `code`, never on words."""
    if int(response.status_code) not in statuses:
        raise KredoError(response)
    return response.parsed
