"""What the dashboard writes: dates in words computed once, and an "open an event" list with unique names."""

from __future__ import annotations

from timeline.dashboard_text import event_choices, for_display, with_words


def test_choices_name_events_by_date_in_words_and_title_and_stay_unique(seed_timeline):
    events = with_words(seed_timeline.events)
    choices = event_choices(events)
    assert len(choices) == len(events) and set(choices.values()) == set(events["id"])
    assert any(name.startswith("Fri 1 Nov 2024, evening · ") for name in choices), list(choices)[:5]
    repeats = set(events["id"][(events["when"] + " · " + events["title"]).duplicated()])  # after the first of a name
    assert all(f"({event_id})" in name for name, event_id in choices.items() if event_id in repeats)


def test_words_are_kept_once_made(seed_timeline):
    events = with_words(seed_timeline.events)
    assert with_words(events) is events
    assert not events["when"].str.contains(r"\d{4}-\d\d").any(), "dates in words, never ISO codes"


def test_the_dashboard_shows_names_as_people_know_them_and_dates_in_words(seed_timeline):
    raw = seed_timeline.events
    shown = for_display(raw)
    assert list(shown["id"]) == list(raw["id"]) and shown["when"].map(bool).all()
    assert any("Kassab" in names for names in raw["names"]), "the seeds name him by his surname alone"
    assert not any("Kassab" in names for names in shown["names"])
    assert any("Izz al-Din Kassab" in names for names in shown["names"])
    assert for_display(raw.iloc[:0]).empty
