"""Every step of an election: permission check, transaction, audit entry, board event.

The server holds public values only. Trustees run their steps on their own
machines (``python -m alianza.elections.trustee``) and send public messages; the
credential authority sends public credentials. Ballots are checked with votecore
before they reach the board.

One module per topic; every public action is importable from here
(``from alianza.elections import actions; actions.cast(...)``):

- ``election``: the election created, the people given a part in it;
- ``roll``: the voter roll imported, corrected, a line removed, its participation
  exported;
- ``board``: the public board, chained event by event;
- ``ceremony``: the trustees' key ceremony and decryption shares;
- ``credentials``: the public credentials published, the secret codes delivered;
- ``codes``: the credential authority's key, a lost or stolen code replaced;
- ``provisional``: provisional ballots of workers missing from the roll, issued
  and decided;
- ``console``: the polling-table console: workers checked in (assisted voting
  recorded), incidents written as they happen;
- ``voting``: the vote opened, ballots cast, the vote closed and added up;
- ``result``: the result decrypted and published;
- ``meetings``: a meeting's secret ballot held as an election;
- ``joint``: a joint body's secret ballot outside a meeting, held once every
  coordinating union has agreed.

Reads live in ``elections.selectors``."""

from ._shared import CONTRACT_KINDS, NOTICE_DAYS
from .board import append_event, board_bytes, sequence, sequence_now
from .ceremony import (
    begin_ceremony,
    finish_keys_now,
    receive,
    remind_trustees,
    start_ceremony,
    trustee_message,
)
from .codes import (
    publish_authority_key,
    replace_credential,
    store_authority_key,
    store_replacement,
)
from .console import check_in, record_check_in, record_incident, write_incident
from .credentials import METHODS, deliver, publish_credentials, store_credentials
from .election import assign_role, create_election
from .joint import agree_to_hold, propose_joint_ballot
from .meetings import name_officers, open_meeting_ballot
from .provisional import (
    answer_provisional,
    decide_provisional,
    issue_provisional,
    record_provisional,
)
from .result import announce, publish_result
from .roll import correct_voter, export_participation, import_roll, remove_voter
from .voting import (
    BallotRefused,
    cast,
    close_election,
    open_election,
    start_voting,
    stop_voting,
)

#: The steps an election's managers take, by the name its page and the API use.
STEPS = {
    "hold": agree_to_hold,
    "begin": begin_ceremony,
    "keys_now": finish_keys_now,
    "open": open_election,
    "close": close_election,
    "publish": publish_result,
}

__all__ = [
    "CONTRACT_KINDS",
    "METHODS",
    "NOTICE_DAYS",
    "STEPS",
    "BallotRefused",
    "agree_to_hold",
    "announce",
    "answer_provisional",
    "append_event",
    "assign_role",
    "begin_ceremony",
    "board_bytes",
    "cast",
    "check_in",
    "decide_provisional",
    "close_election",
    "correct_voter",
    "create_election",
    "deliver",
    "name_officers",
    "remind_trustees",
    "export_participation",
    "finish_keys_now",
    "import_roll",
    "issue_provisional",
    "open_election",
    "open_meeting_ballot",
    "propose_joint_ballot",
    "publish_authority_key",
    "publish_credentials",
    "publish_result",
    "record_provisional",
    "receive",
    "record_check_in",
    "record_incident",
    "remove_voter",
    "replace_credential",
    "sequence",
    "sequence_now",
    "start_ceremony",
    "start_voting",
    "stop_voting",
    "store_authority_key",
    "store_credentials",
    "store_replacement",
    "trustee_message",
    "write_incident",
]
