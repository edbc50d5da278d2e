"""The command-line interface of provenance (click); the library lives in ``provenance``."""
