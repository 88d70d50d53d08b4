"""The examples in docs/python.md run: every ```python block is executed
(in the repository's root, so example paths resolve), except a block whose
first line is "# not run: ..." (a template)."""

import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "python.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
RUN = [b for b in BLOCKS if not b.startswith("# not run:")]


def test_the_doc_has_examples():
    assert len(RUN) >= 3  # the tour, monitoring/reclaim/review, frames


@pytest.mark.parametrize("index", range(len(RUN)))
def test_example_runs(index, monkeypatch):
    monkeypatch.chdir(ROOT)
    exec(compile(RUN[index], f"docs/python.md example {index + 1}", "exec"), {})  # noqa: S102
