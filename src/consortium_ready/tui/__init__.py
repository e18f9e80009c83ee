"""The questionnaire in the terminal: a Textual shell over the domain core.

Only `app` (with its parts: `navigation`, `lifecycle`, `quitting`,
`typed_ahead`) and the start screen are imported before the first screen is
drawn; everything else is imported when it is first used. Screens see the app
as a `host.Host`.
"""
