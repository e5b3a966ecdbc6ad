"""The Python examples of docs/pipelines.md run as written (from the repository root)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "pipelines.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_doc_has_examples():
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize("n", range(len(BLOCKS)))
def test_pipelines_doc_example_runs(n, tmp_path):
    if "pandas" in BLOCKS[n]:
        pytest.importorskip("pandas")
    script = tmp_path / f"example_{n}.py"
    script.write_text(BLOCKS[n], encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
