# The command line's own messages: what commands print and their errors.

cli-no-changes = { $code }: no changes
cli-saved = saved
cli-waiting-for-writer = waiting for another programa writing { $holder }…
cli-cannot-read-current-folder = cannot read the current folder ({ $error })
