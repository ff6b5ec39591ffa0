"""The sources a config asks for, as the store's source specs:

    store.sync_specs(config_specs(config), now)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.store.records import SourceSpec

if TYPE_CHECKING:
    from monitor.config import Config


def config_specs(config: Config) -> list[SourceSpec]:
    """Every page and feed the config names, as source specs (a later duplicate URL in a story wins)."""
    specs: dict[tuple[str, str], SourceSpec] = {}
    for story in config.stories:
        for page in story.sources:
            specs[(story.id, page.url)] = SourceSpec(story.id, page.url, "page", page.every)
        for feed in story.feeds:
            specs[(story.id, feed.url)] = SourceSpec(
                story.id, feed.url, "feed", feed.every, follow=feed.follow, keywords=tuple(feed.keywords),
                exclude=tuple(feed.exclude), source_every_seconds=feed.source_every,
                max_new_sources=feed.max_new_sources,
            )
    return list(specs.values())
