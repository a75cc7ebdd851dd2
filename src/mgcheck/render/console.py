"""The two output streams: results on stdout, diagnostics on stderr; JSON never through Rich.

Whatever reaches either stream passes :mod:`mgcheck.safetext` first, so no control character
from a note, a food table or a file name reaches the terminal raw; a reader that goes away
(``| head -1``) ends mgcheck quietly with exit 0.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn, TextIO

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Text


def reader_gone() -> NoReturn:
    """The reader of stdout went away (``| head``): stop quietly, exit 0.

    stdout is pointed at /dev/null first, so the interpreter's final flush cannot fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass
    raise SystemExit(0)


class Unpadded(io.TextIOBase):
    """Standard output for a pipe or a file: each finished line without the spaces Rich pads
    it with to the console's width. Everything else passes through (``buffer`` for exact
    data, ``fileno``, ``encoding``); a line not yet finished (a prompt) goes out on flush."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._stream.errors

    @property
    def buffer(self) -> BinaryIO:
        return self._stream.buffer


def unpad_stdout() -> None:
    """Strip Rich's padding from every line that goes to a pipe or a file (the real entry
    point calls this once; a terminal keeps its output as Rich draws it)."""
    if sys.stdout is not None and not sys.stdout.isatty() and not isinstance(sys.stdout, Unpadded):
        sys.stdout = Unpadded(sys.stdout)


def stdout_is_terminal() -> bool:
    return bool(sys.stdout is not None and sys.stdout.isatty())


def stdout_is_utf8() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8")


_console_class: type[Console] | None = None


def _safe_console_class() -> type[Console]:
    global _console_class
    if _console_class is not None:
        return _console_class
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        """A Console that shows control characters instead of sending them, at the last step."""

        def render_str(self, text: str, **kwargs: Any) -> Text:
            from mgcheck.safetext import visible

            # Before Rich measures the text, so a visible symbol gets its cell.
            return super().render_str(visible(text), **kwargs)

        _rendering = False  # inside a render already: what it yields passes the outer one

        def render(
            self, renderable: RenderableType, options: ConsoleOptions | None = None
        ) -> Iterable[Segment]:
            # Rich renders nested renderables (panels, tables, their cells) by calling render
            # again; checking every segment at each level cost more than the drawing.
            if self._rendering:
                yield from super().render(renderable, options)
                return
            from mgcheck.safetext import visible

            self._rendering = True
            try:
                for segment in super().render(renderable, options):
                    if segment.control is None and segment.text:
                        clean = visible(segment.text)
                        if clean is not segment.text:
                            segment = Segment(clean, segment.style)
                    yield segment
            finally:
                self._rendering = False

        def on_broken_pipe(self) -> None:
            reader_gone()

    _console_class = SafeConsole
    return SafeConsole


def stdout_console() -> Console:
    # Rich honours NO_COLOR, TERM=dumb and pipes by itself; highlighting would colour numbers
    # in food names and notes, which are data, not markup.
    console = _safe_console_class()(highlight=False)
    # Measured once: Rich otherwise asks the environment and the terminal for the size at
    # every print and every wrapped text (over a thousand times for `mgcheck sources`).
    console.size = console.size
    return console


def protect_typer_help() -> None:
    """Typer prints --help and usage errors through its own Rich consoles: a closed pipe there
    is exit 0 too (Rich's default turns it into exit 1)."""
    from rich.console import Console

    Console.on_broken_pipe = lambda self: reader_gone()  # type: ignore[method-assign]


def write_text(text: str) -> None:
    """Plain text on stdout (no Rich), shown visibly when it goes to a terminal."""
    from mgcheck.safetext import visible

    sys.stdout.write(visible(text) if stdout_is_terminal() else text)


def write_data(text: str) -> None:
    """A data file (a CSV or JSON export) on stdout: exact UTF-8 bytes into a file or pipe,
    whatever the locale, so it reads back unchanged; made visible in a terminal."""
    if stdout_is_terminal():
        write_text(text)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def write_json(kind: str, payload: Mapping[str, object]) -> None:
    """Write a versioned envelope: ``{"schema": "mgcheck.<kind>", "schema_version": 1, ...}``.
    ``payload`` is the document's ``...Payload`` of models/outputs.py, typed so by its builder."""
    from mgcheck.envelope import envelope
    from mgcheck.i18n import current
    from mgcheck.safetext import dumps

    document = envelope(kind, payload, current())
    sys.stdout.write(dumps(document, ascii_only=not stdout_is_utf8()) + "\n")


def error_line(message: str) -> None:
    """Plain lines on stderr, each prefixed: no markup, so brackets in a file name print as is.

    A message of several lines (several problems in one answers file) gives one line each;
    outside text inside a message is put on its line by :func:`mgcheck.safetext.shown`.
    """
    from mgcheck.safetext import visible

    stream = sys.stderr
    if stream is None:
        return
    try:
        for line in message.splitlines() or [""]:
            stream.write(f"mgcheck: {visible(line)}\n")
        stream.flush()
    except (OSError, ValueError):
        pass  # stderr closed or gone: the exit code still tells


_MENU_LINE = re.compile(r"^(\s*\d+\.) (.*)$", re.DOTALL)


def two_columns(rows: Iterable[tuple[str | Text, RenderableType]], *, gap: int = 1) -> Table:
    """Each row's label, then its text with the text's wrapped lines under its first (a
    hanging indent); the labels a column as wide as the widest, never wrapped. The layout of
    every list of a name and what it says: the welcome screen's commands, "Sources: ...", a
    help's "Examples: ...", the schemas, a numbered option of a question."""
    from rich.table import Table

    grid = Table.grid(padding=(0, gap))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for label, text in rows:
        grid.add_row(label, text)
    return grid


class Sayer:
    """How the questions print a line: plain text, and a numbered option ("  12. …") with its
    wrapped lines under the label, not under the number, so a long option stays readable.
    ``width`` is the console's: :class:`mgcheck.cli.prompts.Prompter` wraps its prompts to it
    (:func:`prompt_lines`), as the console wraps what is said."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self.width = console.width

    def __call__(self, text: str) -> None:
        console = self._console
        match = _MENU_LINE.match(text)
        if match is None:
            console.print(text, markup=False, highlight=False)
            return
        from rich.text import Text

        console.print(two_columns([(Text(match.group(1)), Text(match.group(2)))]))


def sayer(console: Console) -> Sayer:
    """The questions' way of printing a line on ``console`` (see :class:`Sayer`)."""
    return Sayer(console)


def prompt_lines(prompt: str, width: int) -> list[str]:
    """A question for ``input()`` on a terminal ``width`` columns wide, wrapped at spaces so
    the terminal never breaks a word: the last line (with the prompt's own ending, the space
    before the answer) is what ``input()`` shows, the lines before it are printed first. A
    prompt that fits is one line, exactly as given; a word longer than a line (a file name)
    has a line of its own."""
    from rich.cells import cell_len

    if cell_len(prompt) <= width:
        return [prompt]
    body = prompt.rstrip(" ")
    ending = prompt[len(body) :]
    lines: list[str] = []
    for paragraph in body.split("\n"):
        line = ""
        for word in (w for w in paragraph.split(" ") if w):  # a no-break space keeps "400 mg"
            if line and cell_len(f"{line} {word}") > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    last = lines[-1]
    if cell_len(last + ending) > width and " " in last:  # the answer's space on the next line
        head, _space, word = last.rpartition(" ")
        lines[-1:] = [head, word]
    lines[-1] += ending
    return lines


# A number and the unit after it (Danish and English): "400 mg", "2 point", "84 nætter", "95 %".
_UNIT = re.compile(
    r"(?<=\d) (?=(?:mg|g|µg|points?|nights?|nætter|nat|weeks?|uger?|pairs?|par|days?|dage?)\b|%)"
)


def keep_units(text: str) -> str:
    """``text`` with a no-break space between each number and its unit, so no line parts them."""
    return _UNIT.sub("\u00a0", text)


def paragraph(console: Console, text: str, style: str | None = None, label: str = "") -> None:
    """Print ``text`` (after a bold ``label``) wrapped at the console's width at ordinary spaces
    only, as the questions are (:func:`prompt_lines`): a number never parts from its unit. The
    lines keep plain spaces (the no-break ones only steer the wrapping), so what is printed
    reads, copies and compares as ordinary text."""
    from rich.text import Text

    lines = prompt_lines(keep_units(f"{label}: {text}" if label else text), console.width)
    for index, line in enumerate(lines):
        shown = Text(line.replace("\u00a0", " "), style=style or "")
        if index == 0 and label:
            shown.stylize("bold", 0, len(label) + 1)
        console.print(shown, no_wrap=True, overflow="ignore")
