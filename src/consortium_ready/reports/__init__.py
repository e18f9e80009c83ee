"""Reports: what each says, laid out as HTML, Markdown and CSV, and saved with an assessment."""
