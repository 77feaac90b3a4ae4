"""The stack's floor: Django + DRF answering a small JSON from an APIView, nothing else.

Served by the same gunicorn settings as Kredo in `make bench`, measured in the same run, interleaved, so
every Kredo figure is read against what this machine, today, can serve at all.

    gunicorn --chdir bench floor_app:application --workers 2
"""

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="floor-only",  # noqa: S105  (a benchmark app, no secrets)
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    MIDDLEWARE=[],
    DATABASES={},
    REST_FRAMEWORK={
        "DEFAULT_AUTHENTICATION_CLASSES": [],
        "DEFAULT_PERMISSION_CLASSES": [],
        "UNAUTHENTICATED_USER": None,
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    },
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework.response import Response  # noqa: E402
from rest_framework.views import APIView  # noqa: E402


class Floor(APIView):
    def get(self, request):
        return Response({"id": 1, "state": "in_force", "amount": {"amount": "40000.00", "currency": "EUR"}})


urlpatterns = [path("", Floor.as_view())]
application = get_wsgi_application()
