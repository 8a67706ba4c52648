# What history, log, diff and blame say of git and of changes.
