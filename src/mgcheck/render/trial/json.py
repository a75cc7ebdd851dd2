"""`mgcheck diary trial --json`: the ``mgcheck.trial`` and ``mgcheck.trial.history`` payloads
(the envelope is render/console.write_json's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from mgcheck.i18n import current
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.plan import Plan, minimum_p
from mgcheck.models.trial import TrialFile
from mgcheck.render.trial.words import not_finished_text, shortfall_text, verdict_text
from mgcheck.results.trial import Outcome, TrialState
from mgcheck.rules.trial import Estimate, can_reach

if TYPE_CHECKING:
    from mgcheck.models.outputs import TrialPlan


def plan_json(plan: Plan, today: dt.date) -> TrialPlan:
    """The plan as the export keeps it (the one serialiser, store/diary_files.plan_dict),
    without its periods (the payload lists them with more), with its status as of today and
    what follows from it."""
    from mgcheck.store.diary_files import plan_dict

    kept = {key: value for key, value in plan_dict(plan).items() if key != "periods"}
    derived = {
        "status": plan.status_on(today).value,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "pairs": plan.pairs,
        "minimum_p": minimum_p(plan.pairs),
        "can_reach_alpha": can_reach(plan.pairs, plan.alpha),
    }
    return cast("TrialPlan", {**kept, **derived})


def _estimate_json(estimate: Estimate) -> dict[str, Any]:
    return {
        "difference": estimate.difference,
        "interval": {"low": estimate.low, "high": estimate.high},
        "p_randomization": estimate.p_randomization,
        "verdict": estimate.verdict.value,
    }


def trial_json(
    state: TrialState,
    trial: TrialFile,
    outcome: Outcome | None = None,
    sources: Sequence[tuple[int, SourceEntry]] = (),
) -> dict[str, Any]:
    """The payload of ``mgcheck.trial``: the schedule always; the result with ``outcome``."""
    plan = state.plan
    summaries = {}
    if outcome is not None and outcome.analysis is not None:
        summaries = {s.period.start: s for s in outcome.analysis.periods}
    periods = []
    for period in plan.periods:
        item: dict[str, Any] = {
            "pair": period.pair,
            "arm": period.arm.value,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "counted_from": (period.start + dt.timedelta(days=plan.washout_days)).isoformat(),
        }
        if outcome is not None:
            summary = summaries.get(period.start)
            item["mean"] = None if summary is None else summary.mean
            item["usable"] = None if summary is None else len(summary.usable)
            item["off_plan"] = None if summary is None else len(summary.off_plan)
            item["missing"] = None if summary is None else len(summary.missing)
        periods.append(item)
    tonight = state.tonight
    payload: dict[str, Any] = {
        "plan": plan_json(plan, state.today),
        "today": state.today.isoformat(),
        "tonight": None
        if tonight is None
        else {
            "night": tonight.night.isoformat(),
            "pair": tonight.period.pair,
            "period": tonight.number,
            "arm": tonight.period.arm.value,
            "washout": tonight.washout,
        },
        "outcome": trial.outcome.text.get(current()),
        "periods": periods,
    }
    if outcome is None:
        return payload
    progress = state.progress
    payload["progress"] = {
        "passed": progress.passed,
        "recorded": progress.recorded,
        "followed": progress.followed,
        "off_plan": progress.off_plan,
        "missing": progress.missing,
        "left": progress.left,
    }
    result = outcome.analysis
    estimate = None if result is None else result.estimate
    if result is None:
        verdict, text = "not_finished", not_finished_text(state)
    elif estimate is None:
        verdict, text = "not_enough_nights", shortfall_text(result)
    else:
        verdict, text = estimate.verdict.value, verdict_text(estimate, trial)
    payload.update(
        {
            "finished": result is not None,
            "pairs": []
            if estimate is None
            else [
                {
                    "pair": p.pair,
                    "magnesium_mean": p.magnesium_mean,
                    "none_mean": p.none_mean,
                    "difference": p.difference,
                    "magnesium_nights": p.magnesium_nights,
                    "none_nights": p.none_nights,
                }
                for p in estimate.pairs
            ],
            "difference": None if estimate is None else estimate.difference,
            "interval": None if estimate is None else {"low": estimate.low, "high": estimate.high},
            "p_randomization": None if estimate is None else estimate.p_randomization,
            "verdict": verdict,
            "verdict_text": text,
            "importance": None
            if estimate is None or estimate.importance is None
            else estimate.importance.value,
            "adherence": None
            if result is None
            else {
                "planned": result.adherence.planned,
                "recorded": result.adherence.recorded,
                "followed": result.adherence.followed,
                "off_plan": result.adherence.off_plan,
                "missing": result.adherence.missing,
                "share_followed": result.adherence.share_followed,
            },
            "as_randomised": None
            if result is None or result.as_randomised is None
            else _estimate_json(result.as_randomised),
            "refusal": None
            if result is None or result.refusal is None
            else [
                {"pair": s.pair, "arm": s.arm.value, "usable": s.usable, "needed": s.needed}
                for s in result.refusal.shortfalls
            ],
            "caveats": [
                {
                    "id": name,
                    "text": getattr(trial, name).text.get(current()),
                    "sources": list(getattr(trial, name).sources),
                }
                for name in ("expectation", "blinding", "slow_onset")
            ],
            "sources": [s.key for _n, s in sources],
        }
    )
    return payload


def history_json(plans: Sequence[Plan], today: dt.date) -> dict[str, Any]:
    return {"plans": [plan_json(p, today) for p in plans]}
