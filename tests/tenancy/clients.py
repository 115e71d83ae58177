"""One test client for the whole sweep, signed in as whoever asks next.

Each new `Client` loads the middleware again, and WhiteNoise then indexes every static file;
across hundreds of requests that dominated the sweep's run time.
"""

from django.test import Client

_client = None


def client_for(user) -> Client:
    global _client
    if _client is None:
        _client = Client(raise_request_exception=False)
    _client.logout()
    _client.force_login(user)
    return _client
