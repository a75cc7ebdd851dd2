"""The Pydantic side of the shapes: what checks input, and nothing mgcheck reads at run time.

:class:`Strict` is the base of the answers (``models/answers.py``, the one model people's
input is read into) and of the validators that ``store/checked.py`` derives from the data
files' records. Imported only where something is validated: an answers file, the interview's
answers, a food table of your own, ``scripts/snapshot.py`` and the tests.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from mgcheck.models.base import one_line


class Strict(BaseModel):
    # defer_build: a validator is compiled only for a model that validates something.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# A name a person typed (a supplement form): it lands in reports, so one line, no controls.
Name = Annotated[str, Field(pattern=r"\S", max_length=100), AfterValidator(one_line)]
# Answers files are read strictly: `age: true` is not 1, `pregnant: "yes"` is not True, and
# `amount_mg: .nan` is not an amount (Pydantic's lax mode would accept all three).
StrictInt = Annotated[int, Field(strict=True)]
StrictBool = Annotated[bool, Field(strict=True)]
StrictFloat = Annotated[float, Field(strict=True, allow_inf_nan=False)]
