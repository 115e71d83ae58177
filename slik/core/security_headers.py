"""Permissions-Policy on every response (the Content Security Policy comes from django-csp).

SLIK uses no camera, microphone, location, payment or other device feature, so no page may —
nor anything that ever got injected into one.
"""

from django.conf import settings


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}={allowlist}" for feature, allowlist in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
