"""The one exception family of signon.

Every error a user can cause is a :class:`SignonError` subclass whose
``exit_code`` is the one the SPEC assigns; the CLI prints ``str(error)`` as one
sentence on stderr and exits with that code.  Library code raises, never prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, Self

if TYPE_CHECKING:
    from collections.abc import Sequence

    from signon.check import CheckResult


class Remedy(NamedTuple):
    """An operation that would do what a message asks for, as data rather than as text.

    ``operation`` is the name of the command (and of the :class:`~signon.workspace.Workspace`
    method, with ``-`` as ``_``) that does it, ``args`` its values in order and ``options``
    its keyword arguments; "…" stands for what the user fills in.  The library's message
    says what to do in words ("merge them"); the command line adds the command that does
    it (`signon merge a b`), so that the library never speaks the command line's syntax.
    """

    operation: str
    args: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"operation": self.operation, "args": list(self.args),
                "options": dict(self.options)}


class SignonError(Exception):
    """Base class: a problem the user can act on.

    The message is neutral text a Python caller can show as is.  ``override`` names the
    keyword argument of the library call that would let the operation go ahead anyway
    (``"force"``, ``"drop_comments"``); the command line turns it into its own flag
    (``--force``), so that the library never speaks of flags.  ``hint`` names the keyword
    arguments that would give the call what it lacks, each with an example value
    (``[("start", "TEXT"), ("end", "TEXT")]``); the command line shows them as its flags.
    ``remedies`` are the operations that would fix the problem (:class:`Remedy`): any
    one of them, or all of them in turn when ``remedies_needed`` is ``"all"``.
    ``argument`` is the keyword argument a message begins by naming ("since 'May' is not
    a date"); the command line names its option instead ("--since 'May' …").
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        override: str | None = None,
        hint: Sequence[tuple[str, str]] = (),
        remedies: Sequence[Remedy] = (),
        remedies_needed: str = "any",
        argument: str = "",
    ) -> None:
        super().__init__(message)
        self.override = override
        self.hint = tuple(hint)
        self.remedies = tuple(remedies)
        self.remedies_needed = remedies_needed
        self.argument = argument

    def reworded(self, message: str) -> Self:
        """This error with another message (usually the same one, extended), keeping what
        it carries besides: its override, hints, remedies and the fields of its class."""
        new = Exception.__new__(type(self))
        new.args = (message,)
        new.__dict__.update(self.__dict__)
        return new


class RefusedInput(SignonError):
    """A bad value, a likely duplicate, an unknown id (exit 3)."""

    exit_code = 3


class WorkspaceFileError(SignonError):
    """A workspace file signon cannot use or safely rewrite (exit 4)."""

    exit_code = 4


class IOFailure(SignonError):
    """Lock timeout, permission, disk (exit 5): nothing was half-written."""

    exit_code = 5


class NotAWorkspace(SignonError):
    """No orgs.toml found walking up from the current folder (exit 4).

    ``named``: the folder was named by the caller (not found by walking up)."""

    exit_code = 4

    def __init__(self, message: str, *, folder: str = "", named: bool = False) -> None:
        super().__init__(message)
        self.folder = folder
        self.named = named


class TemplateError(WorkspaceFileError):
    """A letter template that does not render (exit 4 in compose/export)."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None,
                 override: str | None = None) -> None:
        super().__init__(message, override=override)
        self.path = path
        self.line = line


class LetterHasErrors(SignonError):
    """``compose``/``export`` refused a letter that ``check`` finds errors in (exit 1).

    ``results`` holds the check results of the refused
    letters, so that a caller can show every finding as ``check`` does.
    """

    exit_code = 1

    def __init__(self, message: str, results: list[CheckResult]) -> None:
        super().__init__(message, override="force")
        self.results = results
