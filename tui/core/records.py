"""``NamedTuple`` for the data layer's records, without importing :mod:`typing` at run time.

Why: see the rule in :mod:`tui.core`. Type checkers see ``typing.NamedTuple``
itself (they read ``TYPE_CHECKING`` as true); at run time the class syntax
builds the same thing from
:func:`collections.namedtuple`: the annotated names are the fields, in order,
their values the defaults, and the class body's methods, properties and
docstring are the record's. Annotations are only read for their names, so the
modules using it say ``from __future__ import annotations`` and import their
typing names for type checkers only.
"""

from __future__ import annotations

from tui import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    _SKIPPED = frozenset({"__module__", "__qualname__", "__annotations__"})

    class _RecordType(type):
        def __new__(cls, name, bases, namespace):
            if not bases:  # NamedTuple itself
                return super().__new__(cls, name, bases, namespace)
            fields = list(namespace.get("__annotations__", {}))
            with_default = [field in namespace for field in fields]
            if with_default != sorted(with_default):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            defaults = [namespace[field] for field in fields if field in namespace]
            record = namedtuple(name, fields, defaults=defaults, module=namespace.get("__module__"))
            for key, value in namespace.items():
                if key not in _SKIPPED and key not in fields:
                    setattr(record, key, value)
            record.__annotations__ = dict(namespace.get("__annotations__", {}))
            record.__qualname__ = namespace.get("__qualname__", name)
            return record

    class NamedTuple(metaclass=_RecordType):
        """Subclass with annotated fields, as ``typing.NamedTuple``."""
