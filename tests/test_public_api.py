"""The package's public names: few, and all importable."""

import monitor


def test_exported_members() -> None:
    assert sorted(monitor.__all__) == [
        "ConfigError", "FetchError", "InputError", "MonitorError", "StoreError", "__version__",
    ]
    for name in monitor.__all__:
        assert getattr(monitor, name) is not None


def test_every_error_is_a_monitor_error() -> None:
    for name in ("ConfigError", "FetchError", "InputError", "StoreError"):
        assert issubclass(getattr(monitor, name), monitor.MonitorError)
