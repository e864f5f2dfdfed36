import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from votecore import group, vectors
from votecore.group import IDENTITY, GroupError, L

VECTORS = json.loads((vectors.PUBLISHED / "encodings.json").read_text())


@pytest.mark.parametrize("name", sorted(VECTORS["invalid_points"]))
def test_invalid_points_are_refused(name: Any) -> None:
    with pytest.raises(GroupError):
        group.decode_point(VECTORS["invalid_points"][name])


def test_identity_is_refused_unless_allowed() -> None:
    assert group.decode_point(IDENTITY.hex(), allow_identity=True) == IDENTITY
    with pytest.raises(GroupError):
        group.decode_point(IDENTITY.hex())


@pytest.mark.parametrize("name", sorted(VECTORS["invalid_scalars"]))
def test_scalars_at_or_above_the_order_are_refused(name: Any) -> None:
    with pytest.raises(GroupError):
        group.decode_scalar(VECTORS["invalid_scalars"][name])


@pytest.mark.parametrize("text", ["AB" * 32, "ab" * 31, 5, None, "zz" * 32, "ab" * 33])
def test_malformed_encodings_are_refused(text: Any) -> None:
    with pytest.raises(GroupError):
        group.decode_scalar(text)
    with pytest.raises(GroupError):
        group.decode_point(text)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=0, max_value=L - 1), st.integers(min_value=0, max_value=L - 1)
)
def test_scalar_multiplication_is_linear(a: Any, b: Any) -> None:
    lhs = group.base((a + b) % L)
    rhs = group.add(group.base(a), group.base(b))
    assert lhs == rhs
    p = group.base(7)
    assert group.mul(p, a) == group.base(7 * a % L)


@settings(max_examples=30, deadline=None)
@given(st.binary(min_size=32, max_size=32))
def test_random_bytes_are_points_only_when_valid(raw: Any) -> None:
    try:
        p = group.decode_point(raw.hex())
    except GroupError:
        return
    assert group.mul(p, L - 1) == group.neg(p)


def test_mixed_order_point_is_refused() -> None:
    p = group.base(group.random_scalar())
    order_two = (2**255 - 20).to_bytes(32, "little")
    assert not group.is_valid_point(group.add(p, order_two))


def test_zero_scalar_and_identity_give_the_identity() -> None:
    assert group.base(0) == IDENTITY
    assert group.mul(group.G, 0) == IDENTITY
    assert group.mul(IDENTITY, 5) == IDENTITY


def test_random_scalars_are_non_zero_and_reduced() -> None:
    values = {group.random_scalar() for _ in range(50)}
    assert len(values) == 50
    assert all(0 < s < L for s in values)


def test_vectors_match_encodings() -> None:
    for item in VECTORS["derived_scalars"]:
        s = group.decode_scalar(item["scalar"])
        assert group.base(s).hex() == item["times_G"]
    for item in VECTORS["small_multiples"]:
        assert group.small(item["m"]).hex() == item["point"]
