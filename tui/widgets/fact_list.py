"""A list of facts, each shown with its quote, with a cursor that says which fact is in view.

Used by the firm detail and the programme summary. Moving the cursor posts
:class:`FactList.FactHighlighted`, which the app turns into a highlight in the
source pane: the reader sees where the article says each fact.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Optional

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.model import Fact

NOT_STATED_TEXT = "not stated in the source"


def fact_prompt(fact: Fact) -> Content:
    """A fact as two or more lines: "Label: value", then its quote, all literal text."""
    label = Content(f"{fact.label}: ").stylize("bold $text-primary")
    value = Content(NOT_STATED_TEXT).stylize("italic $text-warning") if fact.value is None else Content(fact.value)
    prompt = label + value
    if fact.quote is not None:
        prompt += Content(f"\n“{fact.quote.text}”").stylize("italic $text-muted")
    return prompt + Content("\n")  # a blank line between facts


class FactList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    class FactHighlighted(Message):
        """The cursor is on ``fact`` (``None``: on nothing)."""

        def __init__(self, fact_list: FactList, fact: Optional[Fact]) -> None:
            super().__init__()
            self.fact_list = fact_list
            self.fact = fact

        @property
        def control(self) -> FactList:
            return self.fact_list

    def __init__(self, *, id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self._facts: list[Optional[Fact]] = []

    @property
    def fact(self) -> Optional[Fact]:
        """The fact under the cursor."""
        index = self.highlighted
        return self._facts[index] if index is not None and 0 <= index < len(self._facts) else None

    @property
    def facts(self) -> list[Fact]:
        return [fact for fact in self._facts if fact is not None]

    def show_facts(self, sections: Sequence[tuple[Optional[str], Sequence[Fact]]]) -> None:
        """Show the facts, grouped under headings (a heading of ``None`` shows none); cursor to the top."""
        options: list[Option] = []
        self._facts = []
        for heading, facts in sections:
            if heading is not None:
                options.append(Option(Content(heading).stylize("bold $text-accent underline"), disabled=True))
                self._facts.append(None)
            for fact in facts:
                options.append(Option(fact_prompt(fact)))
                self._facts.append(fact)
        self.set_options(options)
        self.highlighted = next((i for i, fact in enumerate(self._facts) if fact is not None), None)
        self.scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.FactHighlighted(self, self.fact))

    def action_cursor_up(self) -> None:
        """Up, stopping at the first fact (a fact list doesn't wrap around)."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """Down, stopping at the last fact."""
        self._step(1)

    def _step(self, direction: int) -> None:
        index = self.highlighted
        step = index + direction if index is not None else 0
        while 0 <= step < len(self._facts):
            if self._facts[step] is not None:
                self.highlighted = step
                return
            step += direction
        if direction < 0:
            self.scroll_home(animate=False)  # bring a heading above the first fact into view
