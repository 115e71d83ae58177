from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from slik.organisations.tenancy import memberships_of


@login_required
def home(request):
    """Straight into the only organisation; a choice when there are several."""
    memberships = list(memberships_of(request.user).values())
    if len(memberships) == 1:
        return redirect("organisations:overview", org_slug=memberships[0].organisation.slug)
    return render(request, "core/home.html", {"memberships": memberships})


def health(request):
    """A minimal view: the benchmark's baseline and a load balancer's liveness check."""
    return HttpResponse("ok", content_type="text/plain")
