from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, items, *, per_page: int | None = None):
    """A page of `items` from `?side=`; an out-of-range or bad number gives the nearest page."""
    paginator = Paginator(items, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("side"))
