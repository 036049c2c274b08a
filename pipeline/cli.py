"""The ``duiqi`` command line: a thin adapter from arguments to the Python API.

Each command turns its options into the same calls the API exposes; no logic lives here.
"""
from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="duiqi (对齐): align Chinese–English historical documents.")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
