from pathlib import Path

import pytest

from consortium_ready.errors import InputError
from consortium_ready.yamlfile import parse_yaml

FILE = Path("bank.yaml")


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, FILE)
    return [str(p) for p in caught.value.problems]


def test_values_keep_the_line_of_their_key():
    document = parse_yaml("a: 1\nitems:\n  - id: x\n    text: y\n", FILE)
    assert document.line_of(("items", 0, "text")) == 4
    assert document.line_of(("items", 0, "unknown-field")) == 3


def test_duplicate_keys_are_errors_with_both_lines():
    assert problems("id: a\ntitle: t\nid: b\n") == [
        "bank.yaml:3: id: key given twice (first on line 1)"
    ]


def test_duplicate_keys_are_found_inside_lists():
    [message] = problems("items:\n  - id: a\n    id: b\n")
    assert message.startswith("bank.yaml:3: items[0].id: key given twice")


def test_aliases_are_refused_so_alias_bombs_cannot_expand():
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    [message] = problems(bomb)
    assert "anchors and aliases" in message and message.startswith("bank.yaml:2:")


def test_broken_yaml_names_the_line():
    [message] = problems("a: 1\nb: [1, 2\nc: 3\n")
    assert message.startswith("bank.yaml:3:") and "not valid YAML" in message


def test_yes_and_no_stay_text_but_true_is_a_boolean():
    assert parse_yaml("a: yes\nb: no\nc: on\nd: true\n", FILE).data == {
        "a": "yes", "b": "no", "c": "on", "d": True,
    }


def test_unsafe_tags_are_refused():
    [message] = problems("a: !!python/object/apply:os.system ['true']\n")
    assert "not valid YAML" in message
