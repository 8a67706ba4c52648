# The full-screen interface: labels, tabs, forms, keys, overlays and messages.

tui-draft-kept = programa: an edited copy that was not saved is kept in { $path }

## Short format marks in the tree
tui-format-short = { $format ->
        [virtual] vir
        [hybrid] hyb
       *[face-to-face] f2f
    }

## Title bar and tree
tui-title-activities = { $count } activities
tui-title-activities-so-far = { $count } activities so far
tui-title-shown = { $shown } shown: { $filter }
tui-title-errors = { $count } error(s): { $key }
tui-tree-title = Programme
tui-tree-no-match = nothing matches the filter (esc clears it)
tui-tree-empty = no activities yet
tui-tree-conflict = conflict
tui-tree-not-in-programme = (not in the programme file)
tui-tree-unknown-project = (unknown project)
tui-filter-status = status: { $status }
tui-filter-format = format: { $format }
tui-filter-area = area: { $area }
tui-filter-no-format = none

## The right pane
tui-tab-activity = Activity
tui-tab-history = History
tui-tab-changes = Changes
tui-nothing-selected = nothing selected
tui-node-area = Area
tui-node-programme = Programme
tui-node-project = Project
tui-node-activity = Activity
tui-summary-activities = { $count ->
        [one] 1 activity
       *[other] { $count } activities
    }
tui-summary-mean-progress = mean progress
tui-summary-keys = { $open } expand/collapse · { $new } new activity here
tui-field-project = Project
tui-field-status = Status
tui-field-progress = Progress
tui-field-kind = Kind
tui-field-planned = Planned
tui-field-actual = Actual
tui-field-venue = Venue
tui-field-conflict = Conflict
tui-conflict-line = line { $line }: { $summary }
tui-conflict-hint = keep one version in the file ({ $key }), then `git add` it
tui-conflict-hint-shown = shown as { $label } has it; keep one version in the file ({ $key }), then `git add` it
tui-no-format = no format
tui-format-none = none
tui-none = (none)
tui-section-background = A. Background and justification
tui-section-objectives = B. Objectives
tui-section-results = C. Expected results
tui-section-format = D. Format
tui-section-audience = Audience
tui-section-partners = Partners
tui-section-participants = Participants ({ $count })
tui-section-notes = Notes ({ $count })
tui-section-outputs = Outputs ({ $count })
tui-section-account = Account
tui-section-footnotes = Footnotes
tui-history-select = select an activity to see its history
tui-history-of = History of { $code }
tui-history-reading = reading the history
tui-history-none = no commits change this activity yet
tui-history-never-committed = it was never committed: { $key } commits the changes
tui-history-commits = commits
tui-history-renamed = as { $code }: { $phrase }
tui-changes-title = Uncommitted changes
tui-changes-comparing = comparing with git
tui-changes-nothing = nothing to commit
tui-changes-commit-key = { $key } commits them
tui-changes-partial = (the last commit does not fully parse; what could not be read is left out)
tui-hint = hint: { $hint }
tui-warning = warning: { $warning }
tui-and-more = … and { $count } more

## Status bar
tui-filter-keys = enter: keep · esc: clear
tui-hint-help = help
tui-hint-filter = filter
tui-hint-status = status
tui-hint-dates = dates
tui-hint-format = format
tui-hint-participant = participant
tui-hint-note = note
tui-hint-edit = edit
tui-hint-new = new
tui-hint-quit = quit
tui-reading = reading { $read } of { $total } files
tui-checking = checking the programme

## Help
tui-help-title = Keys · ↑/↓ scroll · esc closes
tui-help-no-keys = (none)
tui-help-in-filter = In the filter
tui-help-filter-type = type
tui-help-filter = codes, titles and text; enter keeps it, esc clears it
tui-help-in-form = In a form
tui-help-form-fields = next / previous field
tui-help-form-choice = change a choice (or type its first letter)
tui-help-form-clear = clear a text; the first key typed replaces a filled one, ←/→ keep it
tui-help-form-submit = save / cancel
tui-help-mouse = Mouse
tui-help-mouse-keys = click, wheel
tui-help-mouse-does = select a row or a tab, scroll the tree or the pane
tui-help-marks = Status marks
tui-help-remap = Keys can be changed in { $path }, by the names on the right
tui-command-up = move up
tui-command-down = move down
tui-command-page-up = move up a page
tui-command-page-down = move down a page
tui-command-top = go to the top
tui-command-bottom = go to the bottom
tui-command-collapse = collapse, or go to the parent
tui-command-expand = expand
tui-command-open = open / toggle / jump
tui-command-back = go back, close, clear the filter
tui-command-quit = quit
tui-command-help = show every key
tui-command-focus = switch between tree and pane
tui-command-filter = filter as you type
tui-command-filter-status = cycle the status filter
tui-command-filter-format = cycle the format filter
tui-command-filter-area = cycle the area filter
tui-command-clear-filters = clear every filter
tui-command-view-detail = pane: the activity
tui-command-view-history = pane: its history
tui-command-view-changes = pane: uncommitted changes
tui-command-set-status = change status, progress and account
tui-command-set-dates = change the dates
tui-command-set-format = change format and venue
tui-command-add-participant = add a participant
tui-command-add-note = add a progress note
tui-command-new-activity = create an activity
tui-command-edit = open the file in $EDITOR
tui-command-commit = commit the changes
tui-command-compile-programme = compile the programme document
tui-command-compile-report = compile the follow-up report
tui-command-findings = show validation findings
tui-command-reload = read the files again

## Forms
tui-form-save = enter saves · esc cancels
tui-form-commit = enter commits · esc cancels
tui-form-next-field = tab next field
tui-form-change-choice = ←/→ change a choice
tui-form-clear = ctrl-u clears
tui-form-status = { $code } · status, progress and account
tui-form-dates = { $code } · dates
tui-form-format = { $code } · format
tui-form-participant = { $code } · add a participant
tui-form-note = { $code } · add a progress note
tui-form-new = New activity
tui-form-commit-title = Commit the changes
tui-label-status = Status
tui-label-progress = Progress %
tui-label-account = Account
tui-label-planned-start = Planned start
tui-label-planned-end = Planned end
tui-label-actual-start = Actual start
tui-label-actual-end = Actual end
tui-label-format = Format
tui-label-format-note = Format note
tui-label-venue = Venue
tui-label-organisation = Organisation
tui-label-country = Country
tui-label-role = Role
tui-label-name = Name
tui-label-note = Note
tui-label-date = Date
tui-label-project = Project
tui-label-title = Title
tui-label-kind = Kind
tui-label-message = Message
tui-hint-progress = 0 to 100
tui-hint-account = what was achieved, for the report; empty to remove
tui-hint-date-or-empty = YYYY-MM-DD, empty to remove
tui-hint-date = YYYY-MM-DD
tui-hint-empty-removes = empty to remove
tui-hint-optional = optional
tui-required = required
tui-did-you-mean-country = did you mean { $name } ({ $code })?
tui-country-expected = a code (PE) or a name in English or Spanish
tui-not-a-country = not a country: { $hint }
tui-note-empty = the note is empty
tui-commit-needs-message = a commit needs a message

## Findings and jobs
tui-findings = Findings ({ $count })
tui-findings-checking = Findings so far ({ $count }): the programme is being checked
tui-findings-reading = Findings so far ({ $count }): the checks run once every file is read
tui-findings-none = no problems found
tui-findings-none-so-far = no problems found so far
tui-severity-error = error
tui-severity-warning = warning
tui-severity-note = note
tui-finding-hint = (hint: { $hint })
tui-findings-keys = { $open } go to the activity · { $edit } edit its file · esc close
tui-job-working = working
tui-job-close = esc closes
tui-job-hide = esc hides this window; the work goes on
tui-document-programme = programme document
tui-document-report = follow-up report
tui-compiling-title = Compiling the { $document }
tui-compiling = compiling the { $document }
tui-written-to = written to { $path }
tui-document-written = the { $document } is written to { $path }
tui-preparing-commit = preparing the commit
tui-committing = committing
tui-committed = committed { $id }
tui-cannot-commit = Cannot commit
tui-commit-failed = The commit failed
tui-nothing-to-commit = nothing to commit: the programme files are as in the last commit

## Status-bar messages
tui-conflicts = unresolved merge conflicts: press { $key } to see where
tui-unreadable = some files cannot be read: press { $key } to see why
tui-cannot-read-programme = cannot read the programme: { $error }
tui-cannot-read-file = cannot read { $path } ({ $error })
tui-read-failed = { $error }: the files after it were not read; press { $key } to read them again
tui-all-read = every file is read: { $count } activities
tui-not-all-read = some files were not read: press { $key } first
tui-new-activity-waits = a new activity's code is chosen when every file is read ({ $progress })
tui-still-working = still working in the background; the title bar shows when it is done
tui-quit-busy = { $busy } is not done: press { $key } again to quit anyway
tui-filters-cleared = filters cleared
tui-wait-busy = wait until { $busy } is done
tui-reading-already = the files are being read already
tui-read-again = read the files again
tui-not-in-tree = { $code } is not in the tree (its file cannot be read); press { $key } to fix it in the editor
tui-finding-about-programme = this finding is about the programme as a whole
tui-select-activity = select an activity first
tui-no-projects = the programme file lists no projects to add an activity to
tui-no-changes = { $code }: no changes
tui-changed = { $code } changed: { $changes }
tui-saved = { $code } saved: { $changes }
tui-changed-outside = { $done } (made to the file as changed outside since it was read)
tui-new-file-saved = saved
tui-created = { $code }: created { $path }
tui-draft-unknown = { $code }: the edited copy { $path } is not one this session made; nothing was saved
tui-editor-failed = { $error }; { $code } was not changed
tui-not-saved-locked = { $code } was not saved: { $error }; your text is kept in { $path }: press { $key } to edit it again and save it
tui-changed-while-editing = { $code } was changed outside while you edited it, so your text was not saved; it is kept in { $path }: press { $key } to edit it again and save it over the new file
tui-not-changed-problems = { $code } was not changed: { $count } problem(s) in your text, kept in { $path }; press { $key } to edit it again
tui-not-changed = { $code } was not changed: { $error }
tui-cannot-create-draft = cannot create the copy to edit ({ $error })
tui-cannot-read-draft = cannot read the edited copy { $path } ({ $error })

## Background services
tui-unavailable-history = history is not available in this build yet
tui-unavailable-diff = the diff of uncommitted changes is not available in this build yet
tui-unavailable-commit = committing is not available in this build yet
tui-unavailable-compile = compiling the { $document } is not available in this build yet
tui-history-unreadable = the history could not be read
tui-history-unreadable-earlier = the history could not be read (an earlier reading failed)
tui-cannot-describe-changes = cannot describe the changes ({ $error })
tui-commit-warning = ; warning: { $warning }

## Starting
tui-key-map-unusable = the key map cannot be used: { $error }
tui-key-map-unusable-hint = fix or remove the file; the interface did not start
tui-needs-terminal = the interface needs a terminal
tui-needs-terminal-hint = run it in a terminal; `programa list` and `programa show` print to pipes
tui-key-unknown-command = unknown command `{ $name }`{ $suggestion } (the commands are { $names })
tui-key-did-you-mean = ; did you mean `{ $name }`?
tui-key-not-a-key = `{ $key }` is not a key (expected a character, or a name such as enter, esc, tab, space, up, pagedown, f1, with ctrl-/alt-/shift- before it)
tui-key-bound-twice-here = `{ $key }` is bound to both `{ $other }` and `{ $command }` ({ $other } has it in this file)
tui-key-bound-twice-default = `{ $key }` is bound to both `{ $other }` and `{ $command }` ({ $other } has it by default; give `{ $other }` other keys in this file to free it)
tui-key-cannot-read = cannot read it ({ $error })
tui-nothing-to-do = nothing to do here for that key · { $key } lists the keys
