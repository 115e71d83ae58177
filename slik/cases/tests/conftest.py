from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases import services

TODAY = timezone.localdate()


def url(name, case=None, **kwargs):
    """The address of a cases view in Hvaler, of `case` when given."""
    if case is not None:
        kwargs["case_id"] = case.pk
    return reverse(f"cases:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def decide(case, actor, decision, **extra):
    values = {
        "decided_by": "Ledergruppen",
        "decided_on": timezone.localdate(),
        "basis": "",
        "conditions": "",
        "reason": "",
        "override_reason": "",
    }
    values.update(extra)
    with scope(organisation=case.organisation_id):
        return services.case_gate_decide(actor=actor, case=case, decision=decision, **values)


def audit_actions(case, prefix=""):
    from slik.core.models import AuditEvent

    with scope(organisation=case.organisation_id):
        return list(
            AuditEvent.objects.filter(
                organisation_id=case.organisation_id,
                object_id=case.pk,
                action__startswith=prefix,
            )
            .order_by("id")
            .values_list("action", flat=True)
        )
