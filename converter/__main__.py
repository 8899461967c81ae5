"""``python -m converter`` is the ``prconvert`` command."""
import sys

from .cli import main

sys.exit(main())
