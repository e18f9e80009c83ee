"""What each screen's help (F1 or ?) says, kept together so that the words read as one voice."""

START = (
    "This is the start. Use the up and down arrow keys to pick what you want to do, then "
    "press Enter, or click it with the mouse.\n\n"
    "Your answers are saved in the reports folder as you give them, so you can stop at any "
    "time and carry on later."
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

QUESTION = (
    "Answer one question at a time. Each answer shows what that level looks like in "
    "practice, so pick the one closest to where your organisation is today. If you are "
    "not sure, choose Don't know: it counts as a gap, and your action plan will say how "
    "to find out. Choose with a number, a click or the arrows: the answer marked (•) is "
    "the one saved.\n\n"
    "Below the answers: why the question matters, and what happened in the real "
    "consortia it draws on. Open a case study to read the whole story.\n\n"
    "Add a note to record the evidence for an answer (where the minutes are, who "
    "signed). Every answer and note is saved as soon as you give it."
)

REVIEW = (
    "This list shows the questions you have not answered and those you answered "
    '"Don\'t know". Pick one with the arrow keys and press Enter, or click it, to go '
    "back to it.\n\n"
    "You can see your result at any time: unanswered questions count as 0 and \"Don't "
    'know" answers as gaps, each with an action to find out.'
)

RESULT = (
    "Your overall score and band come first. Red flags are shown apart from the average: "
    "each is a gap serious enough to hold the overall band down however well the rest scores. "
    "The bars show each theme's score out of 100; if this organisation has an earlier saved "
    "assessment, the change since then is shown beside each bar (▲ up, ▼ down).\n\n"
    "The actions are in order of priority, each with the lessons from real consortia behind it."
)

CASE_STUDIES = (
    "These are the real consortia the questions are built on, from NCVO's 2009 stories "
    "of voluntary organisations delivering public services together. The text is our own "
    "summary of what the source reports.\n\n"
    "Use the left and right arrow keys on the tabs (or click a tab) to move between "
    "consortia, and the up and down keys or the mouse wheel to read. Press Escape to go back."
)

HISTORY = (
    "These are the assessments saved in the reports folder, newest first. Pick one with "
    "the arrow keys and press Enter, or click it, to see its result. From there you can "
    "start a new assessment with its answers filled in.\n\n"
    "To see what changed between two assessments, press m on one to mark it (or click its "
    "box), then press m or Enter on the other (or click it). Press p to compare the "
    "highlighted assessment with the one its organisation saved before it. Press m on the "
    "marked one, or Escape, to unmark it; with nothing marked, Escape goes back.\n\n"
    "Press Delete (or x) to take an assessment out of history: its files move to the bin "
    "folder inside the reports folder, and nothing is deleted."
)

COMPARISON = (
    'What changed between two assessments; the earlier one is "before", whichever you '
    "picked first. First the overall score and each theme's score before and after, with "
    "the change (▲ up, ▼ down, = the same). Then the red flags cleared, raised and still "
    "raised, the actions completed and new, and every answer that changed.\n\n"
    "If the questions changed between the two, the questions only one of them holds are "
    "listed at the end, and answers are compared on the questions both hold. Use the arrow "
    "keys, Page Up and Page Down or the mouse wheel to read; press Escape to go back."
)

SAVE = (
    "\n\nPress s to save the assessment: it is written to the reports folder with a "
    "report you can read, print and email."
)

START_FROM = (
    "\n\nPress n to start a new assessment with these answers filled in, and "
    "change only what has changed."
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
