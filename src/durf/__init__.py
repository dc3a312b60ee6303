"""durf: a calm terminal companion for practising vulnerability."""

__version__ = "0.1.0"
