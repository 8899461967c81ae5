"""In-tree build backend: setuptools', plus mypy (for mypyc) as a build requirement when a compiled
build is asked for with PRCONVERT_MYPYC=1. Without it the build needs nothing but setuptools and
gives the pure-Python package, as before. Editable installs never ask for mypy, so they are always
pure (setup.py finds no mypyc and compiles nothing): an edit to a source file takes effect."""
from __future__ import annotations

import os

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F401,F403 - every hook setuptools has

# One mypyc (its output is tested with this version only), and the packages whose types it reads.
_COMPILE = ["mypy==2.4.1", "attrs>=23.1", "orjson>=3.10"]


def _wanted() -> bool:
    return os.environ.get("PRCONVERT_MYPYC", "") == "1"


def get_requires_for_build_wheel(config_settings=None):
    return _orig.get_requires_for_build_wheel(config_settings) + (_COMPILE if _wanted() else [])

