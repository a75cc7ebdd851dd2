"""From the amount on a label to elemental magnesium. Pure functions over the forms data."""

from __future__ import annotations

import re
from typing import Literal

from mgcheck.folding import fold
from mgcheck.models.guidance import Form, FormsFile, LabelOnly, Variant
from mgcheck.record import Record
from mgcheck.rules.chemistry import magnesium_fraction, waters

MAX_AMOUNT_MG = 100_000.0  # 100 g: above any tablet, sachet or spoonful of Epsom salt
MAX_PER_DAY = 24

# Hydrate words, Danish and English, as they follow (or precede) a form's name on a label.
HYDRATE_WORDS: dict[str, int] = {
    "anhydrous": 0,
    "anhydrisk": 0,
    "vandfri": 0,
    "monohydrate": 1,
    "monohydrat": 1,
    "dihydrate": 2,
    "dihydrat": 2,
    "trihydrate": 3,
    "trihydrat": 3,
    "tetrahydrate": 4,
    "tetrahydrat": 4,
    "hexahydrate": 6,
    "hexahydrat": 6,
    "heptahydrate": 7,
    "heptahydrat": 7,
    "nonahydrate": 9,
    "nonahydrat": 9,
}


def name_key(text: str) -> str:
    """'Magnesium-citrat', 'magnesiumcitrat' and 'CITRAT' all give 'citrat'."""
    return re.sub(r"[^a-z0-9]", "", fold(text)).replace("magnesium", "")


_HYDRATE_KEYS = {name_key(word): n for word, n in HYDRATE_WORDS.items()}


class FormMatch(Record):
    form: Form
    variants: tuple[Variant, ...]  # more than one: the label does not say which
    # The label names the compound itself, water and all ("citrat nonahydrat", "epsom salt"):
    # its amount is the compound's weight, not magnesium itself.
    by_variant: bool = False


class FormProblem(LookupError):
    """A label's form that cannot be turned into a share of magnesium."""


class UnknownForm(FormProblem):
    def __init__(self, query: str, suggestions: tuple[Form, ...]) -> None:
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions


class NeedsElemental(FormProblem):
    """A name on labels whose share of magnesium mgcheck cannot compute: give the elemental mg."""

    def __init__(self, query: str, entry: LabelOnly, form: Form) -> None:
        super().__init__(query)
        self.query = query
        self.entry = entry
        self.form = form


def variant_fraction(variant: Variant) -> float:
    """The mass fraction of magnesium: from the formula, or from the product's own figures."""
    if variant.formula is not None:
        return magnesium_fraction(variant.formula)
    assert variant.as_sold is not None
    return variant.as_sold.magnesium_mg / variant.as_sold.compound_mg


class NoSuchHydrate(FormProblem):
    def __init__(self, form: Form, water: int) -> None:
        super().__init__(form.id)
        self.form = form
        self.water = water


def _form_keys(form: Form) -> set[str]:
    keys = {name_key(a) for a in form.aliases}
    keys |= {name_key(form.id), name_key(form.name.da), name_key(form.name.en)}
    keys.discard("")
    return keys


def _by_water(form: Form, water: int) -> FormMatch:
    variants = tuple(
        v
        for v in form.variants
        if v.formula is not None and not v.named_only and waters(v.formula) == water
    )
    if not variants:
        raise NoSuchHydrate(form, water)
    return FormMatch(form, variants, by_variant=True)


def resolve_form(forms: FormsFile, query: str) -> FormMatch:
    """Find a form by any Danish or English name, with an optional hydrate word."""
    key = name_key(query)
    for entry in forms.label_only:
        if key and key in {name_key(n) for n in entry.names}:
            form = next(f for f in forms.forms if f.id == entry.form)
            raise NeedsElemental(query, entry, form)
    if key:
        for form in forms.forms:
            for variant in form.variants:
                names = {name_key(variant.id), *(name_key(a) for a in variant.aliases)}
                if key in names and key not in _form_keys(form):
                    return FormMatch(form, (variant,), by_variant=True)
        for form in forms.forms:
            if key in _form_keys(form):
                return FormMatch(form, tuple(v for v in form.variants if not v.named_only))
        for form in forms.forms:
            for alias in sorted(_form_keys(form), key=len, reverse=True):
                if key.startswith(alias) and key[len(alias) :] in _HYDRATE_KEYS:
                    return _by_water(form, _HYDRATE_KEYS[key[len(alias) :]])
                if key.endswith(alias) and key[: -len(alias)] in _HYDRATE_KEYS:
                    return _by_water(form, _HYDRATE_KEYS[key[: -len(alias)]])
    every = {alias: form for form in forms.forms for alias in _form_keys(form)}
    import difflib  # only an unknown name needs suggestions

    close = difflib.get_close_matches(key, list(every), n=6, cutoff=0.6)
    suggestions: list[Form] = []
    for alias in close:
        if every[alias] not in suggestions:
            suggestions.append(every[alias])
    raise UnknownForm(query, tuple(suggestions[:3]))


class InvalidAmount(ValueError):
    def __init__(self, text: str, reason: Literal["format", "ambiguous", "range"]) -> None:
        super().__init__(text)
        self.text = text
        self.reason = reason


_AMOUNT = re.compile(r"^\s*(\d+(?:[.,]\d+)*)\s*(mg|g)?\s*$", re.IGNORECASE)
_AMBIGUOUS = re.compile(r"^[1-9]\d{0,2}[.,]\d{3}$")  # "1.000" / "1,000": a thousand, or one?


def parse_amount(text: str) -> float:
    """Read '400', '400 mg', '1,5 g' or '1.250,5 mg' as mg; refuse '1.000' and '1,000'."""
    match = _AMOUNT.match(text)
    if match is None:
        raise InvalidAmount(text, "format")
    number, unit = match.group(1), (match.group(2) or "mg").lower()
    if _AMBIGUOUS.match(number):
        raise InvalidAmount(text, "ambiguous")
    if "," in number and "." in number:
        if number.rfind(",") < number.rfind("."):
            raise InvalidAmount(text, "format")
        number = number.replace(".", "").replace(",", ".")
    else:
        number = number.replace(",", ".")
    if number.count(".") > 1:
        raise InvalidAmount(text, "format")
    value = float(number) * (1000 if unit == "g" else 1)
    if not 0 < value <= MAX_AMOUNT_MG:
        raise InvalidAmount(text, "range")
    return value


def split_words(words: list[str]) -> tuple[str, str]:
    """``citrat nonahydrat 1,5 g`` -> (``citrat nonahydrat``, ``1,5 g``): the amount comes last."""
    words = [w for w in words if w.strip()]
    if words and words[-1].lower() in {"mg", "g"}:
        words = [*words[:-2], " ".join(words[-2:])] if len(words) >= 2 else []
    if len(words) < 2:
        raise ValueError("need a form and an amount")
    return " ".join(words[:-1]), words[-1]


_NUMBER_WORD = re.compile(r"^\d+(?:[.,]\d+)*(?:mg|g)?$", re.IGNORECASE)


def split_parts(words: list[str]) -> list[tuple[str, str]]:
    """A label of one compound or several: ``glycinat 800 oxid 200`` -> two (form, amount) parts.

    A part ends at the last of a run of numbers (with an optional mg or g), so a number inside
    a name stays in the name: ``mag 2 2250 mg`` is one part, Mag 2 at 2,250 mg.
    """
    words = [w.strip() for w in words if w.strip()]
    parts: list[tuple[str, str]] = []
    name: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        is_amount = _NUMBER_WORD.match(word) is not None
        next_is_number = following is not None and _NUMBER_WORD.match(following) is not None
        if is_amount and name and not next_is_number:
            unit = following if following is not None and following.lower() in {"mg", "g"} else None
            parts.append((" ".join(name), f"{word} {unit}" if unit else word))
            name = []
            index += 2 if unit else 1
            continue
        name.append(word)
        index += 1
    if not parts and len(name) >= 2:
        # No number at all: the last word is meant as the amount, and parse_amount says why not.
        return [(" ".join(name[:-1]), name[-1])]
    if name or not parts:
        raise ValueError("need a form and an amount")
    return parts


def combine_doses(parts: list[Dose]) -> Dose:
    """Several compounds in one tablet (a "buffered" glycinate, say): their magnesium adds up."""
    if len(parts) == 1:
        return parts[0]
    per_day = parts[0].per_day
    return Dose(
        None,
        (),
        sum(p.amount_mg for p in parts),
        per_day,
        all(p.elemental_input for p in parts),
        sum(p.per_unit_low for p in parts),
        sum(p.per_unit_high for p in parts),
        "parts",
        tuple(parts),
    )


class VariantShare(Record):
    variant: Variant
    fraction: float  # mass fraction of magnesium, 0-1
    per_unit_mg: float  # magnesium in one unit of the label's amount, read as this variant


Reading = Literal["label", "elemental", "both", "any_form", "parts"]


class Dose(Record):
    """Elemental magnesium in a dose; low == high unless the label leaves doubt.

    ``reading`` says how the label was read: as its form ("label"), as magnesium itself
    ("elemental"), either of those because the person does not know ("both"), as any
    form because the form is unknown ("any_form"), or as several compounds ("parts").
    """

    match: FormMatch | None  # None when the label already states elemental magnesium
    shares: tuple[VariantShare, ...]
    amount_mg: float
    per_day: int
    elemental_input: bool
    per_unit_low: float
    per_unit_high: float
    reading: Reading = "label"
    parts: tuple[Dose, ...] = ()  # a label with several compounds: one dose each

    @property
    def per_day_low(self) -> float:
        return self.per_unit_low * self.per_day

    @property
    def per_day_high(self) -> float:
        return self.per_unit_high * self.per_day

    @property
    def uncertain(self) -> bool:
        return self.per_unit_high > self.per_unit_low


def elemental_dose(
    match: FormMatch | None, amount_mg: float, per_day: int = 1, elemental: bool = False
) -> Dose:
    """The label's amount as elemental magnesium, per unit; a range when the hydrate is unknown."""
    if not 0 < amount_mg <= MAX_AMOUNT_MG or not 1 <= per_day <= MAX_PER_DAY:
        raise ValueError("amount or per_day out of range")
    if match is None and not elemental:
        raise ValueError("a form is needed unless the amount is already elemental")
    if elemental:
        return Dose(match, (), amount_mg, per_day, True, amount_mg, amount_mg, "elemental")
    assert match is not None
    shares = tuple(
        VariantShare(v, f, amount_mg * f)
        for v, f in ((v, variant_fraction(v)) for v in match.variants)
    )
    fractions = [s.fraction for s in shares]
    return Dose(
        match,
        shares,
        amount_mg,
        per_day,
        False,
        amount_mg * min(fractions),
        amount_mg * max(fractions),
    )


def fraction_range(form: Form) -> tuple[float, float]:
    """The share of magnesium over every variant, also those used only when named."""
    fractions = [variant_fraction(v) for v in form.variants]
    return min(fractions), max(fractions)


def _all_forms_range(forms: FormsFile) -> tuple[float, float]:
    spans = [fraction_range(form) for form in forms.forms]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def any_form_dose(forms: FormsFile, amount_mg: float, per_day: int = 1) -> Dose:
    """A label amount of an unknown form: from the leanest form's share to the richest's."""
    low, high = _all_forms_range(forms)
    return Dose(None, (), amount_mg, per_day, False, amount_mg * low, amount_mg * high, "any_form")


def both_readings_dose(
    forms: FormsFile, match: FormMatch | None, amount_mg: float, per_day: int = 1
) -> Dose:
    """The person does not know whether the mg is magnesium itself or the whole compound.

    The range runs from the compound reading (of this form, or of any form when unknown) up to
    the elemental reading, which is always the higher: safety is judged on that. The low end
    is the leanest of the form's variants, also those used only when named (citrate's 8.5 %
    hydrogen citrate tetrahydrate, as `mgcheck dose --list` shows it): the label names no
    variant, so none is ruled out (review 2, point 10); a variant the label names is its own.
    """
    if match is not None and match.by_variant:
        low = elemental_dose(match, amount_mg, per_day).per_unit_low
    elif match is not None:
        low = amount_mg * fraction_range(match.form)[0]
    else:
        low = amount_mg * _all_forms_range(forms)[0]
    shares = () if match is None else elemental_dose(match, amount_mg, per_day).shares
    return Dose(match, shares, amount_mg, per_day, False, low, amount_mg, "both")
