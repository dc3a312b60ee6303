"""Affirmations: where they come from (sets, your own, favourites), a new run, your own
ones written, archived and deleted, and favourites marked."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from durf.core.i18n import get_language, t
from durf.practice.flows import AffirmFlow

if TYPE_CHECKING:
    from durf.core.affirm import Item
    from durf.core.session import Part
    from durf.core.state import OwnAffirmation, State
    from durf.practice.keeper import StateKeeper


class Source(NamedTuple):
    """One way to choose what to practise: a set, your own, favourites or a mix."""

    key: str
    """``set:<id>``, ``favourites``, ``own`` or ``mix``."""
    title: str
    description: str
    items: list[Item]


class AffirmationsPractice:
    """What the affirmation screens ask of the practice layer."""

    def __init__(self, keeper: StateKeeper) -> None:
        self._keeper = keeper

    def sources(self) -> list[Source]:
        """Every way to choose what to practise, in the user's language."""
        from durf.core.affirm import Item, favourites, mix, own_items

        language = get_language()
        sources: list[Source] = []
        set_items: list[list[Item]] = []
        for affirmation_set in self._keeper.library.affirmations:
            items = [
                Item(
                    f"{affirmation_set.id}/{a.id}",
                    a.text.get(language),
                    a.stepping_stone.get(language) if a.stepping_stone else None,
                )
                for a in affirmation_set.affirmations
            ]
            set_items.append(items)
            sources.append(
                Source(
                    f"set:{affirmation_set.id}",
                    affirmation_set.name.get(language),
                    affirmation_set.description.get(language),
                    items,
                )
            )
        state = self._keeper.state
        own = own_items(state.own_affirmations)
        everything = [item for items in set_items for item in items] + own
        chosen = favourites(everything, state.favourite_affirmations)
        sources.append(
            Source("favourites", t("affirm.favourites"), t("affirm.favourites_description"), chosen)
        )
        sources.append(Source("own", t("affirm.own"), t("affirm.own_description"), own))
        sources.append(
            Source("mix", t("affirm.mix"), t("affirm.mix_description"), mix(*set_items, own))
        )
        return sources

    def items_for(self, source: str) -> list[Item]:
        """The affirmations of one source (empty if it is unknown or has none)."""
        return next((found.items for found in self.sources() if found.key == source), [])

    def practice_items(self) -> list[Item]:
        """Every affirmation that can be practised, a little from each set in turn."""
        return self.items_for("mix")

    def item(self, key: str) -> Item | None:
        """The affirmation with this key, or None if it is gone (an archived own one)."""
        return next((item for item in self.practice_items() if item.key == key), None)

    def new_flow(self, source: str) -> AffirmFlow:
        """A fresh affirmation run for ``source``, with the remembered mode and pace."""
        from durf.core.affirm import AffirmSession

        settings = self._keeper.settings
        session = AffirmSession(
            started_at=self._keeper.clock.now(),
            source=source,
            mode=settings.affirm_mode,
            seconds_each=settings.affirm_seconds,
        )
        return AffirmFlow(session, items=self.items_for(source))

    def plan(self, flow: AffirmFlow, rounds: int | None, minutes: int | None) -> AffirmFlow:
        """``flow`` with its affirmations planned for ``rounds`` rounds or ``minutes``."""
        from durf.core.affirm import plan_session

        flow.plan = plan_session(
            flow.items, flow.session.seconds_each, rounds=rounds, minutes=minutes
        )
        return flow

    def session_flow(self, part: Part) -> AffirmFlow | None:
        """The affirmations of a session's part, with the remembered mode; None if all
        of them are gone."""
        from durf.core.affirm import AffirmSession, Plan

        found = [self.item(key) for key in part.affirmations]
        items = [item for item in found if item is not None]
        if not items:
            return None
        session = AffirmSession(
            started_at=self._keeper.clock.now(),
            source="session",
            mode=self._keeper.settings.affirm_mode,
            seconds_each=part.seconds_each,
        )
        flow = AffirmFlow(session, items=items)
        flow.plan = Plan(tuple(items), float(part.seconds_each))
        return flow

    # -- reading ---------------------------------------------------------------------

    def own(self) -> list[OwnAffirmation]:
        """Your own affirmations, archived ones too, in the order written."""
        return list(self._keeper.state.own_affirmations)

    def own_one(self, own_id: str) -> OwnAffirmation | None:
        """Your own affirmation with this id, if it is still there."""
        return next((a for a in self._keeper.state.own_affirmations if a.id == own_id), None)

    def is_favourite(self, key: str) -> bool:
        """Whether the affirmation with this key is marked as a favourite."""
        return key in self._keeper.state.favourite_affirmations

    def belief_ratings(self, key: str) -> list[tuple[int | None, int | None]]:
        """Every (before, after) belief rating of this affirmation, oldest first."""
        from durf.core.affirm import belief_ratings

        return [(before, after) for _, before, after in belief_ratings(self._keeper.state, key)]

    def needs_stepping_stone(self, key: str) -> bool:
        """Whether this affirmation's softer version should be offered."""
        from durf.core.affirm import needs_stepping_stone

        return needs_stepping_stone(self._keeper.state, key)

    # -- changing --------------------------------------------------------------------

    def add_own(self, text: str) -> State:
        """Save a new affirmation of your own, exactly as typed."""
        from durf.core.affirm import add_own

        when = self._keeper.clock.now()
        return self._keeper.change(lambda state: add_own(state, text, when))

    def edit_own(self, own_id: str, text: str) -> State:
        """Save new words for one of your own affirmations."""
        from durf.core.affirm import edit_own

        return self._keeper.change(lambda state: edit_own(state, own_id, text=text))

    def archive_own(self, own_id: str, archived: bool) -> State:
        """Put one of your own affirmations away (``archived``) or back."""
        from durf.core.affirm import edit_own

        return self._keeper.change(lambda state: edit_own(state, own_id, archived=archived))

    def delete_own(self, own_id: str) -> State:
        """Delete one of your own affirmations for good."""
        from durf.core.affirm import delete_own

        return self._keeper.change(lambda state: delete_own(state, own_id))

    def toggle_favourite(self, key: str) -> bool:
        """Mark or unmark a favourite; whether it is one now."""
        from durf.core.affirm import toggle_favourite

        state = self._keeper.change(lambda state: toggle_favourite(state, key))
        return key in state.favourite_affirmations
