from .tenancy import memberships_of


def tenant(request):
    user = getattr(request, "user", None)
    memberships = (
        sorted(memberships_of(user).values(), key=lambda m: m.organisation.short_name)
        if user is not None
        else []
    )
    return {
        "organisation": getattr(request, "organisation", None),
        "membership": getattr(request, "membership", None),
        "my_memberships": memberships,
    }
