"""Which characters a data string may hold, and which can act on a terminal: named once.

The loader refuses them (:mod:`tui.core.loader`), the formats drop or escape them
(:mod:`tui.core.formats`) and problem messages show them as escapes
(:mod:`tui.core.problems`); all three build on the sets here, so they can't
disagree about what is dangerous.

The patterns are plain strings, not compiled: :mod:`re` compiles (and caches)
each the first time one is used, and a sound file, whose strings are all
printable, never needs them (compiling them all at import would cost every
``check`` and ``export``).
"""

from __future__ import annotations

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that reorder the text around them (the "Trojan Source" set)."""

LINE_SEPARATORS = frozenset("\u2028\u2029")
"""Not control characters, but line breaks to an editor or ``str.splitlines``."""

LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character ``str.splitlines`` ends a line at (LF, VT, FF, CR, the file, group and
record separators, NEL, U+2028, U+2029), as the inside of a character class: what a
line-based export must never let through from a data string."""

C0_C1 = "\x00-\x1f\x7f-\x9f"
"""The C0 controls, DEL and the C1 controls, as the inside of a character class."""

BIDI = "".join(sorted(BIDI_CONTROLS))
"""The bidirectional controls, as the inside of a character class."""

CONTROL = f"[{C0_C1}]"
"""A control character (tab and newline included)."""

BIDI_CONTROL = f"[{BIDI}]"
"""A bidirectional control."""

INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u115f\u1160"  # Hangul choseong and jungseong fillers
    "\u17b4\u17b5"  # Khmer inherent vowels
    "\u180b-\u180f"  # Mongolian variation selectors and vowel separator
    "\u200b-\u200f"  # zero-width space, non-joiner and joiner, left-to-right and right-to-left marks
    "\u202a-\u202e"  # bidirectional embeddings and overrides
    "\u2060-\u206f"  # word joiner, invisible operators, bidirectional isolates, deprecated format characters
    "\u2800"  # braille pattern blank
    "\u3164"  # Hangul filler
    "\ufe00-\ufe0f"  # variation selectors
    "\ufeff"  # byte order mark (zero-width no-break space)
    "\uffa0"  # halfwidth Hangul filler
    "\U0001d173-\U0001d17a"  # musical symbol formatting characters
    "\U000e0000-\U000e007f"  # tag characters
    "\U000e0100-\U000e01ef"  # variation selectors supplement
)
"""Characters that show nothing, as the inside of a character class: a name or id made only
of these (and spaces) looks empty, a blank row in the list and an id no one can type.
Some are printable to Python (the Hangul fillers, the variation selectors), so
``str.isprintable`` and ``str.strip`` alone can't tell."""

BLANK = f"[\\s{INVISIBLE}]*"
"""A string that shows nothing (spaces and :data:`INVISIBLE` only), for ``re.fullmatch``."""

SURROGATE = "[\ud800-\udfff]"
"""A lone surrogate: no file can hold one, but a file name's undecodable byte arrives as one."""


def is_unsafe(char: str) -> bool:
    """Whether ``char`` must be shown as an escape, never written out: a control, a
    bidirectional control, a line separator or a lone surrogate."""
    code = ord(char)
    return code < 0x20 or 0x7F <= code < 0xA0 or char in BIDI_CONTROLS or char in LINE_SEPARATORS or 0xD800 <= code < 0xE000
