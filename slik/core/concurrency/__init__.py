"""Optimistic locking for edit forms, and refusal of stale state transitions.

Two people may open the same edit form; without a check the second save silently overwrites
the first. Every edited model carries an integer `version`; its edit form carries the version it
was loaded from (a hidden field); the update service locks the row, compares and raises
`EditConflict` when someone saved in between. The view then shows the form again with what the
user typed, what is saved now, who saved it and when, and the current version, so a second save
is a deliberate overwrite. See docs/decisions/0005-optimistic-locking.md.

State transitions (a gate decision, publishing, a status change) are not edits: their forms
carry the state they were shown for, and the service refuses with `StaleState` when the object
has left it (two «go» on one case must not move it twice). A repeated transition to the state
the object is already in (a double click on "publish") is answered as done.

A form never leaves a check out: the hidden state it was loaded with arrives absent or mangled
from an old page or a hand-made request, and is then read as a value no object has, so the form
is refused as stale and shown again as things are now. `None` (not checked) is only for writes
that do not come from a form.

The rows' side is in `versions`, the forms' side in `forms`; both are used from here.
"""

from .forms import (
    LOADED_FIELDS,
    Conflict,
    LoadedCharField,
    LoadedIdsField,
    LoadedIntegerField,
    VersionedFormMixin,
    add_service_error,
    conflict_rows,
    form_save,
    form_status,
    is_stale,
    loaded_unreadable,
    refuse_stale,
    reload_hidden,
    requested_flag,
    show_conflict,
    shown_value,
    stale_message,
)
from .versions import (
    CONFLICT_STATUS,
    EditConflict,
    StaleState,
    Versioned,
    bump_version,
    last_change,
    lock,
    lock_version,
    save_versioned,
    subject_of,
)

__all__ = [
    "CONFLICT_STATUS",
    "LOADED_FIELDS",
    "Conflict",
    "EditConflict",
    "LoadedCharField",
    "LoadedIdsField",
    "LoadedIntegerField",
    "StaleState",
    "Versioned",
    "VersionedFormMixin",
    "add_service_error",
    "bump_version",
    "conflict_rows",
    "form_save",
    "form_status",
    "is_stale",
    "last_change",
    "loaded_unreadable",
    "lock",
    "lock_version",
    "refuse_stale",
    "reload_hidden",
    "requested_flag",
    "save_versioned",
    "show_conflict",
    "shown_value",
    "stale_message",
    "subject_of",
]
