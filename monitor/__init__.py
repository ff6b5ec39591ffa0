"""timeline-monitor: watch a developing news story and turn it into a dated, sourced event timeline."""

from monitor.errors import ConfigError, FetchError, InputError, MonitorError, StoreError

__all__ = ["ConfigError", "FetchError", "InputError", "MonitorError", "StoreError", "__version__"]
__version__ = "0.1.0"
