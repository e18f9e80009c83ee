"""What each screen's help (F1 or ?) says, kept together so that the words read as one voice.

Each screen has a few lines on what it is for, and its keys: (the keys, what they do),
in the words a person who has never used a terminal program would use.
"""

Keys = tuple[tuple[str, str], ...]

START = (
    "This is the start. Pick what you want to do and press Enter, or click it with the "
    "mouse.\n\n"
    "Your answers are saved in the reports folder as you give them, so you can stop at any "
    "time and carry on later."
)
START_KEYS: Keys = (
    ("↑ ↓", "Move to the choice above or below"),
    ("Enter", "Do what the highlighted choice says"),
)

PROFILE = (
    "Fill in your organisation's details. The name is needed, and so are the role you "
    "expect and the consortium's stage, because they decide which questions you are asked "
    "and what counts as ready at this stage. A consortium that is delivering can say it is "
    "bidding again too. Say what kind of consortium it is if you know: an open network is "
    "asked about membership, a closed bid group is not. The consortium's name and the tender "
    "deadline are optional; the deadline is how the tool counts the weeks you have left.\n\n"
    "You can come back and change these at any time; questions appear or disappear to "
    "match, and the answers you gave are kept."
)
PROFILE_KEYS: Keys = (
    ("Tab", "Go to the next box or set of choices (Shift and Tab go back)"),
    ("← → or ↑ ↓", "Move along a set of choices"),
    ("Enter or Space", "Choose the highlighted one; in a box, go to the next"),
    ("Escape", "Back to the start (what you typed is kept)"),
)

QUESTION = (
    "Answer one question at a time. Each answer shows what that level looks like in "
    "practice, so pick the one closest to where your organisation is today. If you are "
    "not sure, choose Don't know: it counts as a gap, and your action plan will say how "
    "to find out. The answer marked (•) is the one saved.\n\n"
    "Below the answers, or beside them in a wide window: why the question matters, and "
    "what happened in the real consortia it draws on. Click a case study's name, or "
    "press c, to read the whole story.\n\n"
    "Add a note to record the evidence for an answer (where the minutes are, who "
    "signed). Every answer and note is saved as soon as you give it."
)
QUESTION_KEYS: Keys = (
    ("1 to 9", "Choose the answer with that number"),
    (
        "↑ ↓",
        "Choose the answer above or below; where you can tick several, move to it; "
        "where you type the answer, scroll the page",
    ),
    ("PgUp PgDn", "Scroll the page: the answers, why the question matters, the sources"),
    ("Space", "Tick or untick an answer, where you can tick several"),
    ("d", "Don't know"),
    ("Enter", "Keep the answer and go to the next question"),
    ("Escape", "Go back to the question before"),
    ("n", "Add a note on the evidence for your answer, or change it"),
    ("c", "Read the first case study the question draws on"),
    ("t", "Go to another theme"),
    ("f", "Finish: see what is left to answer, then your result"),
)

REVIEW = (
    "This list shows the questions you have not answered and those you answered "
    '"Don\'t know". Pick one to go back to it.\n\n'
    "You can see your result at any time: unanswered questions count as unknown and "
    '"Don\'t know" answers as gaps, each with an action to find out.'
)
REVIEW_KEYS: Keys = (
    ("↑ ↓", "Move through the questions listed"),
    ("Enter", "Answer the highlighted question now"),
    ("Tab", "Go to the next list or button"),
    ("r", "See your result"),
    ("Escape", "Back to the questions"),
)

RESULT = (
    "Your overall score and band come first. Red flags are shown apart from the average: "
    "each is a gap serious enough to hold the overall band down however well the rest scores. "
    "The bars show each theme's score out of 100; if this organisation has an earlier saved "
    "assessment, the change since then is shown beside each bar (▲ up, ▼ down).\n\n"
    "The actions are in order of priority, each with the lessons from real consortia behind it."
)
READING_KEYS: Keys = (("↑ ↓, Page Up, Page Down", "Read up and down"),)
RESULT_KEYS: Keys = (
    *READING_KEYS,
    ("s", "Save the assessment, with a report you can read, print and email"),
    ("a", "Once saved: give the actions owners, due dates and statuses"),
    ("c", "Read the case studies"),
    ("Escape", "Back to the list of what is left to answer"),
)

CASE_STUDIES = (
    "These are the real consortia the questions are built on, from NCVO's 2009 stories "
    "of voluntary organisations delivering public services together. The text is our own "
    "summary of what the source reports."
)
CASE_STUDIES_KEYS: Keys = (
    ("← →", "The consortium before or after (or click its name)"),
    *READING_KEYS,
    ("Escape", "Go back"),
)

HISTORY = (
    "These are the assessments saved in the reports folder, newest first. Open one to see "
    "its result; from there you can start a new assessment with its answers filled in.\n\n"
    "To see what changed between two assessments, mark one (or click its box), then "
    "choose the other (or click it). Removing an assessment moves its files to the bin "
    "folder inside the reports folder: nothing is deleted."
)
HISTORY_KEYS: Keys = (
    ("↑ ↓", "Move through the assessments"),
    ("Enter", "See the highlighted one's result (or compare it with the one marked)"),
    ("m", "Mark it to compare; on another, compare the two; on the marked one, unmark it"),
    ("p", "Compare it with the one its organisation saved before it"),
    ("Delete or x", "Take it out of history, into the bin"),
    ("Escape", "Unmark the one marked; with none marked, go back"),
)

COMPARISON = (
    'What changed between two assessments; the earlier one is "before", whichever you '
    "picked first. First the overall score and each theme's score before and after, with "
    "the change (▲ up, ▼ down, = the same). Then the red flags cleared, raised and still "
    "raised, the actions completed and new, and every answer that changed.\n\n"
    "If the questions changed between the two, the questions only one of them holds are "
    "listed at the end, and answers are compared on the questions both hold."
)
COMPARISON_KEYS: Keys = (*READING_KEYS, ("Escape", "Back to the list"))

SAVE = (
    "\n\nSave the assessment to write it to the reports folder with a report you can "
    "read, print and email."
)

START_FROM = (
    "\n\nYou can start a new assessment with these answers filled in, and change only what "
    "has changed."
)
SAVED_RESULT_KEYS: Keys = (
    *READING_KEYS,
    ("n", "Start a new assessment from these answers"),
    ("a", "Give the actions owners, due dates and statuses"),
    ("Escape", "Back to the list"),
)

EVERYWHERE: Keys = (
    ("Tab", "Go to the next button or box (Shift and Tab go back)"),
    ("← →", "Move along a row of buttons; Enter presses the one highlighted"),
    ("F1 or ?", "This help"),
    ("Ctrl+P", "Search everything you can do, by name"),
    ("Ctrl+Q", "Quit (your answers are kept)"),
)

ACTIONS = (
    "Every action in the plan, most urgent first, with who owns it, when it is due and how "
    "far it has got. Pick one with the arrow keys and press Enter, or click it, to give it an "
    "owner, a due date, a status and a note. Each change is saved in the assessment at once, "
    "and its reports are made again to show it.\n\n"
    "When you assess again, the actions still open keep their owners and dates, and the "
    "comparison says which were done, which are overdue and which are new. To track them in "
    "a spreadsheet instead, use `consortium-ready actions --export` and `--import`."
)

ACTIONS_KEYS: Keys = (
    ("↑ ↓", "Move from one action to the next"),
    ("Enter", "Give the highlighted action an owner, a due date, a status and a note"),
    ("Escape", "Back to the result"),
)

PARTNERS = (
    "See several organisations' saved assessments together, as a lead body or a council for "
    "voluntary service would: where the partners stand, and where they disagree.\n\n"
    "The organisations in the reports folder are listed, each by its latest complete "
    "assessment. To read another folder, such as one holding the files partners sent back, "
    "type its name and press Enter. Tick the organisations to include with Space or a click "
    "(a ticks all, n none), then press s or Show together."
)

CONSORTIUM = (
    "The partners together, in tabs (left and right arrows, or a click). The grid puts each "
    "partner against each theme: the partner's score, coloured by its band, ? where it knows "
    "too little of the theme, and the middle of the partners at the foot. The line below says "
    "what the highlighted cell is; Enter on a partner opens its own assessment.\n\n"
    "Disagreements lists first the facts the partners contradict each other on, then answers "
    "and theme bands two or more levels apart, each with the lessons behind it. Flags lists "
    "what the partners' answers show together (no lead, more than one, the lead's word "
    "against what partners have seen), then every red flag any partner raised, and who "
    "raised it. To print or email this picture, run `consortium-ready aggregate`."
)

PARTNERS_KEYS: Keys = (
    ("↑ ↓", "Move from one organisation to the next"),
    ("Space", "Tick or untick the highlighted organisation"),
    ("a / n", "Tick all, or none"),
    ("s", "Show the ticked organisations together"),
    ("Escape", "Back"),
)

CONSORTIUM_KEYS: Keys = (
    ("← →", "Move from one tab to the next"),
    ("g t d f w", "Open the grid, themes, disagreements, flags or who answered"),
    ("Enter", "In the grid: open the highlighted partner's own assessment"),
    ("Escape", "Back"),
)
