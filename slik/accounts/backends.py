"""The password backend: Django's ModelBackend, with the signed-in person read by SQL compiled
once per process (every request reads them; slik/core/compiled.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from slik.core.compiled import CompiledRead

_BY_ID = CompiledRead(lambda pk: get_user_model()._default_manager.filter(pk=pk), -7_300_002)


class PasswordBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            pk = get_user_model()._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        found = _BY_ID.objects(pk)
        if found and self.user_can_authenticate(found[0]):
            return found[0]
        return None
