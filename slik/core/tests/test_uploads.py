"""Uploads past SLIK_MAX_UPLOAD_BYTES are counted and dropped while the request is read: no
handler after ours stores more than the limit, the view gets an empty stand-in that says how
large the file was, and every file field of our forms refuses it with a clear message."""

from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import JsonResponse
from django.test import override_settings
from django.urls import path

from slik.core.forms import DsForm

LIMIT = 300 * 1024


class Reached(FileUploadHandler):
    """Placed right after the project's handler: counts what reaches the handlers that store."""

    largest = 0

    def receive_data_chunk(self, raw_data, start):
        type(self).largest = max(type(self).largest, start + len(raw_data))
        return raw_data

    def file_complete(self, file_size):
        return None


class UploadForm(DsForm):
    file = forms.FileField()
    note = forms.CharField(required=False)


def upload_view(request):
    form = UploadForm(request.POST, request.FILES)
    stored = sorted(p.stat().st_size for p in Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir())
    files = {
        name: {"size": upload.size, "content": len(upload.read())}
        for name, upload in request.FILES.items()
    }
    return JsonResponse(
        {
            "valid": form.is_valid(),
            "errors": form.errors.get_json_data(),
            "note": request.POST.get("note"),
            "files": files,
            "temp_files": stored,
        }
    )


urlpatterns = [path("upload/", upload_view)]


def handlers_with_probe() -> list[str]:
    handlers = list(settings.FILE_UPLOAD_HANDLERS)
    storing = handlers.index("django.core.files.uploadhandler.MemoryFileUploadHandler")
    return [*handlers[:storing], f"{__name__}.Reached", *handlers[storing:]]


@pytest.fixture
def post(client, tmp_path):
    Reached.largest = 0

    def send(data):
        with override_settings(
            SLIK_MAX_UPLOAD_BYTES=LIMIT,
            FILE_UPLOAD_HANDLERS=handlers_with_probe(),
            FILE_UPLOAD_TEMP_DIR=str(tmp_path),
            # Every file to a temporary file, as a large upload would go.
            FILE_UPLOAD_MAX_MEMORY_SIZE=0,
        ):
            return client.post("/upload/", data).json()

    return send


pytestmark = pytest.mark.urls(__name__)


def test_file_past_the_limit_is_never_stored(post):
    seen = post({"note": "kept", "file": SimpleUploadedFile("big.csv", b"x" * (3 * LIMIT))})
    assert Reached.largest <= LIMIT
    assert seen["temp_files"] == []  # the part written before the limit is removed
    assert seen["files"]["file"] == {"size": 3 * LIMIT, "content": 0}
    assert seen["note"] == "kept"


def test_file_past_the_limit_is_refused_by_the_form_with_its_size(post):
    seen = post({"file": SimpleUploadedFile("big.csv", b"x" * (LIMIT + 1))})
    assert not seen["valid"]
    [error] = seen["errors"]["file"]
    assert error["code"] == "too_large"
    assert "0,3 MB" in error["message"]  # the limit as nb writes it, the default language


def test_file_within_the_limit_arrives_whole(post):
    seen = post({"file": SimpleUploadedFile("small.csv", b"x" * LIMIT)})
    assert seen["valid"]
    assert seen["files"]["file"] == {"size": LIMIT, "content": LIMIT}
    assert Reached.largest == LIMIT


def test_files_of_one_request_share_the_limit(post):
    first = SimpleUploadedFile("a.csv", b"a" * (LIMIT // 2 + 1))
    second = SimpleUploadedFile("b.csv", b"b" * (LIMIT // 2 + 1))
    seen = post({"file": first, "other": second})
    assert seen["files"]["file"]["content"] == LIMIT // 2 + 1
    assert seen["files"]["other"]["content"] == 0
    assert Reached.largest <= LIMIT // 2 + 1


def test_the_default_limit_leaves_room_for_the_import_limit():
    assert settings.SLIK_MAX_UPLOAD_BYTES == 5 * 1024 * 1024
    assert settings.FILE_UPLOAD_HANDLERS[0] == "slik.core.uploads.MaxSizeUploadHandler"
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.SLIK_MAX_UPLOAD_BYTES
