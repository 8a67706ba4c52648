# The full-screen interface: labels, tabs, forms, keys, overlays and messages.

tui-draft-kept = programa: an edited copy that was not saved is kept in { $path }
