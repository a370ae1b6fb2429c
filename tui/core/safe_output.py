"""What output may hold: data strings made safe for a terminal, Markdown and JSON.

Every format in :mod:`tui.core.formats` (and the coverage report) passes data
through here, so "no control character or escape sequence from the data reaches
the output" is kept in one place. The patterns are plain strings that :mod:`re`
compiles (and caches) the first time one is used (see :mod:`tui.core.characters`):
most runs need none of them, since every character they act on is unprintable
and data strings rarely hold one.
"""

from __future__ import annotations

import re

from tui.core.characters import BIDI, C0_C1, LINE_BREAKS, LINE_SEPARATORS, SURROGATE

_ESCAPE_SEQUENCE = r"""(?x)
      \x1b\[ [0-?]* [ -/]* [@-~]?                     # CSI: colours, cursor moves
    | \x1b[\]PX^_] [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)?  # OSC, DCS, SOS, PM, APC up to BEL or ST
    | \x1b [ -/]* [0-~]?                              # any other ESC sequence
    | \x9b [0-?]* [ -/]* [@-~]?                       # C1 CSI
    | [\x90\x98\x9d\x9e\x9f] [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)?  # C1 string controls
"""
_SPACE_LIKE = f"[\t{LINE_BREAKS}]+"
_CONTROL = f"[{C0_C1}{BIDI}]"
_SURROGATE = SURROGATE

_JSON_UNSAFE = "[\x7f-\x9f" + "".join(sorted(LINE_SEPARATORS)) + "\ud800-\udfff" + BIDI + "]"
"""What json.dumps(ensure_ascii=False) leaves raw but a terminal or a JavaScript parser must not see."""

_MARKDOWN_SPECIAL = r"([\\`*_\[\]<>|~$#&])"
"""Characters that can start Markdown (or GitHub's) inline syntax; escaped, they read literally."""


def clean(text: str) -> str:
    """``text`` with nothing in it that can act on a terminal or reorder what is around it.

    Escape sequences (ESC or C1 introduced) go entirely, parameters and all;
    tabs and every line break ``str.splitlines`` knows (newlines, U+2028 and
    U+2029 among them) become one space (a data string is one line in every
    format); every other C0 or C1 control, DEL and
    the bidirectional controls are dropped; a lone surrogate, which no file can
    hold, becomes U+FFFD. A string without any of these comes back unchanged.
    """
    if text.isprintable():
        return text  # the usual case: everything below acts on unprintable characters only
    text = re.sub(_ESCAPE_SEQUENCE, "", text)
    text = re.sub(_SPACE_LIKE, " ", text)
    text = re.sub(_CONTROL, "", text)
    return re.sub(_SURROGATE, "\ufffd", text)


def json_safe(document: str) -> str:
    """JSON text with the characters ``_JSON_UNSAFE`` names written as ``\\uXXXX`` escapes.

    They can only occur inside string literals (JSON's own syntax is ASCII), where
    the escape means exactly the same character, so ``json.loads`` is unaffected.
    """
    return re.sub(_JSON_UNSAFE, lambda match: f"\\u{ord(match.group()):04x}", document)


def markdown_escape(text: str) -> str:
    """``text`` cleaned, and escaped so Markdown shows it literally.

    Backslash escapes of ASCII punctuation always stand for the character itself
    (CommonMark), so the escaping changes how the source looks, never what it says.
    """
    return re.sub(_MARKDOWN_SPECIAL, r"\\\1", clean(text))
