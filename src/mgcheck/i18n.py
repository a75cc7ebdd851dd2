"""Language choice, the message catalogue and locale-aware numbers.

mgcheck speaks one language at a time, held in one place: the context variable read by
:func:`current`. :func:`_` translates an interface message into it; :func:`format_number` and
:func:`join_and` write numbers and lists as it does. A run chooses it once
(:func:`choose_language`: ``--lang``, MGCHECK_LANG, the locale). Code that is given a language
(``results.assess.evaluate``, the interview) speaks it wholly inside ``with speaking(lang):``,
which sets it and then puts the previous one back, so calling it with ``"da"`` gives Danish
whatever the process speaks. A context variable rather than a module global: a thread (or an
asyncio task) that sets it does not change what another one speaks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from gettext import NullTranslations

Language = Literal["da", "en"]
DOMAIN = "mgcheck"
LOCALE_DIR = Path(__file__).parent / "locale"

# Strongest first, after --lang and MGCHECK_LANG: the order gettext itself uses.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_language: ContextVar[Language] = ContextVar("mgcheck_language", default="en")


def _known(value: str | None) -> Language | None:
    if value == "da":
        return "da"
    if value == "en":
        return "en"
    return None


def _from_value(value: str) -> Language | None:
    value = value.strip().lower()
    if not value:
        return None
    if value.startswith("da"):
        return "da"
    return "en"


def _lang_from_argv(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--":
            return None
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def choose_language(argv: Sequence[str], environ: Mapping[str, str]) -> Language:
    """Pick the language: --lang, MGCHECK_LANG, then the POSIX locale variables, else English."""
    chosen = _known(_lang_from_argv(argv)) or _known(
        environ.get("MGCHECK_LANG", "").strip().lower()[:2]
    )
    if chosen is not None:
        return chosen
    for name in _LOCALE_VARIABLES:
        raw = environ.get(name, "")
        # LANGUAGE is a colon-separated priority list; the first entry wins.
        lang = _from_value(raw.split(":")[0])
        if lang is not None:
            return lang
    return "en"


@cache
def _catalogue(lang: Language) -> NullTranslations | None:
    # None means English: the msgids are English, so no catalogue (and no gettext import).
    if lang == "en":
        return None
    import gettext

    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def current() -> Language:
    """The language mgcheck speaks now."""
    return _language.get()


def set_language(lang: Language) -> None:
    """Speak ``lang`` from now on, in this context (a script, a test); code that speaks a
    language for a while uses :func:`speaking`, which puts the previous one back."""
    _language.set(lang)


@contextmanager
def speaking(lang: Language) -> Iterator[None]:
    """Speak ``lang`` inside the ``with`` block, then the language spoken before it."""
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """Translate an interface message (English msgid) into the current language. The empty
    text stays empty (gettext would give the catalogue's header for it)."""
    catalogue = _catalogue(_language.get())
    return message if catalogue is None or not message else catalogue.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it: it is translated where it
    is shown, in the language of that moment (help texts: ``cli/helpview.py``)."""
    return message


def localize_typer() -> None:
    """Typer's own panel titles and labels in the current language.

    Typer reads these constants of its help module each time it draws help or an error, so
    setting them just before it draws (``cli/helpview.py``; ``cli.app.MgcheckGroup`` before an
    error Typer draws itself) puts them in the run's language. Only mgcheck's catalogue is
    read: gettext's global domain and the environment are left as they are.
    """
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = _("Arguments")
    rich_utils.OPTIONS_PANEL_TITLE = _("Options")
    rich_utils.COMMANDS_PANEL_TITLE = _("Commands")
    rich_utils.ERRORS_PANEL_TITLE = _("Error")
    rich_utils.ABORTED_TEXT = _("Aborted.")
    rich_utils.DEFAULT_STRING = _("[default: {}]")
    rich_utils.REQUIRED_LONG_STRING = _("[required]")
    rich_utils.ENVVAR_STRING = _("[env var: {}]")
    rich_utils.RICH_HELP = _("Try [blue]'{command_path} {help_option}'[/] for help.")


def format_number(value: float, decimals: int = 0, lang: Language | None = None) -> str:
    """Write a number the way the language does: Danish ``1.234,5``, English ``1,234.5``."""
    # Half away from zero, as people round (242.5 -> 243), not Python's half-to-even.
    from decimal import ROUND_HALF_UP, Decimal

    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if (lang or _language.get()) == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def join_and(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' in the current language."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
