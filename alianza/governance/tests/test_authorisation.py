"""Who may use the pages and endpoints of governance: its rows of the authorisation matrix."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from alianza.governance import actions as gov
from alianza.governance.models import Meeting, Minutes, Motion
from tests import joint_body as jb
from tests import matrix_records as rec
from tests.matrix import (
    LOGIN,
    MINEROS,
    NOT_MINEROS,
    OUTSIDE_SPACES,
    PERSONAS,
    REDIRECT,
    REFUSED,
    USW,
    Row,
    allow,
    matrix_tests,
    run_api,
    run_page,
)

#: Those who may not see Los Mineros' executive committee: its meetings, motions,
#: votes, proxies, follow-ups, minutes and recommendations do not exist for them.
UNSEEN = NOT_MINEROS


def allow_seen(personas: set[str], yes):
    """``yes`` for ``personas``; 403 for the others who see the committee, 404 for
    those who do not (what a person may not see answers 404)."""
    return {**allow(personas, yes), **dict.fromkeys(UNSEEN, 404)}


def _poster(w):
    """The persona who made the request (the matrix signs her in just before)."""
    return get_user_model().objects.exclude(last_login=None).latest("last_login")


def _with_a_speaker(w) -> Meeting:
    """The meeting with the observer waiting on the speakers list."""
    meeting = rec.the_meeting(w)
    if not meeting.speakers.exists():
        gov.request_to_speak(w["observer"], meeting)
    return meeting


def _show_of_hands(w):
    motion = rec.the_motion(w)
    return motion.votes.filter(method="show_of_hands").first() or gov.open_vote(
        w["mineros_staff"], motion, method="show_of_hands", threshold="cast"
    )


def _others_motion(w) -> Motion:
    """A motion moved by another member of the committee, for the officer to second."""
    meeting = rec.the_meeting(w)
    mover = w.nec.seats.filter(kind="member").exclude(
        holder=w["mineros_officer"].person
    )[0]
    found = meeting.motions.filter(proposer=mover).first()
    return found or Motion.objects.create(
        meeting=meeting, number=90, text="Convocar a asamblea.", proposer=mover,
        language="es",
    )  # fmt: skip


def _later_meeting(w) -> Meeting:
    """A later meeting of the committee, in session, at which minutes are approved."""
    later = Meeting.objects.filter(body=w.nec, title="Sesión siguiente").first()
    if later is None:
        later = gov.schedule_meeting(
            w["mineros_staff"], w.nec, title="Sesión siguiente",
            starts_at=timezone.now() + timedelta(hours=2), mode="online", place="",
            language="es",
        )  # fmt: skip
        gov.set_meeting_status(w["mineros_staff"], later, "open")
    return later


def _assert(fact) -> None:
    assert fact


PAGES: dict[str, Row] = {
    "governance:meeting_new": Row(
        lambda w: reverse("governance:meeting_new") + f"?body={w.nec.pk}",
        allow_seen({"mineros_staff"}, 200),
    ),
    "governance:meeting": Row(
        lambda w: reverse("governance:meeting", args=[rec.the_meeting(w).pk]),
        allow_seen(MINEROS | {"observer"}, 200),
    ),
    "governance:live": Row(
        lambda w: reverse("governance:live", args=[rec.the_meeting(w).pk]),
        allow_seen(MINEROS | {"observer"}, 200),
    ),
    "governance:projector": Row(
        lambda w: reverse("governance:projector", args=[rec.the_meeting(w).pk]),
        allow_seen(MINEROS | {"observer"}, 200),
    ),
    "governance:meeting_status": Row(
        lambda w: reverse("governance:meeting_status", args=[rec.the_meeting(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "closed"},
        check=lambda w: _assert(rec.the_meeting(w).is_closed),
    ),
    # Self check-in and the floor: only for those holding a seat (the observer does).
    "governance:check_in": Row(
        lambda w: reverse("governance:check_in", args=[rec.the_meeting(w).pk]),
        allow_seen({"observer", "mineros_officer"}, REDIRECT),
        method="post",
        check=lambda w: _assert(
            rec.the_meeting(w)
            .attendance.filter(seat__holder=_poster(w).person)
            .exists()
        ),
    ),
    "governance:speak": Row(
        lambda w: reverse("governance:speak", args=[rec.the_meeting(w).pk]),
        allow_seen({"observer", "mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"kind": "speak"},
        check=lambda w: _assert(
            rec.the_meeting(w).speakers.filter(seat__holder=_poster(w).person).exists()
        ),
    ),
    "governance:next_speaker": Row(
        lambda w: reverse("governance:next_speaker", args=[_with_a_speaker(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        check=lambda w: _assert(
            rec.the_meeting(w)
            .speakers.get(seat__holder=w["observer"].person)
            .started_at
        ),
    ),
    # Motions and named votes: voting members only; the observer is refused.
    "governance:motion_add": Row(
        lambda w: reverse("governance:motion_add", args=[rec.the_meeting(w).pk]),
        allow_seen({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"text": "Enviar una delegación a Cananea.", "language": "es"},
        check=lambda w: _assert(
            rec.the_meeting(w).motions.filter(text__startswith="Enviar una").exists()
        ),
    ),
    "governance:vote_open": Row(
        lambda w: reverse("governance:vote_open", args=[rec.the_motion(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"method": "roll_call", "threshold": "cast"},
        check=lambda w: _assert(rec.the_motion(w).votes.exists()),
    ),
    "governance:ballot": Row(
        lambda w: reverse("governance:ballot", args=[rec.the_vote(w).pk]),
        allow_seen({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"choice": "yes"},
        check=lambda w: _assert(rec.the_vote(w).ballots.filter(choice="yes").exists()),
    ),
    "governance:hands": Row(
        lambda w: reverse("governance:hands", args=[_show_of_hands(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"yes": "2", "no": "0", "abstain": "0"},
        check=lambda w: _assert(_show_of_hands(w).yes == 2),
    ),
    "governance:vote_close": Row(
        lambda w: reverse("governance:vote_close", args=[rec.the_vote(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        check=lambda w: _assert(rec.the_vote(w).closed_at),
    ),
    "governance:speaking_limit": Row(
        lambda w: reverse("governance:speaking_limit", args=[rec.the_meeting(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"seconds": "120"},
        check=lambda w: _assert(rec.the_meeting(w).speaking_limit == 120),
    ),
    "governance:agenda_add": Row(
        lambda w: reverse("governance:agenda_add", args=[rec.the_meeting(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"title": "Asuntos generales", "minutes": "15"},
        check=lambda w: _assert(
            rec.the_meeting(w).agenda.filter(title="Asuntos generales").exists()
        ),
    ),
    "governance:agenda_current": Row(
        lambda w: reverse("governance:agenda_current", args=[rec.the_meeting(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"item": str(rec.the_agenda_item(w).pk)},
        check=lambda w: _assert(
            rec.the_meeting(w).current_item_id == rec.the_agenda_item(w).pk
        ),
    ),
    # A proxy for someone else's seat: only the secretary records it.
    "governance:proxy_give": Row(
        lambda w: reverse("governance:proxy_give", args=[rec.the_meeting(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "carrier": str(rec.the_officer_seat(w).pk),
            "giver": str(rec.the_absent_member(w).pk),
        },
        check=lambda w: _assert(
            rec.the_meeting(w).proxies.filter(giver=rec.the_absent_member(w)).exists()
        ),
    ),
    "governance:proxy_withdraw": Row(
        lambda w: reverse("governance:proxy_withdraw", args=[rec.the_proxy(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        check=lambda w: _assert(not rec.the_meeting(w).proxies.exists()),
    ),
    "governance:motion_support": Row(
        lambda w: reverse("governance:motion_support", args=[_others_motion(w).pk]),
        allow_seen({"mineros_officer"}, REDIRECT),
        method="post",
        check=lambda w: _assert(
            _others_motion(w).support.filter(seat=rec.the_officer_seat(w)).exists()
        ),
    ),
    "governance:motion_amend": Row(
        lambda w: reverse("governance:motion_amend", args=[rec.the_motion(w).pk]),
        allow_seen({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {
            "line_from": "1",
            "line_to": "1",
            "text": "Apoyar a los cinco locales.",
            "language": "es",
        },
        check=lambda w: _assert(rec.the_motion(w).amendments.exists()),
    ),
    "governance:motion_move": Row(
        lambda w: reverse("governance:motion_move", args=[rec.the_motion(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "referred"},
        check=lambda w: _assert(rec.the_motion(w).status == "referred"),
    ),
    # The committee is a union's own body: the secretary is let through and told
    # that only a joint body's recommendations are forwarded; nothing is sent.
    "governance:motion_forward": Row(
        lambda w: reverse(
            "governance:motion_forward", args=[rec.the_adopted_motion(w).pk]
        ),
        # A motion of the committee's own is no joint recommendation: its staff are
        # told so, and nothing is forwarded.
        allow_seen({"mineros_staff"}, REFUSED),
        method="post",
    ),
    "governance:follow_up_add": Row(
        lambda w: reverse(
            "governance:follow_up_add", args=[rec.the_adopted_motion(w).pk]
        ),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "task": "Informar al CEN",
            "owner": str(w["mineros_officer"].person.pk),
            "due_on": "2026-12-20",
        },
        check=lambda w: _assert(
            rec.the_adopted_motion(w).follow_ups.filter(task="Informar al CEN").exists()
        ),
    ),
    # Its owner (the officer) or the body's secretary reports progress.
    "governance:follow_up_update": Row(
        lambda w: reverse(
            "governance:follow_up_update", args=[rec.the_follow_up(w).pk]
        ),
        allow_seen({"mineros_staff", "mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "in_progress", "progress": "40", "note": ""},
        check=lambda w: _assert(rec.the_follow_up(w).progress == 40),
    ),
    "governance:recommendations": Row(
        lambda w: reverse("governance:recommendations", args=[w.nec.pk]),
        allow_seen(MINEROS | {"observer"}, 200),
    ),
    "governance:forwarding_decide": Row(
        lambda w: reverse(
            "governance:forwarding_decide", args=[rec.the_forwarding(w).pk]
        ),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"decision": "adopted", "decided_on": "2026-11-30", "note": ""},
        check=lambda w: _assert(rec.the_forwarding(w).decision == "adopted"),
    ),
    "governance:forwarding_agenda": Row(
        lambda w: reverse(
            "governance:forwarding_agenda", args=[rec.the_forwarding(w).pk]
        ),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"meeting": str(rec.the_meeting(w).pk)},
        check=lambda w: _assert(rec.the_forwarding(w).local_motion_id),
    ),
    "governance:minutes": Row(
        lambda w: reverse("governance:minutes", args=[rec.the_minutes(w).meeting_id]),
        allow_seen(MINEROS | {"observer"}, 200),
    ),
    "governance:minutes_assemble": Row(
        lambda w: reverse("governance:minutes_assemble", args=[rec.the_meeting(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        check=lambda w: _assert(
            Minutes.objects.filter(meeting=rec.the_meeting(w)).exists()
        ),
    ),
    "governance:minutes_approve": Row(
        lambda w: reverse(
            "governance:minutes_approve", args=[rec.the_minutes(w).meeting_id]
        ),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"at": str(_later_meeting(w).pk)},
        check=lambda w: _assert(
            Minutes.objects.filter(approved_at=_later_meeting(w)).exists()
        ),
    ),
    "governance:minutes_pdf": Row(
        lambda w: reverse(
            "governance:minutes_pdf", args=[rec.the_minutes(w).meeting_id]
        ),
        allow_seen(MINEROS | {"observer"}, 200),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/meetings/{meeting_id}": Row(
        lambda w: f"/api/v1/meetings/{rec.the_meeting(w).pk}",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
    # Asking for the floor: only those holding a seat that speaks.
    "POST /api/v1/meetings/{meeting_id}/speakers": Row(
        lambda w: f"/api/v1/meetings/{rec.the_meeting(w).pk}/speakers",
        {
            **allow({"observer", "mineros_officer"}, 201, no=404, anonymous=401),
            "member": 403,
            "mineros_observer": 403,
            "mineros_staff": 403,
        },
        method="post",
        data=lambda w: {"kind": "point_of_order"},
        check=lambda w: _assert(
            rec.the_meeting(w).speakers.filter(kind="point_of_order").exists()
        ),
    ),
    "GET /api/v1/meetings/{meeting_id}/minutes": Row(
        lambda w: f"/api/v1/meetings/{rec.the_minutes(w).meeting_id}/minutes",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("governance", PAGES, API)


# A joint body: each union keeps its own proxies and votes -----------------------------
# Rows on a session of the Joint Commission's body (tests/joint_body.py), in both
# directions: the staff of either union chair it, but record proxies and check seats
# in for their own union only; a vote is cast by the seat's holder or its proxy's
# carrier only. A refused write is checked to have changed nothing.

USW_MANAGERS = {"usw_staff", "usw_admin"}
CHAIRS = USW_MANAGERS | {"mineros_staff"}
#: Those who do not take part in the Joint Commission: its meetings do not exist for them.
OUTSIDE_COMMISSION = OUTSIDE_SPACES


def allow_joint(personas: set[str], yes):
    return {**allow(personas, yes), **dict.fromkeys(OUTSIDE_COMMISSION, 404)}


def _staff_of(union: str) -> set[str]:
    return USW_MANAGERS if union == "usw" else {"mineros_staff"}


def _officer_of(union: str) -> set[str]:
    return {"usw_officer" if union == "usw" else "mineros_officer"}


def _present(w, union: str):
    return jb.joint_body(w).seats_of(union)[0]


def _absent(w, union: str):
    return jb.joint_body(w).seats_of(union)[1]


def _joint_meeting(w) -> Meeting:
    return jb.joint_body(w).meeting


def _paper_proxy(union: str) -> Row:
    return Row(
        lambda w: reverse("governance:proxy_give", args=[_joint_meeting(w).pk]),
        allow_joint(_staff_of(union), REDIRECT),
        method="post",
        data=lambda w: {
            "carrier": str(_present(w, union).pk),
            "giver": str(_absent(w, union).pk),
        },
        check=lambda w: _assert(
            _joint_meeting(w).proxies.filter(giver=_absent(w, union)).exists()
        ),
    )


def _withdraw(union: str) -> Row:
    return Row(
        lambda w: reverse(
            "governance:proxy_withdraw", args=[jb.joint_proxy(w, union).pk]
        ),
        allow_joint(_staff_of(union), REDIRECT),
        method="post",
        check=lambda w: _assert(
            not _joint_meeting(w).proxies.filter(giver=_absent(w, union)).exists()
        ),
    )


def _mark_present(union: str) -> Row:
    return Row(
        lambda w: reverse("governance:check_in", args=[_joint_meeting(w).pk]),
        allow_joint(_staff_of(union), REDIRECT),
        method="post",
        data=lambda w: {"seat": str(_absent(w, union).pk)},
        check=lambda w: _assert(
            _joint_meeting(w).attendance.filter(seat=_absent(w, union)).exists()
        ),
    )


def _ballot(union: str, by_proxy: bool) -> Row:
    def seat(w):
        if by_proxy:
            jb.joint_proxy(w, union)
            return _absent(w, union)
        return _present(w, union)

    return Row(
        lambda w: reverse("governance:ballot", args=[jb.joint_vote(w, "roll_call").pk]),
        allow_joint(_officer_of(union), REDIRECT),
        method="post",
        data=lambda w: {"choice": "yes", "seat": str(seat(w).pk)},
        check=lambda w: _assert(
            jb.joint_vote(w, "roll_call").ballots.filter(seat=seat(w)).exists()
        ),
    )


JOINT_PAGES: dict[str, Row] = {
    "governance:proxy_give (a USW seat's, on paper)": _paper_proxy("usw"),
    "governance:proxy_give (a Los Mineros seat's, on paper)": _paper_proxy("mineros"),
    "governance:proxy_withdraw (a USW seat's)": _withdraw("usw"),
    "governance:proxy_withdraw (a Los Mineros seat's)": _withdraw("mineros"),
    "governance:check_in (a USW seat)": _mark_present("usw"),
    "governance:check_in (a Los Mineros seat)": _mark_present("mineros"),
    "governance:ballot (a USW seat)": _ballot("usw", by_proxy=False),
    "governance:ballot (a Los Mineros seat)": _ballot("mineros", by_proxy=False),
    "governance:ballot (for a USW seat by proxy)": _ballot("usw", by_proxy=True),
    "governance:ballot (for a Los Mineros seat by proxy)": _ballot(
        "mineros", by_proxy=True
    ),
    # A count of hands is the chair's: either union's staff.
    "governance:hands (the joint body)": Row(
        lambda w: reverse(
            "governance:hands", args=[jb.joint_vote(w, "show_of_hands").pk]
        ),
        allow_joint(CHAIRS, REDIRECT),
        method="post",
        data=lambda w: {"yes": "1", "no": "0", "abstain": "0"},
        check=lambda w: _assert(jb.joint_vote(w, "show_of_hands").yes == 1),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(JOINT_PAGES))
def test_joint_body_page(client, matrix_world, name, persona):
    jb.run_joint_row(client, matrix_world, JOINT_PAGES[name], persona)


# The other direction: the USW's board, with Los Mineros' observer -------------------
# The mirror of the observer on Los Mineros' committee: the Los Mineros member who
# observes on the IEB asks for the floor, and is refused a motion and a vote; those
# who neither belong to the USW nor sit on the board do not see its meetings.

IEB_SEEN = USW | {"mineros_observer"}
#: Those who manage the USW, and so keep its board's business.
IEB_SECRETARY = {"usw_staff", "usw_admin"}


def _later_ieb_meeting(w) -> Meeting:
    """A later meeting of the IEB, in session, at which minutes are approved."""
    later = Meeting.objects.filter(body=w.ieb, title="Next session").first()
    if later is None:
        later = gov.schedule_meeting(
            w["usw_staff"], w.ieb, title="Next session",
            starts_at=timezone.now() + timedelta(hours=2), mode="online", place="",
            language="en",
        )  # fmt: skip
        gov.set_meeting_status(w["usw_staff"], later, "open")
    return later


def allow_ieb(personas: set[str], yes, anonymous=LOGIN):
    unseen = set(PERSONAS) - IEB_SEEN - {"anonymous"}
    return {**allow(personas, yes, anonymous=anonymous), **dict.fromkeys(unseen, 404)}


def _spoke(w) -> None:
    speaker = _poster(w).person
    assert rec.the_ieb_meeting(w).speakers.filter(seat__holder=speaker).exists()


IEB_PAGES: dict[str, Row] = {
    "governance:meeting (the IEB's)": Row(
        lambda w: reverse("governance:meeting", args=[rec.the_ieb_meeting(w).pk]),
        allow_ieb(IEB_SEEN, 200),
    ),
    "governance:speak (at the IEB)": Row(
        lambda w: reverse("governance:speak", args=[rec.the_ieb_meeting(w).pk]),
        allow_ieb({"mineros_observer", "usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {"kind": "speak"},
        check=_spoke,
    ),
    "governance:motion_add (at the IEB)": Row(
        lambda w: reverse("governance:motion_add", args=[rec.the_ieb_meeting(w).pk]),
        allow_ieb({"usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {"text": "Send a delegation to Cananea.", "language": "en"},
        check=lambda w: _assert(
            rec.the_ieb_meeting(w).motions.filter(text__startswith="Send a").exists()
        ),
    ),
    "governance:ballot (at the IEB)": Row(
        lambda w: reverse("governance:ballot", args=[rec.the_ieb_vote(w).pk]),
        allow_ieb({"usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {"choice": "yes"},
        check=lambda w: _assert(
            rec.the_ieb_vote(w).ballots.filter(choice="yes").exists()
        ),
    ),
    # The IEB's secretary (the USW's staff and administrator, who manage the board)
    # keeps its agenda, proxies on paper, follow-ups and minutes; no one else, and
    # Los Mineros' observer least of all.
    "governance:agenda_add (at the IEB)": Row(
        lambda w: reverse("governance:agenda_add", args=[rec.the_ieb_meeting(w).pk]),
        allow_ieb(IEB_SECRETARY, REDIRECT),
        method="post",
        data=lambda w: {"title": "Any other business", "minutes": "15"},
        check=lambda w: _assert(
            rec.the_ieb_meeting(w).agenda.filter(title="Any other business").exists()
        ),
    ),
    "governance:agenda_current (at the IEB)": Row(
        lambda w: reverse(
            "governance:agenda_current", args=[rec.the_ieb_meeting(w).pk]
        ),
        allow_ieb(IEB_SECRETARY, REDIRECT),
        method="post",
        data=lambda w: {"item": str(rec.the_ieb_agenda_item(w).pk)},
        check=lambda w: _assert(
            rec.the_ieb_meeting(w).current_item_id == rec.the_ieb_agenda_item(w).pk
        ),
    ),
    "governance:proxy_give (at the IEB)": Row(
        lambda w: reverse("governance:proxy_give", args=[rec.the_ieb_meeting(w).pk]),
        allow_ieb(IEB_SECRETARY, REDIRECT),
        method="post",
        data=lambda w: {
            "carrier": str(rec.the_ieb_admin_seat(w).pk),
            "giver": str(rec.the_ieb_absent_member(w).pk),
        },
        check=lambda w: _assert(
            rec.the_ieb_meeting(w)
            .proxies.filter(giver=rec.the_ieb_absent_member(w))
            .exists()
        ),
    ),
    "governance:proxy_withdraw (at the IEB)": Row(
        lambda w: reverse("governance:proxy_withdraw", args=[rec.the_ieb_proxy(w).pk]),
        allow_ieb(IEB_SECRETARY, REDIRECT),
        method="post",
        check=lambda w: _assert(not rec.the_ieb_meeting(w).proxies.exists()),
    ),
    "governance:follow_up_add (at the IEB)": Row(
        lambda w: reverse(
            "governance:follow_up_add", args=[rec.the_ieb_adopted_motion(w).pk]
        ),
        allow_ieb(IEB_SECRETARY, REDIRECT),
        method="post",
        data=lambda w: {
            "task": "Report to the board",
            "owner": str(w["usw_officer"].person.pk),
            "due_on": "2026-12-20",
        },
        check=lambda w: _assert(
            rec.the_ieb_adopted_motion(w)
            .follow_ups.filter(task="Report to the board")
            .exists()
        ),
    ),
    # Its owner (the USW officer) or the board's secretary reports progress.
    "governance:follow_up_update (at the IEB)": Row(
        lambda w: reverse(
            "governance:follow_up_update", args=[rec.the_ieb_follow_up(w).pk]
        ),
        allow_ieb(IEB_SECRETARY | {"usw_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "in_progress", "progress": "40", "note": ""},
        check=lambda w: _assert(rec.the_ieb_follow_up(w).progress == 40),
    ),
    "governance:minutes (of the IEB)": Row(
        lambda w: reverse(
            "governance:minutes", args=[rec.the_ieb_minutes(w).meeting_id]
        ),
        allow_ieb(IEB_SEEN, 200),
    ),
    "governance:minutes_pdf (of the IEB)": Row(
        lambda w: reverse(
            "governance:minutes_pdf", args=[rec.the_ieb_minutes(w).meeting_id]
        ),
        allow_ieb(IEB_SEEN, 200),
    ),
    "governance:minutes_assemble (of the IEB)": Row(
        lambda w: reverse(
            "governance:minutes_assemble", args=[rec.the_ieb_meeting(w).pk]
        ),
        allow_ieb(IEB_SECRETARY, REDIRECT),
        method="post",
        check=lambda w: _assert(
            Minutes.objects.filter(meeting=rec.the_ieb_meeting(w)).exists()
        ),
    ),
    "governance:minutes_approve (of the IEB)": Row(
        lambda w: reverse(
            "governance:minutes_approve", args=[rec.the_ieb_minutes(w).meeting_id]
        ),
        allow_ieb(IEB_SECRETARY, REDIRECT),
        method="post",
        data=lambda w: {"at": str(_later_ieb_meeting(w).pk)},
        check=lambda w: _assert(
            Minutes.objects.filter(approved_at=_later_ieb_meeting(w)).exists()
        ),
    ),
}

IEB_API: dict[str, Row] = {
    "POST /api/v1/meetings/{meeting_id}/speakers (at the IEB)": Row(
        lambda w: f"/api/v1/meetings/{rec.the_ieb_meeting(w).pk}/speakers",
        allow_ieb({"mineros_observer", "usw_admin"}, 201, anonymous=401),
        method="post",
        data=lambda w: {"kind": "point_of_order"},
        check=lambda w: _assert(
            rec.the_ieb_meeting(w).speakers.filter(kind="point_of_order").exists()
        ),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(IEB_PAGES))
def test_ieb_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, IEB_PAGES[name], persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(IEB_API))
def test_ieb_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name.split(" (")[0], IEB_API[name], persona)
