"""The yardstick: a ten-line Typer + Rich app that prints a small table."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def hello(name: str = "monde") -> None:
    table = Table("Salut", "Qui")
    table.add_row("Bonjour", name)
    Console().print(table)


if __name__ == "__main__":
    app()
