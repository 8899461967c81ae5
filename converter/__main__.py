"""``python -m converter`` is the ``prconvert`` command, and ``main`` its entry point."""
import sys


def main() -> int:
    """The command, imported inside the Ctrl-C handling: importing it takes about a third of a
    second, and a Ctrl-C then printed Python's traceback."""
    try:
        from .cli import main as command
    except KeyboardInterrupt:
        print("prconvert: interrupted", file=sys.stderr)
        return 130
    return command()


if __name__ == "__main__":
    sys.exit(main())
