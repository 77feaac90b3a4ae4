"""The query count of every list endpoint of the API at page sizes 10 and 500, on the generated rows."""

from sections import Line

TENANT_LISTS = ["/api/v1/policies/", "/api/v1/limits/", "/api/v1/buyers/", "/api/v1/overdues/", "/api/v1/claims/",
                "/api/v1/turnover-declarations/", "/api/v1/webhooks/endpoints/", "/api/v1/webhooks/deliveries/",
                "/api/v1/collection-cases/", "/api/v1/claims/{claim}/recoveries/"]
INSURER_LISTS = ["/api/v1/insurer/claims/"]


def _count(client, url: str, headers: dict) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, **headers)  # a token's first use is recorded once; count the second request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response.status_code, len(queries)


def list_query_counts(creds, rows) -> list[Line]:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_scopes import scopes_disabled

    from accounts.roles import STAFF_ROLES
    from accounts.services import create_insurer_api_token

    with scopes_disabled():
        staff = get_user_model().objects.filter(is_staff=True, username__endswith="-claims").order_by("pk").first()
        _, insurer_key = create_insurer_api_token(name="bench", roles=list(STAFF_ROLES), created_by=staff)
    client = Client()
    lines = []
    for urls, key in ((TENANT_LISTS, creds["token"]), (INSURER_LISTS, insurer_key)):
        headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
        for url in urls:
            url = url.format(claim=rows["claim"].pk)
            (s10, q10), (s500, q500) = (_count(client, f"{url}?page_size={n}", headers) for n in (10, 500))
            figure = f"{q10} queries at 10, {q500} at 500" + ("" if s10 == s500 == 200 else f" (HTTP {s10}/{s500})")
            lines.append(Line(f"queries GET {url}", figure, "same at 10 and 500", q10 == q500 and s10 == 200))
    return lines
