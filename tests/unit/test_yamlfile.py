import time
from pathlib import Path

import pytest
import yaml

from consortium_ready.content import yamlfile
from consortium_ready.content.yamlfile import parse_yaml, read_yaml
from consortium_ready.errors import InputError
from tests.unit.helpers import REPO

FILE = Path("bank.yaml")


@pytest.fixture(autouse=True, params=["libyaml", "pure-python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with libyaml's parser (where PyYAML has it) and with PyYAML's own."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlfile, "_Loader", yamlfile._PurePythonLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, FILE)
    return [str(p) for p in caught.value.problems]


def test_values_keep_the_line_of_their_key():
    document = parse_yaml("a: 1\nitems:\n  - id: x\n    text: y\n", FILE)
    assert document.line_of(("items", 0, "text")) == 4
    assert document.line_of(("items", 0, "unknown-field")) == 3


def test_lines_are_found_only_when_a_message_needs_one():
    document = parse_yaml("a: 1\nitems:\n  - id: x\n    text: y\n", FILE)
    assert "lines" not in vars(document)  # parsing alone keeps no line index
    assert document.line_of(("items", 0, "id")) == 3
    assert document.lines[("items", 0, "text")] == 4


def test_an_ampersand_in_the_words_is_no_anchor():
    document = parse_yaml('a: "Q&A"\nb: [x & y, z]\n', FILE)
    assert document.data == {"a": "Q&A", "b": ["x & y", "z"]}


MIXED = """\
text: words
number: 3
ratio: 0.5
none: null
when: 2026-03-31
"3": a number as a key
yes_no: [yes, no, true]
tagged: !!str 12
merged: {<<: {a: 1}, b: 2}
nested: [{a: [1, {b: c}]}, [], {}]
"""


@pytest.mark.parametrize(
    "text",
    [MIXED, *(path.read_text("utf-8") for path in sorted(REPO.glob("[qs]*/**/*.yaml")))],
)
def test_values_are_built_as_pyyaml_builds_them(text: str):
    assert parse_yaml(text, FILE).data == yaml.load(text, Loader=yamlfile._Loader)


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
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": True,
    }


def test_unsafe_tags_are_refused():
    [message] = problems("a: !!python/object/apply:os.system ['true']\n")
    assert "not valid YAML" in message


def test_libyaml_parses_when_pyyaml_has_it(loader):
    if loader == "libyaml":
        assert issubclass(yamlfile._Loader, yaml.CSafeLoader)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: &x words\nb: *x\n", 2),
        ("a: &x words\na: *x\n", 2),
        ("a: [&x 1, 2]\nb:\n  - 3\n  - *x\n", 4),
        ("&k a: 1\nb: *k\n", 2),
        ("a: &k b\n*k : 2\n", 2),
        ("a: &r [1, *r]\n", 1),
    ],
)
def test_every_kind_of_alias_is_refused_at_its_line(text, line):
    [message] = problems(text)
    assert message == (
        f"bank.yaml:{line}: not valid YAML: anchors and aliases (&name, *name) are not allowed"
    )


@pytest.mark.serial  # timed against the wall clock: other workers would eat its second
def test_an_alias_bomb_is_refused_quickly():
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 40)]
    started = time.perf_counter()
    [message] = problems("\n".join(levels) + "\n")
    assert "anchors and aliases" in message and message.startswith("bank.yaml:2:")
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("depth", [500, 5_000, 200_000])
@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_a_problem_not_a_crash(depth, opening, closing):
    text = opening * depth + "1" + closing * depth
    try:
        document = parse_yaml(text, FILE)
    except InputError as error:
        [problem] = error.problems
        assert str(problem) == "bank.yaml: nested too deeply to be read as YAML" or (
            depth == 200_000 and "more than 20,000 values" in str(problem)
        )
    else:
        assert depth == 500 and document.data is not None


def test_deep_block_nesting_is_a_problem_not_a_crash():
    text = "".join(" " * n + "k:\n" for n in range(5_000)) + " " * 5_000 + "v\n"
    assert problems(text) == ["bank.yaml: nested too deeply to be read as YAML"]


def test_a_file_is_read_as_written(tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"a: 1\r\nb:\r\n  - x\r\n")
    document = read_yaml(path)
    assert document.data == {"a": 1, "b": ["x"]} and document.line_of(("b", 0)) == 3
    assert document.text.encode("utf-8") == path.read_bytes()


def test_unreadable_files_are_named(tmp_path):
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"a: \xff\xfe\n")
    for path, says in [
        (f"{binary}:1", "not a YAML file (not UTF-8 text)"),
        (tmp_path / "missing.yaml", "cannot be read: No such file or directory"),
        (tmp_path, "not a YAML file: it is a folder, not a file"),
    ]:
        with pytest.raises(InputError) as caught:
            read_yaml(Path(str(path).removesuffix(":1")))
        assert str(caught.value) == f"{path}: {says}"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2025-02-29", "'2025-02-29'"),
        ("2026-13-01", "'2026-13-01'"),
        ("!!int 0xZZ", "'0xZZ'"),
        ("!!float x", "'x'"),
        ("!!bool maybe", "'maybe'"),
        ("!!timestamp x", "'x'"),
        ("[1, !!int 0xZZ]", "'0xZZ'"),
    ],
)
def test_a_value_yaml_cannot_build_is_named_by_line_not_a_traceback(tmp_path, value, shown):
    path = tmp_path / "answers.yaml"
    path.write_text(f"profile:\n  organisation: X\nanswers:\n  when: {value}\n")
    with pytest.raises(InputError) as caught:
        read_yaml(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (4, "answers.when" + ("[1]" if "[" in value else ""))
    assert f"the value {shown} cannot be read" in problem.message
