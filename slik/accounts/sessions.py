"""The session engine (SESSION_ENGINE): Django's database sessions, read with SQL compiled once.

Every request with a session cookie reads its row; compiling `Session.objects.get(...)` cost
more than running it (slik/core/compiled.py). Expiry is checked on the row read by its key,
which is what the `expire_date__gt=now` of Django's query does.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from slik.core.compiled import CompiledRead

_BY_KEY = CompiledRead(
    lambda key: Session.objects.filter(session_key=key), "slik-session-key-marker"
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        found = _BY_KEY.objects(self.session_key) if self.session_key else []
        if found and found[0].expire_date > timezone.now():
            return found[0]
        self._session_key = None
        return None
