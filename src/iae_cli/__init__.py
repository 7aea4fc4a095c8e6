"""iae: les emplois cadres de l'insertion par l'activité économique, en ligne de commande."""

__version__ = "0.1.0"
