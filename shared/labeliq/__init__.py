"""labeliq: checks Canadian food labels against the SFCR and the FDR."""

__version__ = "0.1.0"
