"""votecore: end-to-end verifiable voting (no Django; PyNaCl and the standard library).

Applications use :mod:`votecore.api` and the trustee steps in
:mod:`votecore.trustees`; the protocol is in docs/voting-protocol.md; the
verifier is ``python -m votecore.verify BOARD``.
"""
