"""Tests of the questionnaire in the terminal, and of the core modules it added."""
