"""Where the shipped schemas and stylesheets are: inside the installed package, or in a checkout."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir(name: str) -> Path:
    """``schemas`` or ``xslt``: installed as ``converter/<name>``, or at the top of a source tree."""
    installed = Path(str(resources.files("converter"))) / name
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"prconvert is missing its {name}/ folder; reinstall the package")


def resource_path(folder: str, filename: str) -> Path:
    return resource_dir(folder) / filename
