"""sakip-xlsx: the yearly LKIP of an Indonesian perangkat daerah in one command."""

__version__ = "0.1.0"
