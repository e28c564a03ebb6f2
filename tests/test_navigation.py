"""History and comparison as the user sees them, without Qt."""

from __future__ import annotations

from navigator.navigation import MAX_COMPARED, CompareSet, History


def test_back_and_forward_return_to_where_you_were_reading():
    history = History()
    history.visit("stalking")
    history.remember(420)
    history.visit("aware")
    assert history.can_go_back() and not history.can_go_forward()
    assert history.back() == ("stalking", 420)
    assert history.forward() == ("aware", 0)
    assert history.forward() is None


def test_following_a_link_after_going_back_drops_what_was_ahead():
    history = History()
    for card in ("a", "b", "c"):
        history.visit(card)
    history.back()
    history.back()
    history.visit("d")
    assert history.cards == ["a", "d"] and history.current == "d"
    assert not history.can_go_forward()


def test_an_empty_history_goes_nowhere():
    history = History()
    assert history.back() is None and history.forward() is None and history.current is None
    history.remember(10)  # nothing open: nothing to remember, and no error
    assert history.positions == []


def test_the_comparison_holds_at_most_four_and_toggles():
    compared = CompareSet()
    assert [compared.toggle(card) for card in ("a", "b", "c", "d")] == [True] * 4
    assert compared.toggle("e") is None and len(compared) == MAX_COMPARED
    assert compared.toggle("b") is False and "b" not in compared and list(compared) == ["a", "c", "d"]
    assert compared.ready()
    compared.clear()
    assert len(compared) == 0 and not compared.ready()


def test_bookmarks_and_recent_cards_are_kept_per_user_and_survive_a_second_instance(tmp_path):
    from navigator.navigation import MAX_RECENT, UserLists

    first, second = UserLists(tmp_path), UserLists(tmp_path)
    assert first.toggle_bookmark("stalking") is True
    assert second.toggle_bookmark("meldcode") is True  # re-reads first: both stay
    assert sorted(UserLists(tmp_path).bookmarks) == ["meldcode", "stalking"]
    first.remove_bookmarks(["stalking"])
    assert UserLists(tmp_path).bookmarks == ["meldcode"]
    for n in range(MAX_RECENT + 3):
        first.add_recent(f"kaart-{n}")
    first.add_recent("kaart-5")
    recent = UserLists(tmp_path).recent
    assert recent[0] == "kaart-5" and len(recent) == MAX_RECENT and recent.count("kaart-5") == 1
