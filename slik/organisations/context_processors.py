def tenant(request):
    """The organisation of a `/k/<org_slug>/` page and the user's membership there (resolved
    once by TenantMiddleware; None elsewhere). Nothing here may query: it runs on every page."""
    return {
        "organisation": getattr(request, "organisation", None),
        "membership": getattr(request, "membership", None),
    }
