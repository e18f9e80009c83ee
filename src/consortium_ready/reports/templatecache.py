"""The report templates, compiled once and kept between runs (Jinja2's bytecode cache), so that
`assess`, `report` and every save do not compile them again.

They are kept in the user's cache folder: `$XDG_CACHE_HOME/consortium-ready`, else
`~/.cache/consortium-ready` (`%LOCALAPPDATA%` on Windows). A compiled template is used only
when it was made from the same text (Jinja2 checks a checksum of the template's source), by
the same Python, and by the same Jinja2 with the same settings (a fingerprint of both names
the file): never a stale one. Loading a compiled template runs its code, so only one the
user alone could have written is loaded (store/usercache.read_private); where the platform
cannot tell (Windows), none is kept. Keeping them is only a saving. A cache that cannot be
read, written or trusted is passed over, and the templates are compiled as they would be
without it.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from consortium_ready.store.usercache import cache_folder, read_private, write_private

_SHAPING = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
)
"""The options of an environment that change the code its templates compile to."""


def compiled_settings(env: Environment, escaped: tuple[str, ...]) -> str:
    """Everything but a template's text that its compiled code depends on: `env`'s syntax,
    whitespace and extensions, and the name endings of the templates it escapes (`escaped`)."""
    shaping = [getattr(env, option) for option in _SHAPING]
    return repr((shaping, sorted(env.extensions), escaped))


class TemplateCache(FileSystemBytecodeCache):
    """Compiled templates in `folder`, made with `settings` (compiled_settings)."""

    def __init__(self, folder: Path, settings: str) -> None:
        fingerprint = hashlib.sha256(f"{jinja2.__version__}\0{settings}".encode()).hexdigest()
        super().__init__(str(folder), f"template-{fingerprint[:16]}-%s.cache")

    def _path(self, bucket: Bucket) -> Path:
        return Path(self.directory) / (self.pattern % bucket.key)

    def load_bytecode(self, bucket: Bucket) -> None:
        data = read_private(self._path(bucket))
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # damaged, whatever the fault: compile it instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the compiled template as the bank cache keeps a bank (write_private): in one
        step, as a file only the user may write, where it would be loaded from."""
        with contextlib.suppress(OSError):  # not kept, so compiled again next time
            write_private(self._path(bucket), bucket.bytecode_to_string())


def template_cache(settings: str) -> TemplateCache | None:
    """The cache of compiled templates in the user's cache folder, if there is one."""
    folder = cache_folder()
    return TemplateCache(folder / "templates", settings) if folder else None
