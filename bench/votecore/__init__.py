"""Benchmark of votecore: ``python -m bench.votecore`` (see run.py)."""
