"""What a row of a list page shows, written in Python once per page rather than by a template
tag or filter per row: a `{% url %}`, a date filter or a `get_FOO_display` cost 30–40 µs each,
and a list page has 25 rows of them."""

from __future__ import annotations

from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from slik.core.formats import format_date, format_long_date
from slik.core.links import link_maker

from ..models import Commission, PlanGoal, StatusLevel


def choice_labels(choices) -> dict:
    """{value: label} of a field's choices, each label translated once."""
    return {value: str(label) for value, label in choices}


def goal_table_rows(goals, org_slug: str) -> list[SafeString]:
    """The rows of the goal list (`selectors.goals.plan_goals`), as the template's loop wrote
    them (compared in tests/test_page_rows.py)."""
    url = link_maker("portfolio:goal_detail", id_name="goal_id", org_slug=org_slug)
    sources = choice_labels(PlanGoal.Source.choices)
    return [
        mark_safe(  # noqa: S308 – every value is escaped
            f'<tr>\n    <th scope="row"><a class="ds-link" href="{escape(url(goal.id))}">'
            f"{escape(goal.title)}</a></th>\n"
            f"    <td>{escape(sources.get(goal.source, goal.source))}</td>\n"
            f'    <td class="slik-number">{goal.year:d}</td>\n'
            f"    <td>{escape(goal.reference or '–')}</td>\n"
            f'    <td class="slik-number">{goal.case_count}</td>\n'
            f'    <td class="slik-number">{goal.benefit_count}</td>\n  </tr>'
        )
        for goal in goals
    ]


def commission_table_rows(commissions, org_slug: str) -> list[SafeString]:
    """The rows of the commission list (`selectors.goals.commissions`), as the template's loop
    wrote them (compared in tests/test_page_rows.py)."""
    url = link_maker("portfolio:commission_detail", id_name="commission_id", org_slug=org_slug)
    statuses = choice_labels(Commission.Status.choices)
    return [
        mark_safe(  # noqa: S308 – every value is escaped
            f'<tr>\n    <th scope="row"><a class="ds-link" href="{escape(url(row.id))}">'
            f"{escape(row.title)}</a></th>\n"
            f"    <td>{escape(row.case_number)}</td>\n"
            f"    <td>{escape(row.body)}</td>\n"
            f'    <td><time datetime="{row.decided_on.isoformat()}">'
            f"{escape(format_long_date(row.decided_on))}</time></td>\n"
            f'    <td><span class="ds-tag" data-color="neutral">'
            f"{escape(statuses.get(row.status, row.status))}</span></td>\n"
            f'    <td class="slik-number">{row.case_count}</td>\n  </tr>'
        )
        for row in commissions
    ]


def meeting_table_rows(meetings, org_slug: str) -> list[SafeString]:
    """The rows of the meeting list (`selectors.board.board_meetings`), as the template's loop
    wrote them (compared in tests/test_page_rows.py)."""
    url = link_maker("portfolio:board_detail", id_name="meeting_id", org_slug=org_slug)
    approved = '<span class="ds-tag" data-color="success">' + escape(_("Approved")) + "</span>"
    not_approved = (
        '<span class="ds-tag" data-color="neutral">' + escape(_("Not approved")) + "</span>"
    )
    return [
        mark_safe(  # noqa: S308 – every value is escaped
            f'<tr>\n    <th scope="row"><a class="ds-link" href="{escape(url(row.id))}">'
            f"{escape(row.title)}</a></th>\n"
            f'    <td><time datetime="{row.held_on.isoformat()}">'
            f"{escape(format_long_date(row.held_on))}</time></td>\n"
            f'    <td class="slik-number">{row.item_count}</td>\n'
            f'    <td class="slik-number">{row.decided_count}</td>\n'
            f"    <td>{approved if row.is_closed else not_approved}</td>\n  </tr>"
        )
        for row in meetings
    ]


def status_table_rows(reports, org_slug: str, case_id: int) -> list[SafeString]:
    """The rows of a case's status reports (`selectors.status.status_report_rows`), as the
    template's loop wrote them (compared in tests/test_page_rows.py)."""
    url = link_maker(
        "portfolio:status_detail", id_name="report_id", org_slug=org_slug, case_id=case_id
    )
    levels = choice_labels(StatusLevel.choices)
    draft = '<span class="ds-tag" data-size="sm">' + escape(_("Draft")) + "</span>"
    return [
        mark_safe(  # noqa: S308 – every value is escaped
            f'<tr data-report="{row.id}">\n    <th scope="row"><a class="ds-link" '
            f'href="{escape(url(row.id))}">{escape(format_date(row.reported_on))}</a></th>\n'
            f"    <td>{escape(levels.get(row.overall, row.overall))}</td>\n"
            f"    <td>{escape(format_date(row.published_at)) if row.published_at else draft}"
            "</td>\n  </tr>"
        )
        for row in reports
    ]


_SMALL = 'class="ds-button" data-variant="tertiary" data-size="sm"'


def agenda_table_rows(items: list[dict], *, may_change: bool, csrf: str) -> SafeString:
    """The rows of the meeting page's agenda (`views.board.agenda_items`), as the template's
    loop wrote them (compared in tests/test_page_rows.py): a row had a dozen tags."""
    text = {
        "gate": escape(_("Gate decision")),
        "undecided": escape(_("Not decided")),
        "decide": escape(_("Record decision")),
        "up": escape(_("Move up")),
        "down": escape(_("Move down")),
        "remove": escape(_("Remove")),
        "csrf": f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf)}">',
    }
    last = len(items)
    return mark_safe(  # noqa: S308 – every value is escaped in _agenda_row
        "".join(_agenda_row(item, n, last, may_change, text) for n, item in enumerate(items, 1))
    )


def _agenda_row(item: dict, n: int, last: int, may_change: bool, text: dict) -> str:
    title = escape(item["case_title"])
    parts = [
        f'<tr id="agenda-item-{item["pk"]}">\n      <td class="slik-number">{n}</td>\n'
        f'      <th scope="row"><a class="ds-link" href="{escape(item["case_url"])}">{title}'
        f"</a></th>\n      <td>{escape(item['case_label'])} "
        f"({escape(item['case_status_label'])})</td>\n      <td>"
    ]
    if item["decision"]:
        parts.append(f"<strong>{escape(item['decision_label'])}</strong>\n        ")
        if item["gate_url"]:
            parts.append(
                f'<br><a class="ds-link" href="{escape(item["gate_url"])}">{text["gate"]}: '
                f"{escape(item['gate_label'])}</a>"
            )
        parts.append("\n        ")
    else:
        parts.append(f'<span class="slik-muted">{text["undecided"]}</span>')
    parts.append(f"</td>\n      <td>{linebreaksbr(item['comment'])}</td>\n      ")
    if may_change:
        parts.append(_agenda_actions(item, title, n == 1, n == last, text))
    parts.append("\n    </tr>")
    return "".join(parts)


def _agenda_actions(item: dict, title: str, first: bool, last: bool, text: dict) -> str:
    urls, open_item = item["urls"], not item["decision"]
    label = f'<span class="ds-sr-only">: {title}</span>'
    parts = ['<td><div class="slik-actions">\n        ']
    if open_item:
        parts.append(
            f'\n        <a class="ds-button" data-variant="primary" data-size="sm" '
            f'href="{escape(urls["decide"])}">{text["decide"]}{label}</a>\n        '
        )
    parts.append(
        f'\n        <form method="post" action="{escape(urls["move"])}">{text["csrf"]}\n          '
    )
    if not first:
        parts.append(
            f'<button {_SMALL} type="submit" name="direction" value="up">{text["up"]}{label}'
            "</button>"
        )
    parts.append("\n          ")
    if not last:
        parts.append(
            f'<button {_SMALL} type="submit" name="direction" value="down">{text["down"]}{label}'
            "</button>"
        )
    parts.append("\n        </form>\n        ")
    if open_item:
        parts.append(f'<a {_SMALL} href="{escape(urls["remove"])}">{text["remove"]}{label}</a>')
    parts.append("\n      </div></td>")
    return "".join(parts)
