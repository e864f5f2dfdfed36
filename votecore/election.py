"""Election parameters, the layout of each question, and the election context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import group
from .encoding import canonical, fingerprint
from .group import Point

MAX_ANSWERS = 64
# Lengths in Unicode code points (not bytes, not UTF-16 units).
MAX_NAME, MAX_TEXT, MAX_ANSWER = 200, 1000, 400
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


class ElectionError(ValueError):
    """Election parameters that the protocol refuses."""


def _is_int(value: object) -> bool:
    """An integer, and not ``True`` or ``False`` (which Python counts as 1 and 0)."""
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Layout:
    """How a question is encrypted: explicit ciphertexts and the overall proof."""

    answers: int
    minimum: int
    maximum: int
    blank: bool
    explicit: int  # ciphertexts in the ballot; answers - 1 when the last is implied
    overall: list[int] | None  # allowed sums of the explicit plaintexts, or None

    @property
    def implied(self) -> bool:
        return self.explicit < self.answers

    def allowed(self, choices: list[int]) -> bool:
        if len(choices) != self.answers or any(
            not _is_int(c) or c not in (0, 1) for c in choices
        ):
            return False
        total = sum(choices)
        return (self.blank and total == 0) or self.minimum <= total <= self.maximum


def layout(question: dict[str, Any]) -> Layout:
    k, lo, hi = len(question["answers"]), question["min"], question["max"]
    blank = bool(question.get("blank", False))
    if not blank and lo == hi and k >= 2:
        explicit = k - 1
        values = list(range(max(0, hi - 1), min(hi, k - 1) + 1))
    else:
        explicit = k
        values = sorted(set(([0] if blank else []) + list(range(lo, hi + 1))))
    overall = None if values == list(range(explicit + 1)) else values
    return Layout(k, lo, hi, blank, explicit, overall)


def _text(value: object, most: int) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= most


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ElectionError(message)


def check_params(params: Any) -> None:
    """Refuse malformed election parameters."""
    _require(isinstance(params, dict), "parameters are an object")
    keys = {"version", "id", "name", "questions", "trustees", "revote"}
    _require(set(params) == keys, f"parameters have exactly the keys {sorted(keys)}")
    _require(_is_int(params["version"]) and params["version"] == 1, "version must be 1")
    _require(
        isinstance(params["id"], str) and bool(_ID.fullmatch(params["id"])), "bad id"
    )
    _require(_text(params["name"], MAX_NAME), f"name is 1 to {MAX_NAME} characters")
    _require(isinstance(params["revote"], bool), "revote is true or false")
    trustees = params["trustees"]
    _require(
        isinstance(trustees, dict) and set(trustees) == {"count", "threshold"},
        "trustees is {count, threshold}",
    )
    n, t = trustees["count"], trustees["threshold"]
    _require(
        _is_int(n) and _is_int(t) and 1 <= t <= n <= 64,
        "1 <= threshold <= count <= 64",
    )
    questions = params["questions"]
    _require(
        isinstance(questions, list) and 1 <= len(questions) <= 64, "1 to 64 questions"
    )
    for q in questions:
        _require(
            isinstance(q, dict)
            and set(q) == {"text", "answers", "min", "max", "blank"},
            "a question is {text, answers, min, max, blank}",
        )
        answers = q["answers"]
        _require(
            _text(q["text"], MAX_TEXT), f"question text is 1 to {MAX_TEXT} characters"
        )
        _require(
            isinstance(answers, list)
            and 1 <= len(answers) <= MAX_ANSWERS
            and all(_text(a, MAX_ANSWER) for a in answers),
            f"1 to 64 answers, each 1 to {MAX_ANSWER} characters",
        )
        lo, hi = q["min"], q["max"]
        _require(
            isinstance(lo, int)
            and isinstance(hi, int)
            and not isinstance(lo, bool)
            and 0 <= lo <= hi <= len(answers)
            and hi >= 1,
            "0 <= min <= max <= answers and max >= 1",
        )
        _require(isinstance(q["blank"], bool), "blank is true or false")
    canonical(params)


def make_params(
    election_id: str,
    name: str,
    questions: list[dict[str, Any]],
    *,
    trustees: int = 1,
    threshold: int = 1,
    revote: bool = True,
) -> dict[str, Any]:
    """Election parameters. Each question: ``{"text", "answers", "min", "max", "blank"}``."""
    params = {
        "version": 1,
        "id": election_id,
        "name": name,
        "questions": [
            {
                "text": q["text"],
                "answers": list(q["answers"]),
                "min": q.get("min", 1),
                "max": q.get("max", 1),
                "blank": q.get("blank", False),
            }
            for q in questions
        ],
        "trustees": {"count": trustees, "threshold": threshold},
        "revote": revote,
    }
    check_params(params)
    return params


@dataclass
class Election:
    """Parameters with the election public key: all a ballot is checked against."""

    params: dict[str, Any]
    public_key: Point
    fingerprint: str = ""
    layouts: list[Layout] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_params(self.params)
        self.fingerprint = fingerprint(self.params, self.public_key.hex())
        self.layouts = [layout(q) for q in self.params["questions"]]

    @classmethod
    def from_json(cls, params: Any, public_key: Any) -> Election:
        return cls(params, group.decode_point(public_key))
