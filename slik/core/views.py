from django.http import HttpResponse


def health(request):
    """A minimal view: the benchmark's baseline and a load balancer's liveness check."""
    return HttpResponse("ok", content_type="text/plain")
