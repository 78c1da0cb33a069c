"""Writing files and directories so that a reader never sees half of one.

A file is written to a temporary file beside its target, flushed to disk and
renamed over it; a directory of files (an export) is built beside its target
and swapped in whole.  Writing follows a symbolic link to the file it names,
refuses targets that are not regular files (a device, a FIFO), creates new
files under the process's umask and keeps an existing file's mode.  Errors
name the target, not the temporary file.  Temporary files left by an
interrupted write (a killed process) are removed by the next write in the
same directory.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from scocoop._core.errors import show

__all__ = ["write_atomically", "write_directory"]

_PREFIX = ".scocoop-"
_SUFFIX = ".tmp"


def _temporary_name(directory: Path) -> Path:
    return directory / f"{_PREFIX}{os.getpid()}-{os.urandom(6).hex()}{_SUFFIX}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_BACKUP = "-was-"


def _backup_name(real: Path) -> Path:
    """Where an old directory waits while a new one takes its place: the name says whose it is."""
    return real.parent / f"{_PREFIX}{os.getpid()}-{os.urandom(6).hex()}{_BACKUP}{real.name}{_SUFFIX}"


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories in one step (Linux's renameat2 with RENAME_EXCHANGE); False where it cannot."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # the kernel or the file system cannot exchange: take two steps
    raise OSError(error, os.strerror(error), os.fspath(second))


def _remove_stale(directory: Path) -> None:
    """Remove the temporary files and directories of writes whose process has died.

    An old directory kept aside by a swap that a crash interrupted is put back
    where it belongs if nothing took its place, and removed only if something did.
    """
    try:
        entries = list(directory.glob(f"{_PREFIX}*{_SUFFIX}"))
    except OSError:
        return
    for entry in entries:
        pid_text = entry.name[len(_PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        if _BACKUP in entry.name:
            owner = directory / entry.name[entry.name.index(_BACKUP) + len(_BACKUP) : -len(_SUFFIX)]
            if not os.path.lexists(owner):
                with contextlib.suppress(OSError):  # left for the next write
                    entry.rename(owner)
                continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                import shutil  # imported when needed: importing scocoop stays cheap

                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            pass


@contextmanager
def _naming(target: Path) -> Iterator[None]:
    """Re-raise an OSError with the target's name in place of a temporary file's."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None:
            raise
        raise type(exc)(exc.errno, exc.strerror, os.fspath(target)) from exc


def _resolve(target: Path) -> Path:
    """The file a path names, through symbolic links; refused if it exists and is not a regular file."""
    real = Path(os.path.realpath(target))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real
    if not stat.S_ISREG(mode):
        raise OSError(
            errno.EINVAL, "not a regular file; scocoop writes only regular files", os.fspath(target)
        )
    return real


def _write_file(path: Path, data: bytes, mode: int | None) -> None:
    # O_EXCL: never write through a file someone else created; 0o666 lets the umask decide.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(descriptor, "wb") as stream:
        if mode is not None:
            os.fchmod(stream.fileno(), mode)
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to the file ``target`` names, replacing it whole or not at all.

    Raises:
        OSError: The target is not a regular file, or cannot be written; the
            error names ``target``.
    """
    with _naming(target):
        real = _resolve(target)
        try:
            mode: int | None = stat.S_IMODE(real.stat().st_mode)
        except FileNotFoundError:
            mode = None
        _remove_stale(real.parent)
        temporary = _temporary_name(real.parent)
        try:
            _write_file(temporary, data, mode)
            temporary.replace(real)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def _carried(target: Path, real: Path, files: Mapping[str, bytes], keep: Callable[[str], bool]) -> list[Path]:
    """The files of ``real`` to carry into the new directory; refuses a directory with others."""
    if real.exists() and not real.is_dir():
        raise OSError(errno.ENOTDIR, "not a directory", os.fspath(target))
    carried = []
    if real.is_dir():
        if not os.access(real, os.W_OK | os.X_OK):
            raise OSError(errno.EACCES, "the directory is read-only; nothing was changed", os.fspath(target))
        for entry in sorted(real.iterdir()):
            plain_file = entry.is_file() and not entry.is_symlink()
            if entry.name in files and plain_file:
                continue  # replaced by the new file of that name
            if not (plain_file and keep(entry.name)):
                raise OSError(
                    errno.EEXIST,
                    f"the directory holds {show(entry.name)}, which is not part of an export;"
                    " export into a new or empty directory",
                    os.fspath(target),
                )
            carried.append(entry)
    return carried


def write_directory(target: Path, files: Mapping[str, bytes], keep: Callable[[str], bool]) -> None:
    """Make ``target`` a directory holding ``files``, swapped in whole.

    Files already in ``target`` that ``files`` does not replace are carried
    over when ``keep`` accepts their names (the files of another export
    format); any other file makes the write refuse before anything changes,
    so that no unrelated file is lost.

    Raises:
        OSError: ``target`` exists and is not a directory, holds files that
            ``keep`` refuses, or cannot be written; the error names ``target``.
    """
    import shutil  # imported when needed: importing scocoop stays cheap

    with _naming(target):
        real = Path(os.path.realpath(target))
        carried = _carried(target, real, files, keep)
        real.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(real.parent)
        building = _temporary_name(real.parent)
        old = _backup_name(real)
        try:
            building.mkdir(0o777)
            for name, data in sorted(files.items()):
                _write_file(building / name, data, None)
            for entry in carried:
                shutil.copy2(entry, building / entry.name)
            if real.is_dir():
                building.chmod(stat.S_IMODE(real.stat().st_mode))
                if _exchange(building, real):
                    # One step: the target held the old package, then the new one.
                    shutil.rmtree(building, ignore_errors=True)
                else:
                    # Two steps, where the system has no exchange: the old package is kept
                    # under a name that says where it belongs, and a later write puts it back
                    # if a crash came between them (see _remove_stale).
                    real.rename(old)
                    building.rename(real)
                    shutil.rmtree(old, ignore_errors=True)
            else:
                building.rename(real)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            if old.exists() and not real.exists():
                old.rename(real)
            raise
