"""Nederlandse teksten van het kernkwadrant (samengevoegd in ``nl.MESSAGES``)."""

MESSAGES: dict[str, str] = {
    "quadrant.title": "Kernkwadrant",
    "home.quadrant_description": (
        "Je kwaliteit, de valkuil, de uitdaging en de allergie, in vier bladzijden"
    ),
    "quadrant.page": "{number} van {total} · {title}",
    "quadrant.tick_hint": "Vink aan wat bij je past (spatie) en zeg het daarna in je eigen woorden.",
    "quadrant.own_words": "In je eigen woorden (dit mag leeg blijven)",
    "quadrant.own_placeholder": "Schrijf hier…",
    "quadrant.sentence_title": "Wat je wilt oefenen",
    "quadrant.sentence_placeholder": "Eén zin",
    "quadrant.key_tick": "vink aan",
    "quadrant.key_finish": "rond af",
    "quadrant.key_redo": "doe opnieuw",
    "quadrant.key_close": "sluit",
    "help.in_quadrant": "In het kernkwadrant",
    "quadrant.key_stop": "stop",
    "quadrant.stop_question": "Stoppen met het kernkwadrant?",
    "quadrant.stop_detail": (
        "Wat je aanvinkte en schreef, is opgeslagen als niet afgemaakt. "
        "De volgende keer ga je daar verder."
    ),
    "quadrant.carry_on": "Je gaat verder waar je de vorige keer gebleven was.",
    "quadrant.saved": "Opgeslagen. Je kernkwadrant staat in je geschiedenis.",
    "quadrant.saved_stopped": (
        "Opgeslagen als niet afgemaakt. De volgende keer ga je daar verder."
    ),
    "quadrant.summary_title": "Je kernkwadrant: {name}",
    "quadrant.nothing": "(niets gekozen)",
    "quadrant.too_much": "te veel",
    "quadrant.opposite": "tegenpool",
    "quadrant.practise": "Je wilt oefenen:",
    "quadrant.no_sentence": "(nog geen zin)",
    "quadrant.done_on": "Gedaan op {date}.",
    "quadrant.left_on": "Halverwege gestopt op {date}.",
    "quadrant.choose_title": "Welk kernkwadrant?",
    "quadrant.choose_hint": (
        "Elk bestand in je map met oefeningen kan er een bevatten voor een kwaliteit van jou."
    ),
    "quadrant.missing": (
        "Er is geen kernkwadrant om te doen: het bestand van de oefening ontbreekt."
    ),
    "quadrant.gone": (
        "Het bestand van dit kernkwadrant is weg; wat je koos, staat er met zijn id."
    ),
    "history.kind.quadrant": "Kwadrant",
    "entry.part_kind.quadrant": "Kernkwadrant",
    "history.kind_long.quadrant": "Kernkwadrant",
    "history.quadrant_ticked.one": "1 aangevinkt",
    "history.quadrant_ticked.other": "{count} aangevinkt",
    "entry.quadrant": "Kernkwadrant",
    "entry.practise": "Om te oefenen",
    "session.part.quadrant": "Kernkwadrant",
    "session.detail.quadrant": "je kwaliteit, de valkuil, de uitdaging en de allergie",
    "library.reason.example_twice": "het voorbeeld-id “{id}” staat twee keer op deze bladzijde",
}
