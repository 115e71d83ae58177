"""Pages of a list from `?side=`.

`paginate` counts the list in a query of its own before it reads the page. `counted_page` reads
a `values_list` page whose query also carries `COUNT(*) OVER ()`, the size of the whole filtered
list, on each row: one query instead of two, the same page and the same numbers (the floke and
case lists, decision 0019). Only a page number past the end (a stale or hand-made link) needs the
count first, and goes through `paginate`, which gives the last page as before.
"""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

from .filters import MAX_ID


def paginate(request, items, *, per_page: int | None = None):
    """A page of `items` from `?side=`; an out-of-range or bad number gives the nearest page."""
    paginator = Paginator(items, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("side"))


def counted_page(request, rows, *, per_page: int | None = None) -> Page:
    """`paginate(request, rows)` for a `values_list` queryset (or a list, paginated as usual):
    the page's rows are the queryset's tuples."""
    if isinstance(rows, list):
        return paginate(request, rows, per_page=per_page)
    per_page = per_page or settings.PAGE_SIZE
    number = _number(request.GET.get("side"))
    start = (number - 1) * per_page
    if number < 1 or start + per_page > MAX_ID:  # past any list: the database refuses the offset
        return paginate(request, rows, per_page=per_page)
    counted = rows.annotate(page_total=Window(Count("*")))[start : start + per_page]
    found = list(counted)
    if not found and number > 1:
        return paginate(request, rows, per_page=per_page)
    paginator = Paginator(rows, per_page)
    paginator.count = found[0][-1] if found else 0  # a cached_property: no COUNT query
    return Page([row[:-1] for row in found], number, paginator)


def _number(value) -> int:
    """The page asked for, as `Paginator.get_page` reads it: not a whole number → the first."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1
