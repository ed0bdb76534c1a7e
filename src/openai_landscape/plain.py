"""Value objects without dataclasses: `@dataclass` compiles generated methods when a module is
imported (about 2 ms a class here), which every command would pay before printing anything.

A subclass lists its fields with their defaults in `FIELDS`; a callable default is a factory
(`list`, `dict`). Arguments are positional in that order or by keyword; unknown ones are errors.
"""

from __future__ import annotations

from typing import Any, ClassVar


class Plain:
    FIELDS: ClassVar[dict[str, Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = list(self.FIELDS)
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} positional arguments")
        values = dict(zip(names, args, strict=False))
        for key, value in kwargs.items():
            if key not in self.FIELDS:
                raise TypeError(f"{type(self).__name__} has no field {key!r}")
            if key in values:
                raise TypeError(f"{type(self).__name__} got {key!r} twice")
            values[key] = value
        for name, default in self.FIELDS.items():
            if name in values:
                value = values[name]
            elif default is _REQUIRED:
                raise TypeError(f"{type(self).__name__} needs {name!r}")
            else:
                value = default() if callable(default) else default
            object.__setattr__(self, name, value)

    def _values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FIELDS}

    def replace(self, **changes: Any) -> Any:
        return type(self)(**{**self._values(), **changes})

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, *(repr(v) for v in self._values().values())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{k}={v!r}" for k, v in self._values().items()) + ")"


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


_REQUIRED = _Required()
REQUIRED: Any = _REQUIRED
