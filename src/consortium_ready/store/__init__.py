"""Files on disk: atomic writes, saved assessments, their index and history, drafts."""
