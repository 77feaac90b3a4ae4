"""Permissions-Policy: Kredo uses no camera, microphone, location or payment API, so no page may.

Denied for the page and every frame in it, so an injected script or an embedded third party
cannot ask for them either. (Content-Security-Policy comes from django-csp, configured in settings.)
"""

DENIED_FEATURES = (
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
    "microphone", "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
