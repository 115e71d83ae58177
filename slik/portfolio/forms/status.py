"""The status report of a case: a level and a comment per dimension."""

from django import forms

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DateInput, DsModelForm

from ..models import StatusReport


class StatusReportForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = StatusReport
        fields = [
            "reported_on",
            *(
                name
                for dimension in StatusReport.DIMENSIONS
                for name in (dimension, f"{dimension}_comment")
            ),
        ]
        widgets = {
            "reported_on": DateInput(),
            **{
                f"{dimension}_comment": forms.Textarea(attrs={"rows": 2})
                for dimension in StatusReport.DIMENSIONS
            },
        }
