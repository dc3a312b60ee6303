"""Nederlandse teksten. Geschreven naast het Engels (en.py), niet erna vertaald."""

MESSAGES: dict[str, str] = {
    # De app en zijn schermen
    "app.name": "durf",
    "app.title": "durf · {screen}",
    "home.title": "start",
    "home.welcome": (
        "Welkom bij durf. Hier oefen je rustig met durven: een twijfel laten zien, "
        "een gevoel, iets wat nog niet af is, en om hulp vragen. Neem je tijd."
    ),
    "home.welcome_back": "Fijn dat je er weer bent. Je hoeft niets in te halen: begin gewoon.",
    "home.days_this_week.one": "Deze week heb je op één dag geoefend",
    "home.days_this_week.other": "Deze week heb je op {count} dagen geoefend",
    "home.minutes_this_week": "{minutes} min",
    "home.streak": "{count} dagen op rij",
    "home.settings_description": "Taal, thema, rustige beweging en het geluidssignaal",
    "home.help_description": "De toetsen, en hoe je je weg vindt",
    "home.about_description": "Wat durf is, een woord over veiligheid, en waar je gegevens staan",
    "screen.too_small": (
        "Dit venster is wat klein voor durf.\n"
        "Maak het minstens {width} × {height}, dan is alles er weer."
    ),
    # Toetsen
    "keyname.space_enter": "Spatie/Enter",
    "keys.back": "terug",
    "keys.help": "hulp",
    "keys.move": "kies",
    "keys.open": "open",
    "keys.choose": "direct",
    "keys.quit": "sluiten",
    "keys.palette": "alle opdrachten",
    "keys.next_field": "veld",
    "keys.previous_field": "vorig veld",
    "keys.change": "wijzigen",
    # Instellingen
    "settings.title": "Instellingen",
    "settings.language": "Taal",
    "settings.theme": "Thema",
    "settings.reduced_motion": "Rustige beweging",
    "settings.reduced_motion_hint": "Rustige tekst en tellen in plaats van bewegende vormen.",
    "settings.reduced_motion_env": (
        "Je terminal vraagt om geen animatie (TEXTUAL_ANIMATIONS=none), dus beweging is "
        "rustig, wat deze schakelaar ook zegt."
    ),
    "settings.sound_cue": "Geluidssignaal",
    "settings.sound_cue_hint": "Een zachte terminalbel bij elke nieuwe fase.",
    "settings.saved_note": "Elke wijziging wordt meteen bewaard.",
    "language.nl": "Nederlands",
    "language.en": "English",
    # Hulp
    "help.title": "Hulp",
    "help.intro": (
        "durf werkt vooral met het toetsenbord; de muis werkt ook. "
        "Niets van wat je hier doet, gaat ergens heen."
    ),
    "help.everywhere": "Overal",
    "help.on_home": "Op het startscherm",
    "help.in_forms": "In instellingen en formulieren",
    "help.palette": (
        "Ctrl+P opent een lijst van alles wat durf kan: begin te typen om een oefening "
        "of instelling op naam te vinden."
    ),
    # Over
    "about.title": "Over durf",
    "about.what": (
        "Met durf oefen je met kwetsbaar zijn: laten zien dat je twijfelt, dat iets je "
        "raakt, dat je niet perfect bent, en om hulp vragen. Gebruik het vlak voor een "
        "moeilijk gesprek, of tien rustige minuten per dag."
    ),
    "about.vulnerability": (
        "Kwetsbaar is niet hetzelfde als breekbaar. Breekbaar is: één opmerking en je "
        "breekt. Kwetsbaar is: dit raakt me, en ik blijf staan. Jij kiest waar, en met "
        "wie, je iets deelt."
    ),
    "safety.line": (
        "Word je duizelig of licht in je hoofd, adem dan weer gewoon. durf is een "
        "oefenhulp, geen therapie of medische zorg."
    ),
    "about.data": (
        "Alles wat je schrijft, blijft op deze computer, in één bestand dat alleen jij "
        "kunt lezen:\n{path}"
    ),
    "about.version": "durf {version}",
    # Opdrachtenlijst
    "palette.placeholder": "Zoek een oefening of instelling…",
    "palette.themes": "Zoek een thema…",
    "palette.no_matches": "Niets gevonden",
    "palette.home": "Start",
    "palette.home_help": "Terug naar het startscherm",
    "palette.language": "Taal: {language}",
    "palette.language_help": "Wissel de taal van durf; je keuze wordt bewaard",
    "palette.theme": "Thema",
    "palette.theme_help": "Kies kleuren; je keuze wordt bewaard",
    "palette.motion_on": "Rustige beweging: aan",
    "palette.motion_off": "Rustige beweging: uit",
    "palette.sound_on": "Geluidssignaal: aan",
    "palette.sound_off": "Geluidssignaal: uit",
    "palette.quit": "Afsluiten",
    "palette.quit_help": "Sluit durf; alles is al bewaard",
    # Meldingen
    "notice.state_title": "Over je bewaarde gegevens",
    "notice.exercises_title": "Sommige oefenbestanden zijn overgeslagen",
    "notice.not_saved_title": "Niet bewaard",
    "notice.unknown_theme": (
        "Het bewaarde thema '{name}' is hier niet beschikbaar, dus durf gebruikt '{fallback}'."
    ),
    "notice.how_to_quit": "Druk op Ctrl+Q om durf te sluiten. Alles is al bewaard.",
    "notice.how_to_quit_title": "Wil je stoppen?",
    # Het bestand met je gegevens
    "store.newer": (
        "Dit bestand is geschreven door een nieuwere durf (formaatversie {version}; deze "
        "durf kent tot en met {known}). durf heeft het niet aangeraakt. Werk durf bij, of "
        "gebruik --home om ergens anders te beginnen."
    ),
    "store.folder_in_the_way": (
        "Er staat een map op de plek van het gegevensbestand van durf: {path}\n"
        "Verplaats of hernoem die map en start durf opnieuw."
    ),
    "store.cannot_read": "durf kan zijn gegevensbestand {path} niet lezen: {reason}",
    "store.cannot_move_aside": (
        "durf kan zijn gegevensbestand {path} niet lezen, en kon het ook niet opzijzetten "
        "({reason}). Er is niets veranderd."
    ),
    "store.quarantined_fresh": (
        "durf kon zijn gegevensbestand niet lezen ({reason}). Het bestand is onveranderd "
        "bewaard op\n{aside}\n"
        "durf is opnieuw begonnen. Je kunt dat bestand openen om te zien wat erin stond."
    ),
    "store.quarantined_backup": (
        "durf kon zijn gegevensbestand niet lezen ({reason}). Het bestand is onveranderd "
        "bewaard op\n{aside}\n"
        "durf gaat verder vanaf de reservekopie van je laatste goede opslag."
    ),
    "store.reason.not_json": "het is geen geldige JSON: {detail}",
    "store.reason.not_object": "er staat geen JSON-object in",
    "store.cannot_write": (
        "durf kon niet opslaan in {path}: {reason}. Je laatste opslag is nog heel."
    ),
    "store.disk_full": (
        "De schijf is vol, dus durf kon niet opslaan in {path}. Je laatste opslag is nog "
        "heel; maak wat ruimte vrij en probeer het opnieuw."
    ),
    "store.locked": "Een andere durf is bezig met opslaan en was binnen een paar seconden niet klaar. Er is niets verloren. Staat er nog een durf-venster open, sluit het en probeer het opnieuw.",
    # Oefenbestanden
    "library.reason.blank": "de tekst in '{language}' is leeg",
    "library.reason.phase_in": "een inademing duurt tussen {low:g} en {high:g} seconden",
    "library.reason.phase_hold": "een pauze duurt tussen {low:g} en {high:g} seconden",
    "library.reason.phase_out": "een uitademing duurt tussen {low:g} en {high:g} seconden",
    "library.reason.in_and_out": (
        "een ademritme heeft minstens één fase 'in' en één fase 'out' nodig"
    ),
    "library.reason.duplicate": "deze id wordt al gebruikt door {other}",
    "library.reason.too_large": "het bestand is groter dan {limit}",
    "library.reason.not_utf8": "het bestand is geen UTF-8-tekst",
    "library.reason.kind_missing": "ontbreekt; zeg wat voor bestand dit is: een van {kinds}",
    "library.reason.kind_unknown": "'{kind}' is geen soort oefening; gebruik een van {kinds}",
    "library.reason.no_such_file": "dit bestand bestaat niet",
    "library.reason.missing": "dit veld is verplicht",
    "library.reason.extra_forbidden": "dit veld is onbekend (een tikfout?)",
    "library.reason.string_type": "hier hoort tekst",
    "library.reason.string_too_short": "deze tekst is leeg",
    "library.reason.string_pattern_mismatch": (
        "gebruik kleine letters, cijfers en streepjes, te beginnen met een letter of cijfer"
    ),
    "library.reason.float_type": "hier hoort een getal",
    "library.reason.float_parsing": "hier hoort een getal",
    "library.reason.bool_type": "hier hoort true of false",
    "library.reason.bool_parsing": "hier hoort true of false",
    "library.reason.list_type": "hier hoort een lijst",
    "library.reason.model_type": "hier hoort een tabel met nl en en",
    "library.reason.dict_type": "hier hoort een tabel",
    "library.reason.too_short": "heeft er minstens {min_length} nodig, er zijn er {actual_length}",
    "library.reason.too_long": "mag er hoogstens {max_length} hebben, er zijn er {actual_length}",
    "library.reason.literal_error": "hier hoort {expected}",
    # De opdrachtregel
    "cli.description": (
        "durf: oefen met durven gezien te worden. Start zonder opdracht om de app te openen."
    ),
    "cli.epilog": (
        "Je gegevens blijven op deze computer. Zet DURF_HOME of gebruik --home om ze "
        "ergens anders te bewaren."
    ),
    "cli.usage": "gebruik: ",
    "cli.options": "opties",
    "cli.help_help": "toon deze hulp en stop",
    "cli.version_help": "toon de versie van durf en stop",
    "cli.lang_help": "de taal: nl of en",
    "cli.home_help": (
        "de map voor de gegevens van durf (standaard: $DURF_HOME, anders je gegevensmap)"
    ),
    "cli.commands": "opdrachten",
    "cli.arguments": "argumenten",
    "cli.where_help": "toon waar durf je gegevens bewaart en oefenbestanden zoekt",
    "cli.check_help": "controleer oefenbestanden en zeg wat er mis is",
    "cli.check_files_help": "te controleren bestanden (standaard: de meegeleverde en je eigen)",
    "where.state_file": "Gegevensbestand",
    "where.backup": "Reservekopie",
    "where.user_exercises": "Je eigen oefeningen",
    "where.bundled_exercises": "Meegeleverde oefeningen",
    "where.not_yet": "bestaat nog niet",
    "check.summary_good.one": "Eén bestand gecontroleerd: alles in orde.",
    "check.summary_good.other": "{count} bestanden gecontroleerd: alles in orde.",
    "check.summary_bad.one": (
        "Bestanden gecontroleerd: {checked}. Eén heeft problemen en wordt door de app overgeslagen."
    ),
    "check.summary_bad.other": (
        "Bestanden gecontroleerd: {checked}. {count} hebben problemen en worden door de "
        "app overgeslagen."
    ),
    # Breathing before speaking
    "breathe.title": "Ademen voor je spreekt",
    "home.breathe_description": "Merk de spanning, adem rustig uit, vind je eerste eerlijke zin",
    "checkin.intro": "Vlak voor iets persoonlijks spant je lijf vaak als eerste aan. Dat is een signaal, geen stopbord. Waar merk je het nu? (Overslaan mag: s.)",
    "checkin.where": "Waar voel je het?",
    "checkin.how_strong": "Hoe sterk is het, van 0 tot 10?",
    "area.breath": "Mijn adem blijft hoog",
    "area.throat": "Keel",
    "area.chest": "Borst",
    "area.shoulders": "Schouders",
    "area.belly": "Buik",
    "area.heartbeat": "Hartslag",
    "area.elsewhere": "Ergens anders",
    "area.nowhere": "Nergens eigenlijk",
    "scale.low": "helemaal niet",
    "scale.high": "helemaal",
    "scale.tension_low": "rustig",
    "scale.tension_high": "heel sterk",
    "setup.choose": "Kies een ritme",
    "setup.breaths.one": "Eén ademhaling",
    "setup.breaths.other": "{count} ademhalingen",
    "setup.about_minutes": "ongeveer {minutes} min",
    "phase.in": "Adem in",
    "phase.hold": "Vasthouden",
    "phase.out": "Adem rustig uit",
    "breathe.paused": "Gepauzeerd. Spatie om verder te gaan.",
    "breathe.breath_of": "ademhaling {number} van {total}",
    "breathe.stop_question": "Stoppen met deze oefening?",
    "breathe.stop_detail": "Wat je gedaan hebt, wordt bewaard als niet afgemaakt. Het telt gewoon mee.",
    "flow.saved": "Bewaard. Fijn dat je dit moment voor jezelf nam.",
    "flow.saved_stopped": "Bewaard als niet afgemaakt. Elke ademhaling telt.",
    "sentence.intro": "Eén simpele, ware zin is vaak genoeg. Kies er hieronder een, of schrijf je eigen zin.",
    "sentence.placeholder": "Je eerste eerlijke zin",
    "sentence.for_whom_placeholder": "Voor wie, of voor welk gesprek? (mag leeg blijven)",
    "sentence.suggestions": "Ideeën (★ = je eigen eerdere zinnen)",
    "rehearse.for_whom": "voor {who}",
    "rehearse.say_it": "Zeg het hardop, langzaam. Dan nog een keer, iets rustiger.",
    "checkout.how_strong": "En nu: hoe sterk is de spanning, van 0 tot 10?",
    "checkout.compare": "Eerst {before}   →   nu {after}",
    "checkout.kind_word": "Wat de cijfers ook zeggen: je nam een moment voor jezelf. Enter bewaart.",
    "followup.heading": "Zinnen die nog gezegd willen worden",
    "followup.answered_said": "Je hebt het gezegd. Dat vroeg moed.",
    "followup.answered_open": "Prima. Hij blijft hier staan tot het moment goed is.",
    "followup.answered_not_needed": "Losgelaten. Hij hoeft niet meer gezegd te worden.",
    "confirm.yes": "ja",
    "confirm.no": "nee",
    "keyname.space": "Spatie",
    "keys.next": "verder",
    "keys.stop": "stoppen",
    "keys.mark": "kies",
    "keys.skip": "sla over",
    "keys.choose_pattern": "ritme",
    "keys.fewer_more": "lengte",
    "keys.start": "beginnen",
    "keys.pause": "pauze",
    "keys.slower": "langzamer",
    "keys.faster": "sneller",
    "keys.rehearse": "oefenen",
    "keys.change_sentence": "zin aanpassen",
    "keys.rate": "kiezen",
    "keys.finish": "bewaren",
    "cli.breathe_help": "adem voor je spreekt; met --pattern, --breaths of --minutes begin je meteen met ademen",
    "cli.pattern_help": "de id van het ademritme (zie de lijst in de app, of durf check)",
    "cli.breaths_help": "hoeveel ademhalingen (1-60)",
    "cli.minutes_help": "ongeveer hoeveel minuten (1-30)",
    "cli.number_range": "gebruik een heel getal van {low} tot {high}, niet '{got}'",
    "cli.unknown_pattern": "Er is geen ademritme '{pattern}'. Kies uit: {valid}",
    "cli.no_patterns": "Er konden geen ademritmes geladen worden. Start durf check om te zien waarom.",
    "help.while_breathing": "Tijdens het ademen",
    "help.open_sentences": "Zinnen die nog gezegd willen worden (startscherm)",
    "followup.key_said": "gezegd",
    "followup.key_not_yet": "nog niet: laat hem op de lijst staan",
    "followup.key_not_needed": "loslaten",
    "sentence.write_first": "Schrijf eerst de zin zelf in de regel erboven; oefen hem daarna.",
    "keyname.yes": "j",
    "followup.key_not_yet_short": "nog niet",
    "keys.switch_list": "andere lijst",
    "breathe.already_open": "Ademen voor je spreekt is al open: maak het eerst af of stop ermee.",
    "breathe.pace_slower": "{percent}% langzamer",
    "breathe.pace_faster": "{percent}% sneller",
    "safety.first_time": "Word je duizelig of licht in je hoofd, adem dan weer gewoon. durf is een oefenhulp, geen therapie of medische zorg.",
    "library.reason.control": "de tekst in '{language}' bevat een stuurteken (een escapecode?)",
    "store.quarantined_memory": "durf vond zijn gegevensbestand onleesbaar ({reason}). Het bestand is onveranderd bewaard op\n{aside}\ndurf heeft opgeslagen wat het nog in het geheugen had; dat is nieuwer dan de reservekopie.",
    "store.backup_aside": "De reservekopie was ook niet bruikbaar; die staat nu op {aside}",
    "keys.breaths_or_minutes": "eenheid",
    "setup.minutes.one": "Eén minuut",
    "setup.minutes.other": "{count} minuten",
    # Affirmations
    "affirm.title": "Affirmaties",
    "home.affirm_description": "Vriendelijke zinnen op een timer, en hoeveel je ze gelooft",
    "affirm.intro": "Affirmaties worden sterker als je ze vaak oefent, en als je ze kunt geloven. Kies wat je wilt oefenen; o voor je eigen.",
    "affirm.count.one": "één affirmatie",
    "affirm.count.other": "{count} affirmaties",
    "affirm.favourites": "Favorieten",
    "affirm.favourites_description": "Die je met ★ hebt gemarkeerd",
    "affirm.own": "Je eigen",
    "affirm.own_description": "Affirmaties die je zelf schreef (o om ze toe te voegen of aan te passen)",
    "affirm.mix": "Van alles wat",
    "affirm.mix_description": "Een beetje uit elke set, en je eigen",
    "own.intro": "Schrijf een affirmatie in je eigen woorden: kort, vriendelijk, en iets wat je bijna kunt geloven. Enter bewaart hem.",
    "own.placeholder": "Ik mag …",
    "own.archived": "gearchiveerd",
    "own.empty": "Schrijf eerst een paar woorden.",
    "own.saved": "Bewaard.",
    "own.delete_question": "Deze affirmatie verwijderen?",
    "affirm.setup_help": "r wisselt de manier; ← → verandert de seconden; - + verandert de rondes; Enter begint.",
    "affirm.mode_line": "Manier: {mode}",
    "affirm.mode_read": "lezen",
    "affirm.mode_recall": "onthouden",
    "affirm.mode_explain_read": "Lees ze langzaam, en zeg ze hardop als dat kan.",
    "affirm.mode_explain_recall": "Typ ze uit je hoofd; ongeveer goed is goed genoeg, en niemand telt fouten.",
    "affirm.seconds_line": "Seconden per affirmatie: {seconds}",
    "affirm.rounds_line": "Rondes: {rounds}",
    "affirm.total_line.one": "Eén affirmatie, ongeveer {minutes} min",
    "affirm.total_line.other": "{count} affirmaties, ongeveer {minutes} min",
    "affirm.progress": "{number} van {total}  ·  {seconds}",
    "affirm.stop_question": "Stoppen met oefenen?",
    "belief.question_before": "Hoeveel geloof je dit op dit moment, van 0 tot 10?",
    "belief.question_after": "En nu: hoeveel geloof je het, van 0 tot 10?",
    "belief.compare": "Eerst {before}   →   nu {after}",
    "belief.stepping_stone": "Deze is nu nog moeilijk te geloven, en dat mag. Een zachtere versie om eerst mee te oefenen: {stone}",
    "recall.placeholder": "Typ hem uit je hoofd, dan Enter",
    "recall.right": "Ja, precies.",
    "recall.almost": "Bijna. Hier staat hij helemaal.",
    "recall.here_it_is": "Hier staat hij. Volgende keer gaat het wat makkelijker.",
    "keys.choose_this": "oefenen",
    "keys.own": "je eigen",
    "keys.save": "bewaren",
    "keys.edit": "wijzig",
    "keys.favourite": "★",
    "keys.archive": "archief",
    "keys.delete": "wis",
    "keys.mode": "manier",
    "keys.seconds": "tijd",
    "keys.rounds": "rondes",
    "keys.back_forward": "terug/verder",
    "cli.affirm_help": "oefen affirmaties; met --set of --seconds begin je meteen; 'add TEKST' voegt je eigen toe",
    "cli.set_help": "wat je oefent: de id van een set, favourites, own of mix",
    "cli.seconds_help": "seconden per affirmatie (3-120)",
    "cli.rounds_help": "hoeveel rondes (1-20)",
    "cli.mode_help": "read (hardop lezen) of recall (uit je hoofd typen)",
    "cli.affirm_text_help": "de affirmatie, tussen aanhalingstekens",
    "cli.unknown_source": "Er is niets om te oefenen met de naam '{source}'. Kies uit: {valid}",
    "cli.added": "Toegevoegd: {text}",
    "cli.empty_affirmation": "Een affirmatie heeft een paar woorden nodig.",
    "affirm.favourite_on": "Gemarkeerd als favoriet ★",
    "affirm.favourite_off": "Geen favoriet meer",
    "belief.trend": "Je eerdere cijfers voor deze: {trend}",
}
