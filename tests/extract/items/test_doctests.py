"""The examples in the docstrings of monitor.extract.items run: pytest is not set to collect doctests."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "monitor.extract.items",
        "monitor.extract.items.figures",
        "monitor.extract.items.figure_shapes",
        "monitor.extract.items.linking",
        "monitor.extract.items.dating",
    ],
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
