"""`python -m iae_cli`."""

from iae_cli.cli.app import main

if __name__ == "__main__":
    main()
