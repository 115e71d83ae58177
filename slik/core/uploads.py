"""Uploads past SLIK_MAX_UPLOAD_BYTES are dropped while the request is read, never stored.

Django's own handlers write a large upload to a temporary file before any view sees it, so a
limit checked in the view comes after a multi-gigabyte POST has filled the disk. This handler
runs first: it passes a file's chunks on to the storing handlers only while the files of the
request stay within the limit. Past it, the part stored so far is removed, the rest is read and
dropped (the proxy's own body limit should stop it sooner), and the view gets a `StoppedUpload`
– an empty file that says how large the upload was – which every file field of our forms
refuses with a clear message instead of “This field is required”.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext as _

from slik.core.formats import format_number

MB = 1024 * 1024


class StoppedUpload(UploadedFile):
    """A file dropped at the limit: its name and size as sent, and no content."""

    def __init__(self, *, name, content_type, size, limit):
        super().__init__(io.BytesIO(), name=name, content_type=content_type, size=size)
        self.limit = limit


class MaxSizeUploadHandler(FileUploadHandler):
    """The files of one request pass on to the storing handlers up to the limit together."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = settings.SLIK_MAX_UPLOAD_BYTES
        self.stored = 0  # bytes of this request's earlier files passed on
        self.received = 0
        self.stopped = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.stopped = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if not self.stopped and self.stored + self.received > self.limit:
            self.stopped = True
            self._drop_stored_part()
        return None if self.stopped else raw_data

    def file_complete(self, file_size):
        if not self.stopped:
            self.stored += self.received
            return None  # the storing handlers make the file
        return StoppedUpload(
            name=self.file_name,
            content_type=self.content_type,
            size=self.received,
            limit=self.limit,
        )

    def _drop_stored_part(self) -> None:
        # The handlers after this one hold the part that came before the limit; they are told
        # the upload was interrupted, as when a browser goes away (a temporary file is removed).
        handlers = list(getattr(self.request, "upload_handlers", ()))
        for handler in handlers[handlers.index(self) + 1 :] if self in handlers else ():
            handler.upload_interrupted()


def too_large_message(limit: int) -> str:
    return _("The file is larger than %(max)s MB.") % {"max": format_number(limit / MB, 1)}


def validate_upload(upload) -> None:
    """Refuse a file the upload handler dropped (added to every file field of our forms)."""
    if isinstance(upload, StoppedUpload):
        raise ValidationError(too_large_message(upload.limit), code="too_large")
