"""factory-boy factories for accounts; higher apps build their people from these."""

import factory
from factory.django import DjangoModelFactory

from slik.accounts.models import User

# The password every test person has (the personas in conftest.py use the same).
PASSWORD = "test-passord-123"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@kommune.test")
    full_name = factory.Sequence(lambda n: f"Person {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the manager, as sign-up does: the password is hashed and the e-mail normalised.
        password = kwargs.pop("password", PASSWORD)
        return model_class.objects.create_user(*args, password=password, **kwargs)
