from io import StringIO

from django.core.management import call_command


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()
