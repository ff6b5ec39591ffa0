"""deploy/: the compose file and the systemd units parse and say what a fleet needs (docker and systemd are
not run here: only that the files are well formed and point at what exists)."""

from __future__ import annotations

import configparser
from pathlib import Path
from typing import Any

import yaml

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def _compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read_string((DEPLOY / name).read_text(encoding="utf-8"))
    return parser


def test_compose_runs_n_instances_on_one_postgres() -> None:
    services = _compose()["services"]
    assert {"postgres", "migrate", "monitor"} <= services.keys()
    monitor = services["monitor"]
    root = DEPLOY.parent
    build = monitor["build"]
    assert (root / "deploy" / build["context"] / build["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    assert monitor["command"] == ["run"] and services["migrate"]["command"] == ["db", "upgrade"]
    assert "replicas" in monitor["deploy"]
    assert monitor["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert monitor["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert monitor["stop_signal"] == "SIGTERM"
    url = monitor["environment"]["MONITOR_DATABASE_URL"]
    assert url.startswith("postgresql+psycopg://") and "@postgres" in url
    assert monitor["environment"]["MONITOR_CONFIG"] == "/etc/timeline-monitor/config.yaml"
    assert any(v.endswith(":/etc/timeline-monitor/config.yaml:ro") for v in monitor["volumes"])
    postgres = services["postgres"]
    assert "healthcheck" in postgres
    settings = dict(arg.split("=", 1) for arg in postgres["command"] if "=" in arg)
    assert int(settings["max_connections"]) >= 100


def test_systemd_template_runs_instances_of_the_service() -> None:
    template, single = _unit("timeline-monitor@.service"), _unit("timeline-monitor.service")
    assert {"Unit", "Service", "Install"} <= set(template.sections())
    assert "%i" in template["Unit"]["Description"]
    service = template["Service"]
    assert service["ExecStart"] == single["Service"]["ExecStart"]
    assert service["KillSignal"] == "SIGTERM" and service["Restart"] == "on-failure"
    assert service["User"] == single["Service"]["User"]
    assert template["Install"]["WantedBy"] == "multi-user.target"
