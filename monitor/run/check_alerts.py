"""What a check alerts on, as pure functions of the source's stored state and what the check found: the
source's health (failing, recovered) and a page's new version (content, headline, corrections)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from monitor.publish.alerts import Alert
    from monitor.store.records import SnapshotData, SourceRef


def health_alerts(
    source: SourceRef, *, failed: bool, failing_after: int, reason: str | None = None,
    permanent: bool = False,
) -> list[Alert]:
    """source_failing at exactly `failing_after` failures in a row (or at once when the source is gone for
    good); source_recovered on the first success after such a streak."""
    # Imported only when an alert is raised: most checks raise none, and a poll cycle in which nothing changed
    # then never imports the alerts and the track/ layer under them (~60 ms of its start-up).
    if failed:
        streak = source.error_streak + 1
        if permanent or streak == failing_after:
            from monitor.publish.alerts import source_failing_alert

            return [source_failing_alert(source.story_id, source.url, streak, reason or "error")]
        return []
    if source.error_streak >= failing_after:
        from monitor.publish.alerts import source_recovered_alert

        return [source_recovered_alert(source.story_id, source.url, source.error_streak)]
    return []


def version_alerts(
    source: SourceRef, latest: SnapshotData, new_version: int, text: str, title: str | None,
    corrections_extra: tuple[str, ...] = (),
) -> list[Alert]:
    """What a page's new version changed against the latest: content_changed (when its sentences did),
    headline_changed (its title), correction_added (a correction or editor's note among the new sentences)."""
    from monitor.extract.corrections import corrections
    from monitor.publish.alerts import content_changed_alert, correction_added_alert, headline_changed_alert
    from monitor.track.snapshots import sentence_diff

    story, url = source.story_id, source.url
    alerts: list[Alert] = []
    diff = sentence_diff(latest.text, text) if text != latest.text else None
    if diff is not None:
        alerts.append(content_changed_alert(story, url, latest.version, new_version, diff.added,
                                            diff.removed))
    if not same_title(latest.title, title):
        alerts.append(headline_changed_alert(story, url, latest.title or "", title or "", new_version))
    if diff is not None:
        alerts.extend(correction_added_alert(story, url, found, new_version)
                      for found in corrections(diff.added, corrections_extra))
    return alerts


def same_title(old: str | None, new: str | None) -> bool:
    """Whether two versions' titles read the same (a version without a title changes none)."""
    if not old or not new:
        return True
    return " ".join(old.split()) == " ".join(new.split())
