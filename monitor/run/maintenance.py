"""Keeping the database's size bounded: retention from the config, applied on demand or daily by the service.

    plans = prune(store, config, now, dry_run=True)       # what `monitor db prune --dry-run` prints
    for plan in plans: print(plan.line(dry_run=True))

The rules themselves are monitor.store.retention's; this module reads them from the config (`retention:`,
global and per story) and is what `monitor db prune` and `monitor run` call.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from monitor.store.retention import Rule, StoryPrune

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.store import Store

log = logging.getLogger(__name__)

PRUNE_EVERY = 86400.0  # the service applies retention once a day


def retention_rules(config: Config) -> dict[str, Rule]:
    """story id -> its retention rule, for the stories that have one (global or their own)."""
    rules: dict[str, Rule] = {}
    for story in config.stories:
        retention = config.retention_of(story)
        if retention is not None:
            rules[story.id] = Rule(retention.keep_last, retention.keep_younger)
    return rules


def prune(
    store: Store, config: Config, now: dt.datetime, *, dry_run: bool = False, compact: bool = True
) -> list[StoryPrune]:
    """Apply the config's retention (with `dry_run`, only say what it would drop); one StoryPrune a story.
    `compact`: give SQLite's freed space back to the file system (`Store.prune`)."""
    rules = retention_rules(config)
    if not rules:
        return []
    plans = store.prune_plan(rules, now) if dry_run else store.prune(rules, now, compact=compact)
    if not dry_run:
        for plan in plans:
            log.info("retention: %s", plan.line(dry_run=False),
                     extra={"event": "retention_pruned", "story": plan.story,
                            "versions": len(plan.snapshot_ids), "bytes": plan.text_bytes,
                            "checks": len(plan.check_ids)})
    return plans
