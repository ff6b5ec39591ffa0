"""`monitor db ...`: database maintenance (schema, retention, backup and restore)."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.options import Context, fail_cleanly, pass_context


@click.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@pass_context
@fail_cleanly
def db_upgrade(ctx: Context) -> None:
    """Create or upgrade the database schema to the newest migration."""
    from monitor.store import upgrade

    url = ctx.config().database
    revision = upgrade(url)
    click.echo(f"database at revision {revision}")


@db.command("prune")
@click.option("--dry-run", is_flag=True, help="Only print what would be dropped.")
@pass_context
@fail_cleanly
def db_prune(ctx: Context, dry_run: bool) -> None:
    """Apply `retention:`: drop the text of versions no fact needs (hash and fetch time kept), trim the check
    log; one line a story says what it frees. `monitor run` does this daily."""
    from monitor.run.checker import utcnow
    from monitor.run.maintenance import prune

    plans = prune(ctx.store(read_only=dry_run), ctx.config(), utcnow(), dry_run=dry_run)
    if not plans:
        click.echo("no retention configured: every version is kept (see `retention:` in the README)")
    for plan in plans:
        click.echo(plan.line(dry_run=dry_run))
    if len(plans) > 1:
        total = sum(p.text_bytes for p in plans)
        click.echo(f"total: {'would free' if dry_run else 'freed'} {total:,} bytes of text")


@db.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
@fail_cleanly
def db_backup(ctx: Context, file: Path) -> None:
    """Copy the database to FILE while the service may run (SQLite: the online backup API, checked with
    integrity_check; PostgreSQL: pg_dump --format=custom)."""
    from monitor.store.backup import backup

    click.echo(backup(ctx.config().database, file))


@db.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
@fail_cleanly
def db_restore(ctx: Context, file: Path) -> None:
    """Replace the database with the backup FILE (stop `monitor run` first; PostgreSQL: pg_restore)."""
    from monitor.store.backup import restore

    click.echo(restore(ctx.config().database, file))


