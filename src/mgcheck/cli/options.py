"""What every command shares: the --lang, --json and --standard options and a few messages.

Imported by mgcheck.cli and mgcheck.cli_diary; help strings are translated at import.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mgcheck.errors import MgcheckError
from mgcheck.i18n import Language, _, current, set_language
from mgcheck.safetext import shown
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.cli.prompts import Prompter
    from mgcheck.models.guidance import FormsFile
    from mgcheck.rules.dose import FormMatch


class Lang(str, Enum):
    da = "da"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help=_("Language: da or en. Default: MGCHECK_LANG, then the system locale."),
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help=_("Print a versioned JSON document instead of a table.")),
]


def apply_lang(lang: Lang | None) -> None:
    if lang is not None:
        set_language(lang.value)


StandardOption = Annotated[
    Standard,
    typer.Option(
        "--standard",
        help=_(
            "Reference values: nnr (Nordic, NNR 2023; Denmark follows it), efsa (EFSA) or iom (US)."
        ),
        case_sensitive=False,
    ),
]


def prompter() -> Prompter | None:
    """Someone to ask, when a person is at a terminal; None when input is piped or absent."""
    import sys

    if sys.stdin is None or not sys.stdin.isatty():
        return None
    from mgcheck.cli.prompts import Prompter
    from mgcheck.render.console import stdout_console

    console = stdout_console()
    return Prompter(input, lambda text: console.print(text, markup=False, highlight=False))


def amount_message(text: str, reason: str) -> str:
    text = shown(text, 40)
    if reason == "ambiguous":
        return _(
            "'{text}' could be a thousand or one: write the amount without a thousands "
            "separator, e.g. 1000 or 1,5."
        ).format(text=text)
    if reason == "range":
        return _("'{text}' must be more than 0 and at most 100 g per unit.").format(text=text)
    return _("'{text}' is not an amount. Write e.g. 400, 400mg or 1,5g.").format(text=text)


def unknown_form_message(exc: Any, lang: Language) -> str:
    names = ", ".join(f.name.get(lang) for f in exc.suggestions)
    if names:
        return _("unknown form '{query}'. Did you mean: {names}? See mgcheck dose --list.").format(
            query=shown(exc.query, 40), names=names
        )
    return _("unknown form '{query}'. See mgcheck dose --list.").format(query=shown(exc.query, 40))


def read_label(
    forms: FormsFile, form: str, amount: str, *, elemental: bool = False
) -> tuple[FormMatch | None, float]:
    """A label's form and amount as the rules need them; each problem is one clear error.

    With ``elemental`` the amount is magnesium itself, so an unknown form name does not matter.
    """
    from mgcheck.rules.dose import (
        InvalidAmount,
        NeedsElemental,
        NoSuchHydrate,
        UnknownForm,
        parse_amount,
        resolve_form,
    )

    try:
        amount_mg = parse_amount(amount)
    except InvalidAmount as exc:
        raise MgcheckError(amount_message(exc.text, exc.reason)) from None
    try:
        return resolve_form(forms, form), amount_mg
    except UnknownForm as exc:
        if elemental:
            return None, amount_mg
        raise MgcheckError(unknown_form_message(exc, current())) from None
    except NeedsElemental as exc:
        if elemental:
            return None, amount_mg
        raise MgcheckError(
            exc.entry.note.get(current())
            + " "
            + _(
                "Give the amount of magnesium the label states, with --elemental: "
                "mgcheck dose {form} 100 mg --elemental"
            ).format(form=exc.query)
        ) from None
    except NoSuchHydrate as exc:
        raise MgcheckError(
            _("{form} has no such hydrate in mgcheck's list. Its variants: {variants}").format(
                form=exc.form.name.get(current()),
                variants=", ".join(v.label.get(current()) for v in exc.form.variants),
            )
        ) from None
