"""The homomorphic tally, its decryption and the result."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from . import elgamal, group, trustees
from .election import Election
from .elgamal import Ciphertext
from .group import Point

Json = dict[str, Any]
Sums = dict[int, list[list[Ciphertext]]]


class TallyError(ValueError):
    """A tally or result that does not follow from the board."""


def empty(election: Election) -> list[list[Ciphertext]]:
    return [[elgamal.ZERO] * lay.explicit for lay in election.layouts]


def _add_rows(
    a: list[list[Ciphertext]], b: list[list[Ciphertext]]
) -> list[list[Ciphertext]]:
    return [
        [
            y if x == elgamal.ZERO else elgamal.add(x, y)
            for x, y in zip(ra, rb, strict=True)
        ]
        for ra, rb in zip(a, b, strict=True)
    ]


def sums_by_weight(
    election: Election, counted: Iterable[tuple[list[list[Ciphertext]], int]]
) -> Sums:
    """Add the ciphertexts of counted ballots, one running sum per weight."""
    sums: Sums = {}
    for cts, weight in counted:
        acc = sums.get(weight)
        sums[weight] = cts if acc is None else _add_rows(acc, cts)
    return sums


def merge(parts: Iterable[Sums]) -> Sums:
    out: Sums = {}
    for part in parts:
        for weight, rows in part.items():
            acc = out.get(weight)
            out[weight] = rows if acc is None else _add_rows(acc, rows)
    return out


def weighted(election: Election, sums: Sums) -> list[list[Ciphertext]]:
    """``sum over weights w of w * (sum of ballots of weight w)``."""
    acc = empty(election)
    for weight in sorted(sums):
        scaled = [[elgamal.scale(ct, weight) for ct in row] for row in sums[weight]]
        acc = _add_rows(acc, scaled)
    return acc


def encode(cts: list[list[Ciphertext]]) -> list[list[list[str]]]:
    return [[elgamal.encode(ct) for ct in row] for row in cts]


def tally_payload(
    election: Election, sums: Sums, counted: int, total_weight: int
) -> Json:
    return {
        "ciphertexts": encode(weighted(election, sums)),
        "counted": counted,
        "total_weight": total_weight,
    }


def decode_tally(election: Election, payload: Any) -> list[list[Ciphertext]]:
    cts = payload["ciphertexts"]
    if not isinstance(cts, list) or [
        len(r) if isinstance(r, list) else -1 for r in cts
    ] != [lay.explicit for lay in election.layouts]:
        raise TallyError("the tally has one ciphertext per explicit answer")
    return [[elgamal.decode(ct, allow_identity=True) for ct in row] for row in cts]


def discrete_log(target: Point, bound: int) -> int:
    """The ``m`` in ``[0, bound]`` with ``m * G == target`` (baby-step giant-step)."""
    if target == group.IDENTITY:
        return 0
    step = max(1, math.isqrt(bound) + 1)
    baby: dict[Point, int] = {}
    point = group.IDENTITY
    for j in range(step):
        baby[point] = j
        point = group.add(point, group.G)
    giant = group.neg(group.base(step)) if step % group.L else group.IDENTITY
    current = target
    for i in range(step + 1):
        found = baby.get(current)
        if found is not None and i * step + found <= bound:
            return i * step + found
        current = group.add(current, giant)
    raise TallyError(f"the tally does not decrypt to a number in [0, {bound}]")


def decrypt(
    election: Election,
    key: Json,
    cts: list[list[Ciphertext]],
    shares: list[Json],
    bound: int,
) -> tuple[list[list[int]], list[int]]:
    """Combine ``t`` valid decryption shares; return explicit counts and trustees used."""
    threshold = election.params["trustees"]["threshold"]
    valid: dict[int, list[list[Point]]] = {}
    for share in shares:
        valid[share["trustee"]] = trustees.verify_share(election, key, cts, share)
    if len(valid) < threshold:
        raise TallyError(f"{len(valid)} decryption shares, {threshold} needed")
    used = sorted(valid)[:threshold]
    coeffs = trustees.lagrange(used)
    counts = []
    for q, row in enumerate(cts):
        out = []
        for a, (_, beta) in enumerate(row):
            mask = group.IDENTITY
            for j in used:
                mask = group.add(mask, group.mul(valid[j][q][a], coeffs[j]))
            out.append(discrete_log(group.sub(beta, mask), bound))
        counts.append(out)
    return counts, used


def counts_with_implied(
    election: Election, explicit: list[list[int]], total_weight: int
) -> list[list[int]]:
    """Add the count of each implied last answer: ``max * W - sum of the others``."""
    out = []
    for lay, row in zip(election.layouts, explicit, strict=True):
        row = list(row)
        if lay.implied:
            row.append(lay.maximum * total_weight - sum(row))
        out.append(row)
    return out


def result_payload(
    election: Election, key: Json, tally: Json, shares: list[Json]
) -> Json:
    """The result event's payload, from the tally and the decryption shares."""
    cts = decode_tally(election, tally)
    total_weight = tally["total_weight"]
    explicit, used = decrypt(election, key, cts, shares, total_weight)
    return {
        "counts": counts_with_implied(election, explicit, total_weight),
        "trustees": used,
        "counted": tally["counted"],
        "total_weight": total_weight,
    }
