"""Django's error handlers: problem details for API paths (core.api.errors), Django's own pages elsewhere."""

import sys

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views import defaults

from core.api.errors import OUTAGES, problem_for_request
from core.api.middleware import API_PREFIX
from core.api.problems import RETRY_AFTER_UNAVAILABLE


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request, exception):
    if _is_api(request):
        return problem_for_request(request, 400, exception)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if _is_api(request):
        return problem_for_request(request, 403, exception)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if _is_api(request):
        return problem_for_request(request, 404, exception)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return problem_for_request(request, 500)
    if isinstance(sys.exc_info()[1], OUTAGES):
        # No template: rendering one may need what is down.
        return HttpResponse(f"<h1>{_('Service unavailable')}</h1><p>{_('Please try again in a moment.')}</p>",
                            status=503, headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE)})
    return defaults.server_error(request)
