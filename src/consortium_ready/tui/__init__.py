"""The questionnaire in the terminal: a Textual shell over the domain core.

Only `app` and the start screen are imported before the first screen is
drawn; everything else is imported when it is first used.
"""
