"""Typer's own help and usage words in mgcheck's language, through the same catalogue.

Help texts (a command's ``help`` and ``epilog``, a parameter's ``help`` and ``metavar``, a
text in ``show_default``) are declared with ``i18n.N_``, which marks them for the catalogue
and leaves them in English, and are translated when they are shown, in the language of the
run: by ``cli/helpview.py`` for the help screen, and here for a parameter's name on the usage
line and in Click's messages (:attr:`LocalArgument.display_name_raw`) and an option's value
(:meth:`LocalOption.display_type_rich`). So nothing needs the language before the command
modules are imported, and help shown in-process (CliRunner) is in the run's language too.

Typer 0.29 vendors Click (``typer/_click``) with English hard-coded where mgcheck cannot reach
it by gettext: the "Usage:" prefix, the help option's "Show this message and exit.", a
``<bool>`` beside every flag, Python's number formats in ranges and defaults ("300.0",
"1<=x<=2000"), the Python type of an argument (``<list[str]>``, ``<str>``) and its name in
lower case between braces on the usage line (``{file}``). Nothing of Typer or Click is patched
for this. mgcheck's own command classes (:class:`LocalCommand`, :class:`LocalGroup`, and
``cli.app.MgcheckGroup``, which all mix in :class:`LocalHelp`) write the usage line and make
the help option themselves, and give their parameters the classes :class:`LocalOption` and
:class:`LocalArgument`, subclasses of Typer's that only change how a parameter is *shown*
(with :class:`LocalParameter`'s public ``range_help`` and ``default_help``, which
``cli/helpview.py`` reads: no private method of Typer's is overridden).
Typer builds each parameter as a ``TyperOption`` or ``TyperArgument`` with no hook for another
class, so the command re-classes its own parameters once, when it is made (:func:`adopt`).
Every argument is declared with a ``metavar`` in the help's language, in upper case.

Click's parser errors are worded in ``cli/messages.py`` (``usage_error``) and raised again by
``cli.app.MgcheckGroup``; the panel titles and "Try ... for help" are ``i18n.localize_typer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from mgcheck.i18n import _, format_number

_TYPE = re.compile(r"<(int|float|str|text|file|path)(?: range)?>")


def _type_words() -> dict[str, str]:
    return {
        "int": _("whole number"),
        "float": _("number"),
        "str": _("text"),
        "text": _("text"),
        "file": _("file"),
        "path": _("path"),
    }


def shown_metavar(metavar: str) -> str:
    """A parameter's ``metavar`` as help and messages show it: a name declared with N_()
    (``FILE``, ``NIGHTS``) in the run's language; one letter (``N``) is a symbol, the same in
    every language, and is never looked up (the catalogue's one-letter messages are the
    chart's letters, and ``N`` is ``U`` there in Danish)."""
    return metavar if len(metavar) == 1 else _(metavar)


def _number(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else 2)


class LocalParameter:
    """What help shows of a parameter's value, as the language writes it: its range
    ("1–24", "300 eller mere") and its default ("[standard: 300]"). Read by ``cli/helpview.py``
    in place of Typer's own (private) formatting, which writes Python's ("1<=x<=24", "300.0").
    Only public attributes of Typer's and Click's parameters are read. It comes after Typer's
    class among the bases: a parameter is re-classed in place (:func:`adopt`), which Python
    allows only when the object's layout stays Typer's."""

    def range_help(self) -> str | None:
        """The range a number must be in, or None when it has none."""
        param: Any = self
        low, high = param.min, param.max
        if getattr(param, "count", False) and low == 0 and high is None:
            return None  # a counted flag (-vvv): Typer shows no range
        if low is None and high is None:
            return None
        if high is None:
            assert low is not None
            return _("{low} or more").format(low=_number(low))
        if low is None:
            return _("at most {high}").format(high=_number(high))
        return f"{_number(low)}–{_number(high)}"

    def default_help(self, ctx: Any) -> str | None:
        """The default help shows, or None. Shown as Click and Typer decide (the parameter's
        ``show_default``, else the context's; a text in ``show_default`` stands for it); a
        default computed when the command runs is not shown."""
        param: Any = self
        if isinstance(param.show_default, str):
            return f"({_(param.show_default)})"
        resilient = ctx.resilient_parsing
        ctx.resilient_parsing = True  # no conversion errors from a default while showing help
        try:
            value = param.get_default(ctx, call=False)
        finally:
            ctx.resilient_parsing = resilient
        if value is None or not (param.show_default or ctx.show_default):
            return None
        return self._words(value) or None

    def _words(self, value: Any) -> str:
        param: Any = self
        if isinstance(value, (list, tuple)):
            return ", ".join(word for word in map(self._words, value) if word)
        if isinstance(value, Enum):
            return str(value.value)
        if callable(value):
            return ""
        if getattr(param, "is_bool_flag", False):
            if param.secondary_opts:  # --this/--no-this: the one in force, without its dashes
                return str((param.opts if value else param.secondary_opts)[0].lstrip("-"))
            return str(value) if value else ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _number(value)
        return str(value)


class LocalOption(TyperOption, LocalParameter):
    """A Typer option shown in mgcheck's language: no ``<bool>`` for a flag, the value's kind
    in words, and ranges and defaults written as the language writes numbers."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag and not self.count:
            return None  # a flag takes no value; "<bool>" would ask for one
        if self.metavar is not None:
            return shown_metavar(self.metavar)
        shown = super().display_type_rich(ctx)
        if shown is None:
            return None
        words = _type_words()
        return _TYPE.sub(lambda m: f"<{words[m.group(1)]}>", shown)


class LocalArgument(TyperArgument, LocalParameter):
    """A Typer argument shown by its name alone (its ``metavar``, in the help's language): no
    Python type beside it, and on the usage line ``FILE`` when it is needed, ``[FILE]`` when
    not, as Click writes them (Typer writes ``{file}``)."""

    @property
    def display_name_raw(self) -> str:
        """The argument's name as help, the usage line and Click's messages show it: its
        ``metavar`` (declared with N_()) in the run's language."""
        return shown_metavar(self.metavar) if self.metavar is not None else self.name

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return [name + ("..." if self.nargs != 1 else "")]


def adopt(params: Iterable[Any]) -> None:
    """Show these parameters as :class:`LocalOption` and :class:`LocalArgument` do (Typer's
    own parameters only)."""
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = LocalOption
        elif type(param) is TyperArgument:
            param.__class__ = LocalArgument


class LocalHelp:
    """The usage line and the help option in mgcheck's language, for a command or group."""

    params: list[Any]
    help: str | None

    def help_text(self) -> str:
        """The help as it is drawn, in the run's language: ``help`` was declared with N_()
        and is translated now. A command whose help is partly made from data (``diary trial
        plan``: the defaults and their reasons, from data/trial.yaml) overrides this."""
        return _(self.help or "")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
            adopt([option])
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """Typer's help screen, laid out to read at 60 columns too (``cli/helpview.py``); help
        in another markup than Rich's (none of mgcheck's) gets Typer's own."""
        if getattr(self, "rich_markup_mode", None) != "rich":
            super().format_help(ctx, formatter)  # type: ignore[misc]
            return
        from mgcheck.cli.helpview import format_help

        format_help(self, ctx)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        words = {"[OPTIONS]": _("[OPTIONS]"), "COMMAND [ARGS]...": _("COMMAND [ARGS]...")}
        pieces = [words.get(p, p) for p in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))


class LocalCommand(LocalHelp, TyperCommand):
    """Every mgcheck command (set in ``cli/app.py``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adopt(self.params)


class LocalGroup(LocalHelp, TyperGroup):
    """A group below the root (``mgcheck diary``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adopt(self.params)
