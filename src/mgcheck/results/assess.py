"""`mgcheck assess` as a use case: answers in, the rules' conclusions in words out.

:func:`evaluate` is the one function that runs the self-check: the command, the vignette
tests and the property tests all call it. Building the report is pure (no I/O); the same
answers give the same report, so the JSON is stable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mgcheck.i18n import Language, _, current, format_number, join_and, speaking
from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import Action, AssessData, Explanation, PlanWords, TimeFrame
from mgcheck.models.base import Text
from mgcheck.models.guidance import SourceEntry
from mgcheck.record import Record
from mgcheck.results.report_facts import FOOD_SOURCES, ReportFacts, Supplement, report_facts
from mgcheck.rules.assess import (
    OLDER_AGE,
    UNKNOWN_FORM_WORDS,
    Assessment,
    FormName,
    HelpLines,
    Names,
    Num,
    Others,
    Param,
    Pattern,
    Phrases,
    Said,
    Span,
    assess,
    hit_level,
    magnesium_mmol_per_l,
)
from mgcheck.rules.dose import Dose
from mgcheck.rules.limits import upper_limit
from mgcheck.vocab import Level, MagnesiumUnit, Standard

if TYPE_CHECKING:
    from mgcheck.models import outputs


class FindingOut(Record):
    id: str
    level: Level
    title: str
    text: str
    sources: tuple[str, ...]


class PlanPart(Record):
    """One part of the plan in words: an action, a time frame or an explanation, with the
    sources of what it says (review 2: cited claim by claim, not as one range)."""

    id: str
    title: str
    text: str
    sources: tuple[str, ...] = ()


class PlanOut(Record):
    """The one plan, at the top of the report (issue 17): what to do with magnesium, when to
    get help, and what most likely lies behind it; ``because`` names the table rows that set
    the action and the time frame, ``rows`` every row that applied (docs/triage.md)."""

    action: PlanPart
    time_frame: PlanPart
    explanations: tuple[PlanPart, ...]
    because: tuple[str, ...]
    rows: tuple[str, ...]
    sources: tuple[str, ...]

    def to_json(self) -> outputs.ReportPlan:
        def part(p: PlanPart) -> Any:  # its id one of the plan table's (outputs.PlanAction, ...)
            return {"id": p.id, "title": p.title, "text": p.text}

        return {
            "action": part(self.action),
            "time_frame": part(self.time_frame),
            "explanations": [part(e) for e in self.explanations],
            "because": list(self.because),
            "rows": list(self.rows),
        }


class FoodOut(Record):
    id: str
    name: str
    serving: str
    mg: float | None  # None for under-18s: the check shows them no amounts


class Report(Record):
    language: Language
    standard: Standard
    standard_short: str
    level: Level
    plan: PlanOut
    findings: tuple[FindingOut, ...]
    need_mg: float | None
    upper_limit_mg: float | None
    other_limits: tuple[tuple[str, float | None], ...]
    dose_per_day_mg: tuple[float, float] | None
    dose_form: str | None
    diet_mg: float | None
    diet_by_group: tuple[tuple[str, float], ...]
    legs_pattern: Pattern | None
    must_stop: bool
    need_without_pregnancy_value: bool  # the need shown is the one for other women
    foods: tuple[FoodOut, ...]
    sources: tuple[str, ...]
    answers: tuple[tuple[str, str], ...]
    facts: ReportFacts | None = None  # what the report files add (results/report_facts.py)
    # Cited keys that are the same work as an earlier-listed key (one NIH fact sheet read in
    # three places): (key, the work's first key). The printed report gives a work one number.
    same_work: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> outputs.ReportPayload:
        """The JSON payload: `level` and `findings` side by side, then the figures."""
        return {
            "level": self.level.value,
            "plan": self.plan.to_json(),
            "findings": [
                {
                    "id": f.id,
                    "level": f.level.value,
                    "title": f.title,
                    "text": f.text,
                    "sources": list(f.sources),
                }
                for f in self.findings
            ],
            "standard": self.standard.value,
            "need_mg": self.need_mg,
            "upper_limit_mg": self.upper_limit_mg,
            "other_limits": [{"standard": s, "upper_limit_mg": mg} for s, mg in self.other_limits],
            "dose": None
            if self.dose_per_day_mg is None
            else {
                "form": self.dose_form,
                "per_day_mg": {
                    "low": round(self.dose_per_day_mg[0], 1),
                    "high": round(self.dose_per_day_mg[1], 1),
                },
            },
            "food_estimate": None
            if self.diet_mg is None
            else {
                "mg_per_day": round(self.diet_mg, 1),
                "by_group": {group: round(mg, 1) for group, mg in self.diet_by_group},
            },
            "legs_pattern": None if self.legs_pattern is None else self.legs_pattern.value,
            "must_stop": self.must_stop,
            "suggested_foods": [
                {"id": f.id, "name": f.name, "serving": f.serving, "mg": f.mg} for f in self.foods
            ],
            "sources": list(self.sources),
        }


def headline(level: Level) -> str:
    """The overall level in words."""
    return {
        Level.URGENT: _("Get help now"),
        Level.DOCTOR: _("Talk to a doctor"),
        Level.CAUTION: _("Worth watching"),
        Level.INFO: _("Looks fine"),
    }[level]


def _label(data: AssessData, kind: str, key: str) -> str:
    labels = data.questions.labels
    if kind == "risk":
        if key == "older_age":
            return labels.other["older_age"].get(current()).format(age=OLDER_AGE)
        kind = "conditions" if key in {c.value for c in labels.conditions} else "medicines"
    table: dict[Any, Text] = getattr(labels, kind)
    return next(text.get(current()) for k, text in table.items() if getattr(k, "value", k) == key)


def _placeholders(*texts: str) -> set[str]:
    from string import Formatter

    return {name for text in texts for _lit, name, _spec, _conv in Formatter().parse(text) if name}


def _param_sources(params: dict[str, Param], data: AssessData, *texts: Text | None) -> list[str]:
    """The sources of what the values say where the words use them: each phrase's, and each
    help line's own (the out-of-hours numbers rest on their regions' pages, not on one page
    for all)."""
    used = _placeholders(*(text.en for text in texts if text is not None))
    for value in [params[name] for name in used if name in params]:
        if isinstance(value, Phrases):
            used |= _placeholders(*(data.phrases[key].text.en for key in value.keys))
    keys: list[str] = []
    lines = {line.id: line for line in data.guidance.helplines.lines}
    for name, value in params.items():
        if name not in used:
            continue
        if isinstance(value, Phrases):
            keys += [key for phrase in value.keys for key in data.phrases[phrase].sources]
        elif isinstance(value, HelpLines):
            keys += [key for line_id in value.ids for key in lines[line_id].sources]
    return keys


def _same_work(keys: tuple[str, ...], data: AssessData) -> tuple[tuple[str, str], ...]:
    """Keys that name one work (the same link, or the same title from the same publisher) as a
    key listed before them in data/sources.yaml: one work, one number in a report."""
    first: dict[tuple[str, str], str] = {}
    out: list[tuple[str, str]] = []
    for source in data.sources.sources:
        if source.key not in keys:
            continue
        identity = (source.url, "") if source.url else (source.title, source.organisation.en)
        work = first.setdefault(identity, source.key)
        if work != source.key:
            out.append((source.key, work))
    return tuple(out)


def _values(params: dict[str, Param], data: AssessData) -> dict[str, str]:
    """Every value of a finding or plan part in words; phrases last, since a phrase may name
    the other values (``{dose}``)."""
    values = {k: _fill(v, data) for k, v in params.items() if not isinstance(v, Phrases)}
    for key, value in params.items():
        if isinstance(value, Phrases):
            values[key] = " ".join(
                data.phrases[phrase].text.get(current()).format(**values) for phrase in value.keys
            )
    return values


def _fill(value: Param, data: AssessData) -> str:
    if isinstance(value, FormName):
        return next(f.name.get(current()) for f in data.forms.forms if f.id == value.form)
    if isinstance(value, Num):
        return format_number(value.value, value.decimals)
    if isinstance(value, Span):
        low = format_number(value.low, value.decimals)
        high = format_number(value.high, value.decimals)
        return low if low == high else f"{low}–{high}"
    if isinstance(value, Names):
        return join_and([_label(data, value.kind, key) for key in value.keys])
    if isinstance(value, HelpLines):
        lines = {line.id: line for line in data.guidance.helplines.lines}
        return ", ".join(
            f"{line.number} ({(line.region or line.name).get(current())})"
            for line in (lines[i] for i in value.ids)
        )
    if isinstance(value, Others):
        return ", ".join(
            f"{v.short}: " + (_("none set") if v.mg is None else format_number(v.mg, 0) + " mg")
            for v in value.limits
        )
    assert isinstance(value, Standard), value  # phrases are filled by _values
    return data.limits.standard(value).short


def _form_name(typed: str, data: AssessData) -> str:
    """A supplement's form in the report's language ("citrate" is "Magnesiumcitrat" in
    Danish); a name mgcheck does not know, as it was typed."""
    from mgcheck.rules.dose import FormProblem, resolve_form

    if typed == "unknown":
        return _("unknown form")
    try:
        return resolve_form(data.forms, typed).form.name.get(current())
    except FormProblem:
        return typed


def _answers_summary(answers: Answers, data: AssessData) -> list[tuple[str, str]]:
    labels = data.questions.labels
    yes, no, none = _("yes"), _("no"), _("none")

    def names(table: dict[Any, Text], keys: tuple[Any, ...]) -> str:
        return ", ".join(table[k].get(current()) for k in keys) or none

    def chosen(table: dict[Any, Text], keys: tuple[Any, ...]) -> str:
        """Options in quotes: their words speak to the person ("when you walk"), and the
        doctor reads them as the options the person chose."""
        quoted = [_("“{text}”").format(text=table[k].get(current())) for k in keys]
        return ", ".join(quoted) or none

    rows = [
        (_("Age"), str(answers.age)),
        (_("Sex"), labels.sex[answers.sex].get(current())),
    ]
    if answers.pregnant or answers.breastfeeding:
        rows.append((_("Pregnant"), yes if answers.pregnant else no))
        rows.append((_("Breastfeeding"), yes if answers.breastfeeding else no))
    rows.append((_("Conditions"), chosen(labels.conditions, answers.conditions)))
    rows.append((_("Medicines"), names(labels.medicines, answers.medicines)))
    supplement = _supplement(answers, data)
    if supplement is None:
        rows.append(
            (
                _("Magnesium supplement"),
                _("none (considering one)") if answers.considering_magnesium else none,
            )
        )
    else:
        rows.append((_("Magnesium supplement"), f"{supplement.name}, {supplement.dose}"))
    rows.append((_("Symptoms now"), chosen(labels.symptoms, answers.symptoms_now)))
    legs = answers.legs
    if legs is None:
        rows.append((_("Leg symptoms"), none))
    else:
        rows.append(
            (
                _("Leg symptoms"),
                _(
                    "{met} of 4 core features; {days} days a week; bothers: {distress}; "
                    "sleep disturbed: {sleep}"
                ).format(
                    met=legs.criteria_met(),
                    days=legs.days_per_week,
                    distress=labels.distress[legs.distress].get(current()),
                    sleep=yes if legs.sleep_disturbed else no,
                ),
            )
        )
        if legs.look_alikes:
            rows.append((_("Look-alikes"), chosen(labels.look_alikes, legs.look_alikes)))
    if answers.diet is not None:
        diet = answers.diet
        portions = "; ".join(
            f"{text.get(current())}: {format_number(getattr(diet, group.value), 1)}"
            for group, text in labels.diet.items()
        )
        rows.append((_("Portions a day"), portions))
    labs = answers.labs
    if labs and labs.magnesium:
        mg = labs.magnesium
        shown = f"{format_number(mg.value, 2)} {mg.unit.value}"
        if mg.unit is not MagnesiumUnit.MMOL_L:
            shown += f" = {format_number(magnesium_mmol_per_l(mg), 2)} mmol/L"
        rows.append((_("Blood magnesium"), shown))
    if labs and labs.ferritin:
        rows.append((_("Ferritin"), f"{format_number(labs.ferritin.value, 0)} µg/L"))
    if labs and labs.transferrin_saturation:
        saturation = labs.transferrin_saturation.value
        rows.append((_("Transferrin saturation"), f"{format_number(saturation, 0)} %"))
    return rows


def _readings(dose: Dose | None, amount: str) -> str | None:
    """A label read both ways, for the doctor: what each end of the day's range is (review 2)."""
    if dose is None or dose.reading != "both" or dose.match is None:
        return None
    from mgcheck.rules.dose import fraction_range

    low, high = fraction_range(dose.match.form)
    compound = f"{format_number(dose.amount_mg * low * dose.per_day)}–"
    compound += format_number(dose.amount_mg * high * dose.per_day)
    return _(
        "{compound} mg if {amount} mg is the whole compound, with {low}–{high} % magnesium; "
        "{elemental} mg if it is magnesium itself"
    ).format(
        compound=compound,
        amount=amount,
        low=format_number(low * 100, 1),
        high=format_number(high * 100, 1),
        elemental=format_number(dose.per_day_high),
    )


def _supplement(answers: Answers, data: AssessData, dose: Dose | None = None) -> Supplement | None:
    """The supplement as the person gave it: its form (or how the label was read) and dose."""
    supplement = answers.magnesium
    if supplement is None:
        return None
    amount = format_number(supplement.amount_mg, 0 if supplement.amount_mg.is_integer() else 1)
    form = _form_name(supplement.form, data)
    known = supplement.form.strip().casefold() not in UNKNOWN_FORM_WORDS
    if supplement.elemental is True and known:
        # The form stays in view when the label gives magnesium itself (review 2).
        kind = _("{form} (the mg is magnesium itself)").format(form=form)
    elif supplement.elemental is True:
        kind = _("elemental")
    elif supplement.elemental == "unknown":
        kind = _("{form} (not known whether the mg is magnesium itself)").format(form=form)
    else:
        kind = form
    said = _("{amount} mg × {per_day} a day").format(amount=amount, per_day=supplement.per_day)
    return Supplement(kind, said, _readings(dose, amount))


def _dose_form(dose: Dose) -> str:
    """How the supplement was read, in words for the report."""
    if dose.match is not None:
        return dose.match.form.name.get(current())
    if dose.reading == "elemental":
        return _("elemental magnesium")
    if dose.reading == "parts":
        return _("several compounds")
    return _("unknown form")


def build_report(
    answers: Answers, assessment: Assessment, data: AssessData, lang: Language
) -> Report:
    """The report in ``lang``, every word of it: interface words, data texts and numbers."""
    with speaking(lang):
        return _report(answers, assessment, data)


def _report(answers: Answers, assessment: Assessment, data: AssessData) -> Report:
    """The report in the language spoken now (:func:`build_report` chooses it)."""
    lang = current()
    texts = {f.id: f for f in data.findings}
    findings: list[FindingOut] = []
    for hit in assessment.hits:
        finding = texts[hit.id]
        title, text = finding.words(hit.variant)
        values = _values(hit.params, data)
        body = _tidy(text.get(lang).format(**values))
        if finding.extra is not None:
            body += " " + finding.extra.get(lang).format(**values)
        own = finding.sources_of(hit.variant)
        used = _param_sources(hit.params, data, title, text, finding.extra)
        findings.append(
            FindingOut(
                id=hit.id,
                level=hit_level(data, hit),
                title=title.get(lang).format(**values),
                text=body.strip(),
                sources=tuple(dict.fromkeys([*own, *used])),
            )
        )
    judgement = assessment.judgement
    dose = assessment.dose
    foods = tuple(
        FoodOut(
            id=food.id,
            name=food.name.get(lang),
            serving=food.serving.label.get(lang),
            mg=round(food.mg_per_100g * food.serving.grams / 100, 1) if assessment.adult else None,
        )
        for food in assessment.suggested_foods
    )
    diet = assessment.diet
    # The findings' sources, then those behind the figures and the food table.
    figure_keys: list[str] = []
    if assessment.adult:
        std = data.limits.standard(assessment.standard)
        figure_keys += std.intake_sources
        limit_row = upper_limit(std, answers.age)
        figure_keys += [] if limit_row is None else limit_row.sources
    figure_keys += FOOD_SOURCES
    summary = _answers_summary(answers, data)
    supplement = _supplement(answers, data, assessment.dose)
    facts = report_facts(answers, assessment, data, summary, supplement)
    plan = _plan(assessment, data)
    sources = tuple(
        dict.fromkeys(
            [
                *plan.sources,
                *(key for f in findings for key in f.sources),
                *figure_keys,
                *facts.sources,
            ]
        )
    )
    others: tuple[tuple[str, float | None], ...] = ()
    if assessment.adult:
        for other in Standard:
            if other is not assessment.standard:
                row = upper_limit(data.limits.standard(other), answers.age)
                others += ((other.value, None if row is None else row.mg),)
    return Report(
        language=lang,
        standard=assessment.standard,
        standard_short=data.limits.standard(assessment.standard).short,
        level=assessment.level,
        plan=plan,
        findings=tuple(findings),
        need_mg=assessment.need_mg,
        upper_limit_mg=assessment.upper_limit_mg,
        other_limits=others,
        dose_per_day_mg=None if dose is None else (dose.per_day_low, dose.per_day_high),
        dose_form=None if dose is None or judgement is None else _dose_form(dose),
        diet_mg=None if diet is None else diet.mg,
        diet_by_group=() if diet is None else tuple(diet.by_group.items()),
        legs_pattern=assessment.pattern,
        must_stop=assessment.must_stop,
        need_without_pregnancy_value=assessment.need_has_no_pregnancy_value
        and (answers.pregnant or answers.breastfeeding),
        foods=foods,
        sources=sources,
        answers=tuple(summary),
        facts=facts,
        same_work=_same_work(sources, data),
    )


def _tidy(text: str) -> str:
    """Phrases that are left out leave no double spaces behind."""
    return " ".join(text.split())


def _plan(assessment: Assessment, data: AssessData) -> PlanOut:
    """The plan in words: every part from data/findings.yaml `plan:`, each with the sources of
    what it says (its words, its phrases: the reasons of the rows that set it, and the help
    lines it names). The rows' own sources are for the triage table (docs/triage.md)."""
    table = data.plan

    def part(said: Said, words: PlanWords) -> PlanPart:
        title, text = words.words(said.variant)
        values = _values(said.params, data)
        cited = [*words.sources_of(said.variant), *_param_sources(said.params, data, title, text)]
        return PlanPart(
            said.id,
            _tidy(title.get(current()).format(**values)),
            _tidy(text.get(current()).format(**values)),
            tuple(dict.fromkeys(cited)),
        )

    said = assessment.said
    action = part(said.action, table.actions[Action(said.action.id)])
    time_frame = part(said.time_frame, table.time_frames[TimeFrame(said.time_frame.id)])
    explanations = tuple(part(e, table.explanations[Explanation(e.id)]) for e in said.explanations)
    plan = assessment.plan
    sources = [*time_frame.sources, *action.sources, *(k for e in explanations for k in e.sources)]
    return PlanOut(
        action=action,
        time_frame=time_frame,
        explanations=explanations,
        because=plan.because,
        rows=plan.rows,
        sources=tuple(dict.fromkeys(sources)),
    )


class AssessResult(Record):
    """What the command shows: the rules' verdicts, the report in words, and the sources the
    report cites, numbered as ``mgcheck sources`` numbers them."""

    assessment: Assessment
    report: Report
    sources: tuple[tuple[int, SourceEntry], ...]


def evaluate(
    answers: Answers, data: AssessData, standard: Standard = Standard.NNR, lang: Language = "en"
) -> AssessResult:
    """Run the self-check for validated answers: the rules, then the report in ``lang``."""
    assessment = assess(answers, data, standard)
    report = build_report(answers, assessment, data, lang)
    numbered = {s.key: (n, s) for n, s in enumerate(data.sources.sources, start=1)}
    sources = tuple(sorted((numbered[key] for key in report.sources), key=lambda pair: pair[0]))
    return AssessResult(assessment, report, sources)
