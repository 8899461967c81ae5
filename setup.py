"""Optional mypyc compilation of the conversion modules (PRCONVERT_MYPYC=1; see build_backend/).

Without PRCONVERT_MYPYC=1, or when compiling fails (no C compiler, no Python headers), the wheel
is the pure-Python package: the .py files are always shipped and used when no .so is there."""
import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED = [
    "converter/segmenter.py", "converter/table_cells.py", "converter/extract.py", "converter/lines.py",
    "converter/table_layout.py", "converter/tables.py", "converter/table_units.py", "converter/table_rows.py",
    "converter/fields/contacts.py", "converter/table_facts.py", "converter/edgar.py", "converter/pipeline.py",
    "converter/fields/front.py", "converter/concepts.py", "converter/table_periods.py", "converter/prefilter.py",
    "converter/fields/safe_harbor.py", "converter/fields/dateline.py", "converter/fields/wire.py",
    "converter/fields/issuer.py", "converter/fields/dates.py", "converter/reader.py",
    "converter/table_knowledge.py", "converter/jsonform.py", "converter/structure.py", "converter/knowledge.py",
]


class OptionalBuildExt(build_ext):
    """All the compiled modules or none: a failed compile leaves the pure-Python package."""

    def run(self):
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 - CompileError, LinkError, a missing compiler
            print(f"prconvert: mypyc build failed ({error}); installing the pure-Python modules", file=sys.stderr)
            for ext in self.extensions:  # a shim without its shared library would not import
                path = self.get_ext_fullpath(ext.name)
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []

    def get_outputs(self):
        return super().get_outputs() if self.extensions else []


ext_modules = []
if os.environ.get("PRCONVERT_MYPYC", "") == "1":
    try:
        from mypyc.build import mypycify
    except ImportError:  # pip first runs this file to ask what the build needs, before mypy is there
        pass
    else:
        # Errors are reported in the compiled modules only: the rest is imported for its types, not compiled.
        ext_modules = mypycify([
            "--disable-error-code=annotation-unchecked", "--follow-imports=silent", *COMPILED,
        ], opt_level="3")

setup(ext_modules=ext_modules, cmdclass={"build_ext": OptionalBuildExt})
