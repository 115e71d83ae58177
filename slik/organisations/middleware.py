from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve
from django_scopes import scope

from .tenancy import resolve_tenant


class TenantMiddleware:
    """Resolve `/k/<org_slug>/…` once per request and run the view inside that tenant's scope.

    Every scoped manager then filters by the organisation, and any query on tenant data outside
    a tenant URL raises instead of leaking (django-scopes).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.organisation = None
        request.membership = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        slug = match.kwargs.get("org_slug")
        if slug is None:
            return self.get_response(request)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        request.organisation, request.membership = resolve_tenant(request.user, slug)
        with scope(organisation=request.organisation.pk):
            return self.get_response(request)
