"""Development on a laptop: `make run`."""

from .base import *  # noqa: F403
from .env import env, envbool

DEBUG = envbool("DEBUG", "True")
# A development-only key; production refuses to start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-slik")
