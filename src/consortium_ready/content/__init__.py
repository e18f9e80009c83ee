"""Reading what people hand in: question banks, answers files, YAML with line numbers."""
