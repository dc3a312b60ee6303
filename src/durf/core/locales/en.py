"""English messages. Dutch (nl.py) is written alongside, not translated after."""

MESSAGES: dict[str, str] = {
    # The app and its screens
    "app.name": "durf",
    "app.title": "durf · {screen}",
    "home.title": "home",
    "home.welcome": (
        "Welcome to durf. This is a quiet place to practise daring: to show a doubt, "
        "a feeling, something unfinished, and to ask for help. Take your time."
    ),
    "home.welcome_back": "Good to see you again. There is no catching up to do: just begin.",
    "home.days_this_week.one": "This week you practised on one day",
    "home.days_this_week.other": "This week you practised on {count} days",
    "home.minutes_this_week": "{minutes} min",
    "home.streak": "{count} days in a row",
    "home.settings_description": "Language, theme, calm motion and the sound cue",
    "home.help_description": "The keys, and how to find your way around",
    "home.about_description": "What durf is, a word on safety, and where your data lives",
    "screen.too_small": (
        "This window is a little small for durf.\n"
        "Make it at least {width} × {height} and everything will be back."
    ),
    # Keys
    "keyname.space_enter": "Space/Enter",
    "keys.back": "back",
    "keys.help": "help",
    "keys.move": "move",
    "keys.open": "open",
    "keys.choose": "choose",
    "keys.quit": "quit",
    "keys.palette": "all commands",
    "keys.next_field": "next field",
    "keys.previous_field": "previous field",
    "keys.change": "change",
    # Settings
    "settings.title": "Settings",
    "settings.language": "Language",
    "settings.theme": "Theme",
    "settings.reduced_motion": "Calm motion",
    "settings.reduced_motion_hint": "Quiet text and counts instead of moving shapes.",
    "settings.reduced_motion_env": (
        "Your terminal asks for no animation (TEXTUAL_ANIMATIONS=none), so motion is calm "
        "whatever this switch says."
    ),
    "settings.sound_cue": "Sound cue",
    "settings.sound_cue_hint": "A soft terminal bell at each change of phase.",
    "settings.saved_note": "Every change is saved at once.",
    "language.nl": "Nederlands",
    "language.en": "English",
    # Help
    "help.title": "Help",
    "help.intro": (
        "durf works with the keyboard first; the mouse works too. "
        "Nothing you do here is sent anywhere."
    ),
    "help.everywhere": "Everywhere",
    "help.on_home": "On the home screen",
    "help.in_forms": "In settings and forms",
    "help.palette": (
        "Ctrl+P opens a list of everything durf can do: start typing to find an exercise "
        "or a setting by name."
    ),
    # About
    "about.title": "About",
    "about.what": (
        "durf (Dutch for 'dare') helps you practise being vulnerable: showing that you "
        "doubt, that you feel something, that you are not perfect, and asking for help. "
        "Use it just before a hard conversation, or for ten calm minutes a day."
    ),
    "about.vulnerability": (
        "Vulnerable is not the same as fragile. Fragile means one remark and you break. "
        "Vulnerable means: this touches me, and I stay standing. You choose where, and "
        "with whom, you share."
    ),
    "safety.line": (
        "If you feel dizzy or light-headed, breathe normally again. durf is a practice "
        "tool, not therapy or medical care."
    ),
    "about.data": (
        "Everything you write stays on this computer, in one file that only you can read:\n{path}"
    ),
    "about.version": "durf {version}",
    # Command palette
    "palette.placeholder": "Search for an exercise or setting…",
    "palette.themes": "Search for a theme…",
    "palette.no_matches": "Nothing found",
    "palette.home": "Home",
    "palette.home_help": "Back to the home screen",
    "palette.language": "Language: {language}",
    "palette.language_help": "Switch durf's language; the choice is saved",
    "palette.theme": "Theme",
    "palette.theme_help": "Choose colours; the choice is saved",
    "palette.motion_on": "Calm motion: on",
    "palette.motion_off": "Calm motion: off",
    "palette.sound_on": "Sound cue: on",
    "palette.sound_off": "Sound cue: off",
    "palette.quit": "Quit",
    "palette.quit_help": "Close durf; everything is already saved",
    # Notices
    "notice.state_title": "About your saved data",
    "notice.exercises_title": "Some exercise files were skipped",
    "notice.not_saved_title": "Not saved",
    "notice.unknown_theme": (
        "The saved theme '{name}' is not available here, so durf uses '{fallback}'."
    ),
    "notice.how_to_quit": "Press Ctrl+Q to close durf. Everything is already saved.",
    "notice.how_to_quit_title": "Do you want to quit?",
    # The state file
    "store.newer": (
        "This state file was written by a newer durf (format version {version}; this durf "
        "knows up to {known}). durf left it untouched. Update durf, or use --home to start "
        "somewhere else."
    ),
    "store.folder_in_the_way": (
        "There is a folder where durf's state file should be: {path}\n"
        "Move or rename that folder, then start durf again."
    ),
    "store.cannot_read": "durf cannot read its state file {path}: {reason}",
    "store.cannot_move_aside": (
        "durf cannot read its state file {path}, and could not move it aside either "
        "({reason}). Nothing was changed."
    ),
    "store.quarantined_fresh": (
        "durf could not read its state file ({reason}). The file is kept, unchanged, at\n"
        "{aside}\n"
        "durf started fresh. You can open that file to see what was in it."
    ),
    "store.quarantined_backup": (
        "durf could not read its state file ({reason}). The file is kept, unchanged, at\n"
        "{aside}\n"
        "durf continued from the backup of your last good save."
    ),
    "store.reason.not_json": "it is not valid JSON: {detail}",
    "store.reason.not_object": "it does not hold a JSON object",
    "store.cannot_write": "durf could not save to {path}: {reason}. Your last save is intact.",
    "store.disk_full": (
        "The disk is full, so durf could not save to {path}. Your last save is intact; "
        "free some space and try again."
    ),
    "store.locked": "Another durf is busy saving and did not finish within a few seconds. Nothing was lost. If another durf window is open, close it, then try again.",
    # Exercise files
    "library.reason.blank": "the {language} text is empty",
    "library.reason.phase_in": "an in-breath lasts between {low:g} and {high:g} seconds",
    "library.reason.phase_hold": "a hold lasts between {low:g} and {high:g} seconds",
    "library.reason.phase_out": "an out-breath lasts between {low:g} and {high:g} seconds",
    "library.reason.in_and_out": "a breathing pattern needs at least one 'in' and one 'out' phase",
    "library.reason.duplicate": "this id is already used by {other}",
    "library.reason.too_large": "the file is larger than {limit}",
    "library.reason.not_utf8": "the file is not UTF-8 text",
    "library.reason.kind_missing": "missing; say what this file is: one of {kinds}",
    "library.reason.kind_unknown": "'{kind}' is not a kind of exercise; use one of {kinds}",
    "library.reason.no_such_file": "there is no such file",
    "library.reason.missing": "this field is required",
    "library.reason.extra_forbidden": "this field is not known (a typo?)",
    "library.reason.string_type": "this should be text",
    "library.reason.string_too_short": "this text is empty",
    "library.reason.string_pattern_mismatch": (
        "use lowercase letters, digits and hyphens, starting with a letter or digit"
    ),
    "library.reason.float_type": "this should be a number",
    "library.reason.float_parsing": "this should be a number",
    "library.reason.bool_type": "this should be true or false",
    "library.reason.bool_parsing": "this should be true or false",
    "library.reason.list_type": "this should be a list",
    "library.reason.model_type": "this should be a table with nl and en",
    "library.reason.dict_type": "this should be a table",
    "library.reason.too_short": "needs at least {min_length}, has {actual_length}",
    "library.reason.too_long": "allows at most {max_length}, has {actual_length}",
    "library.reason.literal_error": "this should be {expected}",
    # The command line
    "cli.description": ("durf: practise daring to be seen. Run without a command to open the app."),
    "cli.epilog": (
        "Your data stays on this computer. Set DURF_HOME or use --home to keep it elsewhere."
    ),
    "cli.usage": "usage: ",
    "cli.options": "options",
    "cli.help_help": "show this help and stop",
    "cli.version_help": "show durf's version and stop",
    "cli.lang_help": "the language to use: nl or en",
    "cli.home_help": "the folder for durf's data (default: $DURF_HOME, then your data folder)",
    "cli.commands": "commands",
    "cli.arguments": "arguments",
    "cli.where_help": "show where durf keeps your data and looks for exercise files",
    "cli.check_help": "check exercise files and say what is wrong with any of them",
    "cli.check_files_help": "files to check (default: the bundled ones and your own)",
    "where.state_file": "State file",
    "where.backup": "Backup",
    "where.user_exercises": "Your exercises",
    "where.bundled_exercises": "Bundled exercises",
    "where.not_yet": "not there yet",
    "check.summary_good.one": "Checked one file: all good.",
    "check.summary_good.other": "Checked {count} files: all good.",
    "check.summary_bad.one": (
        "Files checked: {checked}. One has problems and is skipped by the app."
    ),
    "check.summary_bad.other": (
        "Files checked: {checked}. {count} have problems and are skipped by the app."
    ),
    # Breathing before speaking
    "breathe.title": "Breathe before speaking",
    "home.breathe_description": "Notice the tension, breathe out slowly, say one honest sentence",
    "checkin.intro": "Before something personal, the body often tightens first. That is a signal, not a stop sign. Where do you notice it now? (You may skip this: s.)",
    "checkin.where": "Where do you feel it?",
    "checkin.how_strong": "How strong is it, from 0 to 10?",
    "area.breath": "My breath stays high",
    "area.throat": "Throat",
    "area.chest": "Chest",
    "area.shoulders": "Shoulders",
    "area.belly": "Belly",
    "area.heartbeat": "Heartbeat",
    "area.elsewhere": "Somewhere else",
    "area.nowhere": "Nowhere, really",
    "scale.low": "not at all",
    "scale.high": "completely",
    "scale.tension_low": "calm",
    "scale.tension_high": "very strong",
    "setup.choose": "Choose a rhythm",
    "setup.breaths.one": "One breath",
    "setup.breaths.other": "{count} breaths",
    "setup.about_minutes": "about {minutes} min",
    "phase.in": "Breathe in",
    "phase.hold": "Hold",
    "phase.out": "Breathe out slowly",
    "breathe.paused": "Paused. Space to go on.",
    "breathe.breath_of": "breath {number} of {total}",
    "breathe.stop_question": "Stop this exercise?",
    "breathe.stop_detail": "What you did is kept, marked as not finished. That still counts.",
    "flow.saved": "Saved. Well done for taking this moment.",
    "flow.saved_stopped": "Kept as not finished. Every breath counts.",
    "sentence.intro": "One simple, true sentence is often enough. Choose one below, or write your own.",
    "sentence.placeholder": "Your first honest sentence",
    "sentence.for_whom_placeholder": "For whom, or which conversation? (optional)",
    "sentence.suggestions": "Ideas (★ = your own earlier sentences)",
    "rehearse.for_whom": "for {who}",
    "rehearse.say_it": "Say it aloud, slowly. Then once more, a little calmer.",
    "checkout.how_strong": "And now: how strong is the tension, from 0 to 10?",
    "checkout.compare": "Before {before}   →   now {after}",
    "checkout.kind_word": "Whatever the numbers say: you took a moment for yourself. Enter saves.",
    "followup.heading": "Sentences waiting to be said",
    "followup.answered_said": "You said it. That took courage.",
    "followup.answered_open": "Fine. It stays here until the moment is right.",
    "followup.answered_not_needed": "Let go. It no longer needs saying.",
    "confirm.yes": "yes",
    "confirm.no": "no",
    "keyname.space": "Space",
    "keys.next": "next",
    "keys.stop": "stop",
    "keys.mark": "mark",
    "keys.skip": "skip",
    "keys.choose_pattern": "rhythm",
    "keys.fewer_more": "length",
    "keys.start": "start",
    "keys.pause": "pause",
    "keys.slower": "slower",
    "keys.faster": "faster",
    "keys.rehearse": "rehearse",
    "keys.change_sentence": "change sentence",
    "keys.rate": "rate",
    "keys.finish": "save",
    "cli.breathe_help": "breathe before speaking; with --pattern, --breaths or --minutes, start breathing at once",
    "cli.pattern_help": "the breathing pattern's id (see the list in the app, or durf check)",
    "cli.breaths_help": "how many breaths (1-60)",
    "cli.minutes_help": "about how many minutes (1-30)",
    "cli.number_range": "use a whole number from {low} to {high}, not '{got}'",
    "cli.unknown_pattern": "There is no breathing pattern '{pattern}'. Choose one of: {valid}",
    "cli.no_patterns": "No breathing patterns could be loaded. Run durf check to see why.",
    "help.while_breathing": "While breathing",
    "help.open_sentences": "Sentences waiting to be said (home screen)",
    "followup.key_said": "said it",
    "followup.key_not_yet": "not yet: keep it on the list",
    "followup.key_not_needed": "let go",
    "sentence.write_first": "First write the sentence itself in the line above; then rehearse.",
    "keyname.yes": "y",
    "followup.key_not_yet_short": "not yet",
    "keys.switch_list": "other list",
    "breathe.already_open": "Breathing before speaking is already open: finish or stop it first.",
    "breathe.pace_slower": "{percent}% slower",
    "breathe.pace_faster": "{percent}% faster",
    "safety.first_time": "If you feel dizzy or light-headed, breathe normally again. durf is a practice tool, not therapy or medical care.",
    "library.reason.control": "the {language} text holds a control character (an escape code?)",
    "store.quarantined_memory": "durf found its state file unreadable ({reason}). The file is kept, unchanged, at\n{aside}\ndurf saved what it had in memory, which is newer than the backup.",
    "store.backup_aside": "The backup could not be used either; it is kept at {aside}",
    "keys.breaths_or_minutes": "unit",
    "setup.minutes.one": "One minute",
    "setup.minutes.other": "{count} minutes",
    # Affirmations
    "affirm.title": "Affirmations",
    "home.affirm_description": "Kind sentences on a timer, and how much you believe them",
    "affirm.intro": "Affirmations grow stronger when you practise them often, and when you can believe them. Choose what to practise; o for your own.",
    "affirm.count.one": "one affirmation",
    "affirm.count.other": "{count} affirmations",
    "affirm.favourites": "Favourites",
    "affirm.favourites_description": "The ones you marked with ★",
    "affirm.own": "Your own",
    "affirm.own_description": "Affirmations you wrote yourself (o to add or change them)",
    "affirm.mix": "A mix of everything",
    "affirm.mix_description": "A little from each set, and your own",
    "own.intro": "Write an affirmation in your own words: short, kind, and something you can almost believe. Enter saves it.",
    "own.placeholder": "I may …",
    "own.archived": "archived",
    "own.empty": "Write a few words first.",
    "own.saved": "Saved.",
    "own.delete_question": "Delete this affirmation?",
    "affirm.setup_help": "r switches the mode; ← → change the seconds; - + change the rounds; Enter starts.",
    "affirm.mode_line": "Mode: {mode}",
    "affirm.mode_read": "read",
    "affirm.mode_recall": "recall",
    "affirm.mode_explain_read": "Read each one slowly, and say it aloud if you can.",
    "affirm.mode_explain_recall": "Type each one from memory; close is good enough, and nobody is counting mistakes.",
    "affirm.seconds_line": "Seconds for each: {seconds}",
    "affirm.rounds_line": "Rounds: {rounds}",
    "affirm.total_line.one": "One affirmation, about {minutes} min",
    "affirm.total_line.other": "{count} affirmations, about {minutes} min",
    "affirm.progress": "{number} of {total}  ·  {seconds}",
    "affirm.stop_question": "Stop practising?",
    "belief.question_before": "How much do you believe this right now, from 0 to 10?",
    "belief.question_after": "And now: how much do you believe it, from 0 to 10?",
    "belief.compare": "Before {before}   →   now {after}",
    "belief.stepping_stone": "This one is hard to believe right now, and that is fine. A softer version to practise first: {stone}",
    "recall.placeholder": "Type it from memory, then Enter",
    "recall.right": "Yes, that's it.",
    "recall.almost": "Almost. Here it is in full.",
    "recall.here_it_is": "Here it is. Next time it will come a little easier.",
    "keys.choose_this": "practise",
    "keys.own": "your own",
    "keys.save": "save",
    "keys.edit": "edit",
    "keys.favourite": "★",
    "keys.archive": "archive",
    "keys.delete": "delete",
    "keys.mode": "mode",
    "keys.seconds": "seconds",
    "keys.rounds": "rounds",
    "keys.back_forward": "back/next",
    "cli.affirm_help": "practise affirmations; with --set or --seconds, start at once; 'add TEXT' adds your own",
    "cli.set_help": "what to practise: a set's id, favourites, own or mix",
    "cli.seconds_help": "seconds for each affirmation (3-120)",
    "cli.rounds_help": "how many rounds (1-20)",
    "cli.mode_help": "read (say it aloud) or recall (type it from memory)",
    "cli.affirm_text_help": "the affirmation, in quotes",
    "cli.unknown_source": "There is nothing to practise called '{source}'. Choose one of: {valid}",
    "cli.added": "Added: {text}",
    "cli.empty_affirmation": "An affirmation needs a few words.",
    "affirm.favourite_on": "Marked as a favourite ★",
    "affirm.favourite_off": "No longer a favourite",
    "belief.trend": "Your earlier ratings of this one: {trend}",
}
