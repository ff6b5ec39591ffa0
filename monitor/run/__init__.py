"""The running program: one check of one source, the checks of a process, a cycle, the scheduler service,
process settings."""
