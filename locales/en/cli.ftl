# The command line's own messages: what commands print and their errors.

## Errors
cli-error = error: { $message }
cli-hint = hint: { $hint }
cli-cannot-write-output = cannot write the output ({ $error })
cli-not-found-hint = run the command inside a programme repository, or pass `--root DIR`
cli-no-years-hint = create one with `programa import FILE --year YYYY`
cli-no-folder-hint = create it first (`mkdir -p { $folder }`), or name a folder that exists
cli-no-such-year-hint = pass one of the years found with `--year`
cli-busy-hint = run the command again once the other one is done, or set { $var }=SECONDS to wait longer; the lock ({ $lock }) is freed the moment that programa ends
cli-bad-timeout-hint = set { $var } to how long a writer waits for another, in seconds (30 when unset)

## check
cli-check-at = { $place } at { $rev }
cli-check-summary = { $place }: { $activities ->
        [one] 1 activity
       *[other] { $activities } activities
    }, { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }{ $notes ->
        [0] {""}
        [one] , 1 note
       *[other] , { $notes } notes
    }
cli-check-failed = the programme for { $year } has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }
cli-check-failed-hint = each finding above says where and what to change
cli-cannot-write-report = cannot write the report ({ $error })
cli-fixed-country = fixed { $place }: country `{ $written }` is now `{ $code }` ({ $country })
cli-fix-nothing = no country is written as a name
cli-fix-no-code = wrote no code
cli-fix-wrote = wrote the code of { $countries ->
        [one] 1 country
       *[other] { $countries } countries
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
cli-fix-unknown = ; { $countries ->
        [one] 1 country
       *[other] { $countries } countries
    } not recognised, left as written (see below)

## Edits and the lock
cli-no-changes = { $code }: no changes
cli-saved = saved
cli-waiting-for-writer = waiting for another programa writing { $holder }…
cli-cannot-read-current-folder = cannot read the current folder ({ $error })

## A year checked before it leaves the tool (compile, export); `at` says where it was read.

# Said after "the 2021 programme" of the files read at a revision, or of a baseline.
cli-gate-at-revision = {" "}at { $revision }
cli-gate-of-baseline = {" "}of the baseline `{ $name }`
cli-gate-conflict = the { $year } programme{ $at } has an unresolved merge conflict (in { $files }) and { $purpose ->
        [export] cannot be exported
       *[compile] cannot be compiled
    }
cli-gate-conflict-hint = resolve it (keep one version of each conflict, delete the marker lines), then `git add` the file
cli-gate-draft = compiling a draft of the { $year } programme{ $at }, which has { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    } (`programa check` lists them)
cli-gate-errors = the { $year } programme{ $at } has { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    } and { $purpose ->
        [export] cannot be exported
       *[compile] cannot be compiled
    }
cli-gate-hint-limits = values beyond the size limits cannot be printed, even in a draft: shorten them first
cli-gate-hint-draft = fix them (`programa check` lists them), or pass --draft for a copy marked DRAFT
cli-gate-hint-export = fix them: `programa check` lists them

## export iati: who publishes the programme.

cli-export-no-publisher = { $file } does not say who publishes the programme to IATI (it has no `[iati]` table)
cli-export-no-publisher-hint =
    add to { $file }:

    { $table }

    with your organisation's IATI organisation identifier, such as XM-DAC-41114: the prefix of a registration agency's list (org-id.guide lists them) and the organisation's number in it; IATI gives one that has none an XI-IATI-… identifier. The type is a code of IATI's OrganisationType list: 40 multilateral, 10 government, 21 international NGO, 80 academic…
cli-export-bad-organisation-id = `iati.organisation_id` in { $file } is `{ $id }`, which is not an IATI organisation identifier
cli-export-bad-organisation-id-hint = an identifier is a registration agency's prefix and the organisation's number there, such as XM-DAC-41114 or GB-CHC-202918: letters, digits, `.`, `-` and `_`, no spaces
cli-export-bad-organisation-type = `iati.organisation_type` in { $file } is { $code }, which is not in IATI's OrganisationType codelist
cli-export-bad-organisation-type-hint = use one of { $codes } (40 is multilateral, 10 government, 21 international NGO)
cli-export-no-activities = the { $year } programme has no activities, and an IATI file holds at least one
cli-export-no-activities-hint = add one with `programa new`

## set, note, participant, new
cli-note-empty = the note is empty
cli-note-today-hint = unset { $var } to use today's date, or pass `--date`
cli-participant-empty = it cannot be empty
cli-invalid-country = invalid value for `--country`: unknown country `{ $text }`
cli-country-hint-meant = did you mean { $country } ({ $code })? a country is its ISO 3166-1 code or its name in English or Spanish
cli-country-hint = write the country's ISO 3166-1 code (`PE` for Peru) or its name in English or Spanish
cli-new-unreadable-hint = run `programa check` to see every problem
cli-new-created = { $code }: created { $file }

## commit
cli-warning = warning: { $warning }
cli-nothing-to-commit = nothing to commit: the programme files are as in the last commit
cli-commit-files = { $count ->
        [one] 1 file committed
       *[other] { $count } files committed
    }
cli-commit-detached = HEAD was detached at { $at }: the commit is on no branch; `git switch -c NAME` gives it one
cli-not-committed = not committed, as programa commits only programme files: { $files }
cli-commit-errors = the programme has { $count ->
        [one] 1 error
       *[other] { $count } errors
    }; nothing was committed
cli-commit-errors-in = the programme has { $count ->
        [one] 1 error
       *[other] { $count } errors
    } (in { $files }); nothing was committed
cli-commit-errors-hint = fix them (`programa check` lists them) and commit again

## git
cli-not-a-repository-hint = run `git init` in the programme's folder, or pass `--root` with a folder inside a git repository
cli-bare-hint = run the command in a clone that has a working tree
cli-unknown-revision-hint = name a commit, branch, tag or baseline (`git log --oneline` lists commits, `programa baseline list` baselines)
cli-unknown-revision-hint-meant = did you mean `{ $close }`? name a commit, branch, tag or baseline (`git log --oneline` lists commits, `programa baseline list` baselines)
cli-no-merge-base-hint = `A..B` compares the two states as they are
cli-no-commits-hint = make the first commit with `programa commit`
cli-no-year-at-hint = pass a year that exists at that revision with `--year`
cli-no-identity-hint = tell git who you are: `git config --global user.name "Your Name"` and `git config --global user.email you@example.org` (or set GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL)
cli-bad-date-hint = unset { $variable }, or give it in one of the forms shown
cli-bad-name-hint = use letters, digits, `-`, `_` and `.`, e.g. `approved-2021`
cli-no-such-baseline-hint = name a baseline (`programa baseline list` shows them) or a revision
cli-baseline-exists-hint = choose another name, or pass `--force` to move it
cli-index-locked-hint = another git command is running in this repository, or one stopped without cleaning up: wait for it to finish; if no git is running, remove { $lock } and commit again
cli-commit-failed-hint = git's output above says why (a hook of the repository, commit signing, or files of a merge left unresolved); fix that and commit again
cli-no-branch-hint = switch to the branch to share (`git switch main`), or give this commit a branch with `git switch -c NAME`
cli-no-upstream-hint = say where the branch is shared: `git push -u origin { $branch }` the first time, or `git branch --set-upstream-to=origin/{ $branch }`
cli-transport-hint = git's output above says why; for a remote, `git fetch` and `git push` tell the same (network, credentials, SSH keys); a push refused because the remote moved meanwhile needs another `programa sync`
cli-no-git-hint = install git: programa commits through `git commit`, so that hooks and signing work as they do with git
cli-in-progress-hint = { $operation ->
        [rebase] stage the programme files with `git add` and run `git rebase --continue` (or `git rebase --abort` to give it up)
        [am] stage the files with `git add` and run `git am --continue` (or `git am --abort`)
        [cherry-pick] stage the programme files with `git add` and run `git cherry-pick --continue` (or `git cherry-pick --abort`)
        [revert] stage the programme files with `git add` and run `git revert --continue` (or `git revert --abort`)
       *[bisect] end it with `git bisect reset`, then commit
    }

## log
cli-cannot-write-log = cannot write the log ({ $error })
cli-log-no-changes-to-in = no changes to { $code } ({ $year }) in { $range }
cli-log-no-changes-to = no changes to { $code } ({ $year }) in the history
cli-log-no-changes-in = no changes to the programme ({ $year }) in { $range }
cli-log-no-changes = no changes to the programme ({ $year }) in the history
cli-log-carried-on = carried on from { $from }
cli-log-only-one = `{ $word }`: only one { $what ->
        [range] revision range
       *[code] activity code
    } can be given
cli-log-only-one-hint = pass at most an activity's code and a range (`main..review I.1.2`)
cli-log-unknown = `{ $word }` is neither an activity of { $year } (in its files or its history) nor a revision
cli-log-unknown-hint = `programa list` lists the activities, `git branch` and `git tag` the revisions; a range is written `A..B`
cli-log-programme = programme

## history
cli-cannot-write-history = cannot write the history ({ $error })
cli-history-never-committed = { $code } has no history yet (it was never committed)
cli-history-never-committed-hint = commit it with `programa commit`
cli-history-unknown = no activity { $code } in the history of { $year }
cli-history-unknown-hint = `programa log` lists the activities that changed
cli-history-formerly = formerly { $codes }
cli-history-created = created { $day } by { $author } ({ $commit })
cli-history-removed = removed { $day } by { $author } ({ $commit })
cli-history-status = status
cli-history-progress = progress
cli-history-participants = participants

## diff
cli-diff-partly-read = { $dir } does not fully parse at { $at }; what could not be read is left out
cli-diff-no-changes = no changes ({ $from } → { $to })
cli-diff-conflict-shown = unresolved merge conflict in { $at }; shown as { $side } has it
cli-diff-conflict-unread = unresolved merge conflict in { $at }; neither side can be read
cli-diff-conflict-line = line { $line }: { $summary }
cli-diff-merge-base = the merge base of { $a } and { $b } ({ $short })
cli-diff-range-and-revision = `{ $range }` is a range: it names both states already
cli-diff-range-and-revision-hint = pass either one range (`A..B`, `A...B`) or two revisions
cli-diff-area-summary = summary of area { $code }: { $words }
cli-diff-added = { $what } added: { $text }
cli-diff-removed = { $what } removed: { $text }
cli-diff-participant = participant: { $change }
cli-diff-note-added = note added: { $date } { $text }
cli-diff-note-removed = note removed: { $date } { $text }
cli-diff-note-of = note of { $date }: { $words }
cli-diff-footnote = footnote { $id }: { $words }

## stats
cli-stats-today-hint = unset { $var } to count from today's date
cli-stats-completed = { $completed } of { $activities ->
        [one] 1 activity
       *[other] { $activities } activities
    } completed{ $percent }
cli-stats-none-due = none due by { $today }
cli-stats-due = { $completed } of the { $due } due by { $today }{ $percent }
cli-stats-no-participants = no participants recorded
cli-stats-participants = { $participants ->
        [one] 1 participant
       *[other] { $participants } participants
    } from { $countries ->
        [one] 1 country
       *[other] { $countries } countries
    } and { $organisations ->
        [one] 1 organisation
       *[other] { $organisations } organisations
    }
cli-stats-participants-members = { $participants ->
        [one] 1 participant
       *[other] { $participants } participants
    } from { $countries ->
        [one] 1 country
       *[other] { $countries } countries
    } ({ $members ->
        [one] 1 Member State
       *[other] { $members } Member States
    }, { $others } other) and { $organisations ->
        [one] 1 organisation
       *[other] { $organisations } organisations
    }
cli-stats-studies = { $count ->
        [one] 1 study
       *[other] { $count } studies
    }
cli-stats-events = { $count ->
        [one] 1 event
       *[other] { $count } events
    }
cli-stats-unspecified = unspecified
cli-stats-other = { $count } other
cli-stats-summary = { $activities ->
        [one] 1 activity
       *[other] { $activities } activities
    }: { $parts }
cli-stats-one-side = one side
cli-stats-conflicted = { $count ->
        [one] 1 activity has
       *[other] { $count } activities have
    } an unresolved merge conflict, counted as { $side } has it: { $codes }
cli-stats-by-status = By status
cli-stats-by-hierarchy = By area, programme and project
cli-stats-activities = activities
cli-stats-events-header = events
cli-stats-studies-header = studies
cli-stats-not-listed = (not in the programme file)

## list
cli-list-unread-hint = hint: `programa check` tells what is wrong with them
cli-list-conflict = { $code } has an unresolved merge conflict ({ $place })
cli-list-conflict-shown = { $code } has an unresolved merge conflict ({ $place }); shown as { $side } has it
cli-list-unread = { $count ->
        [one] an activity is left out because its file could not be read
       *[other] activities are left out because their files could not be read
    }: { $files }
cli-list-empty = the { $year } programme has no activities yet
cli-list-none-match = no activity of { $year } matches (there are { $total }; loosen the filters)
cli-list-since-after-until = --since { $since } is after --until { $until }, so no day is in between
cli-list-since-after-until-hint = did you mean `--since { $until } --until { $since }`?
cli-list-sort-key = there is no sort key `{ $text }` (keys: { $keys })
cli-list-sort-key-meant = there is no sort key `{ $text }`; did you mean `{ $meant }`? (keys: { $keys })
cli-list-not-a-date = `{ $text }` is not a date (expected YYYY-MM-DD, a day that exists)
cli-list-not-a-date-meant = `{ $text }` is not a date (expected YYYY-MM-DD, a day that exists; did you mean `{ $meant }`?)
cli-list-none-defined = the programme file defines no { $what ->
        [area] areas
       *[project] projects
    }
cli-list-known = { $what ->
        [area] areas
       *[project] projects
    }: { $list }
cli-list-code = CODE
cli-list-status = STATUS
cli-list-done = DONE
cli-list-kind = KIND
# A kind with the format of an event: "face-to-face event". $format is the file's word.
cli-kind-with-format = { $format } { $kind }
cli-list-title = TITLE
cli-list-date = { $key ->
        [planned-start] PLANNED START
        [planned-end] PLANNED END
       *[actual-end] ACTUAL END
    }

## compile
cli-compile-emitted = compile it with: typst compile --ignore-system-fonts { $main }
cli-compile-no-template-file = there is no template file { $file }
cli-compile-no-template-file-hint = pass the path of a .typ file
cli-compile-today-hint = unset { $var } to date the document today, or pass --date YYYY-MM-DD
cli-compile-compiling = compiling the { $year } { $document ->
        [programme] programme
       *[report] report
    } ({ $lang }) with { $template }…
cli-compile-compiled-in = compiled { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } in { $seconds } s ({ $typesetting } s typesetting)
cli-compile-built-in = the built-in { $entry }
cli-compile-watching = watching { $dir } and the templates (Ctrl-C to stop)
cli-compile-needs-git-hint = { $flag } reads the plan from git: run `git init` and `programa commit` in the programme's folder, or leave { $flag } out to report on the files as they are
cli-compile-newest-baseline = comparing with the newest baseline `{ $name }` ({ $short }, { $date }); pass --baseline NAME to choose another
cli-compile-no-baseline = no baseline: the plan is compared with itself (mark the approved plan with `programa baseline set NAME`)
cli-compile-loading = loading the { $year } programme…
cli-compile-compiling-default = compiling the { $year } { $document ->
        [programme] programme
       *[report] report
    } with { $template }…
cli-compile-compiled = compiled { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }
cli-compile-cannot-write = cannot write the PDF ({ $error })
cli-compile-template-errors = the template { $entry } has { $count ->
        [one] 1 error
       *[other] { $count } errors
    }; no PDF was written
cli-compile-template-errors-hint = fix the template, or use the standard one (leave out --template)
cli-compile-timed-out-hint = a template whose loop never ends is stopped here; for a document that truly takes longer, pass --time-limit SECONDS
cli-compile-no-template = there is no template { $name }
cli-compile-no-template-hint = restore report-templates/ from the repository, or delete the folder to use the built-in templates

## sync
cli-sync-merging = a merge is in progress
cli-sync-merging-hint = resolve its conflicts (`programa check` lists them), conclude it with `programa commit`, then run `programa sync` again
cli-sync-uncommitted = { $count ->
        [one] 1 programme file is
       *[other] { $count } programme files are
    } not committed: { $files }
cli-sync-uncommitted-hint = commit them first with `programa commit` (or set them aside with `git stash`), then sync
cli-sync-line-merges = note: git merges programme files line by line in this clone: run `programa git-setup` once to have them merged field by field
cli-sync-incoming = { $count ->
        [one] 1 commit
       *[other] { $count } commits
    } from { $tracking }:
cli-sync-up-to-date = up to date with { $tracking }
cli-sync-fast-forward = moved up to { $tracking }
cli-sync-merged = merged { $tracking }
cli-sync-rebased = rebased onto { $tracking }
cli-sync-nothing-to-push = nothing to push
cli-sync-not-pushed = { $count ->
        [one] 1 commit
       *[other] { $count } commits
    } not pushed (--no-push)
cli-sync-pushed = pushed { $count ->
        [one] 1 commit
       *[other] { $count } commits
    } to { $to }:
cli-sync-conflicts = conflicts with { $tracking }: fields changed differently on both sides
cli-sync-lines-differ = lines that differ
cli-sync-your-editor = your editor
cli-sync-conflicted = { $count ->
        [one] 1 file is
       *[other] { $count } files are
    } in conflict; nothing was pushed
cli-sync-conflicted-rebase-hint = keep one value of each field in the files ({ $edit }), then `git add` each file and `git rebase --continue` (or `git rebase --abort` to go back), and run `programa sync` again
cli-sync-conflicted-merge-hint = keep one value of each field in the files ({ $edit }), then `programa commit` concludes the merge (or `git merge --abort` goes back), and run `programa sync` again
cli-sync-errors = the programme for { $year } has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } after the merge; nothing was pushed
cli-sync-errors-hint = `programa check` shows them; correct them, `programa commit`, and sync again

## init
cli-init-cannot-create = cannot create { $dir } ({ $error })
cli-init-not-a-year = { $year } is not a year
cli-init-not-a-year-hint = give the year with four digits: --year 2027
cli-init-repository = made a git repository in { $dir }
cli-init-kept = kept { $file } (it exists; nothing in it was changed)
cli-init-created = created { $file }
cli-init-ready = the programme for { $year } is ready: `programa check` checks it, and
      git add -A && git commit -m "Start the programme for { $year }"
    records it; then add the shared remote (`git remote add origin URL`) and `git push -u origin HEAD`
cli-init-ci = commit them to have the server run them (keep the one your server runs)
cli-init-cannot-read = cannot read { $dir } ({ $error })
cli-init-not-empty = { $dir } is not empty (it holds { $holds })
cli-init-not-empty-hint = give an empty or new folder, or --force to add the missing files and keep every file there as it is

## new-year
cli-new-year-order = cannot start { $to } from { $from }: the new year comes after the one it starts from
cli-new-year-order-hint = `programa new-year 2022 --from 2021`
cli-new-year-no-from = there is no programme for { $from }
cli-new-year-no-from-hint = pass one of { $years } with --from
cli-new-year-exists-hint = new-year writes a year that is not there yet; remove the folder first to start it again
cli-new-year-unreadable = some files of { $from } cannot be read; nothing was written
cli-new-year-unreadable-hint = `programa check --year { $from }` says which, and what to change
cli-new-year-carry-hint = `programa list --year { $from }` lists its activities
cli-new-year-serialise = cannot write { $what } as TOML ({ $error })
cli-new-year-the-programme = the programme
cli-new-year-started = started { $dir }/ from { $from }: { $count ->
        [one] 1 activity
       *[other] { $count } activities
    } carried over
cli-new-year-started-codes = started { $dir }/ from { $from }: { $count ->
        [one] 1 activity
       *[other] { $count } activities
    } carried over ({ $codes })
cli-new-year-left = { $count ->
        [one] 1 activity
       *[other] { $count } activities
    } of { $from } not carried over
cli-new-year-background = the background chapter is a draft of { $from }'s execution, from its figures: complete it in { $file }, with the foreword

## edit
cli-edit-copy = cannot { $action ->
        [create] create
        [write] write
       *[read] read
    } the copy to edit ({ $error })
cli-edit-editor-failed = { $error }; { $file } was not changed
cli-edit-editor-hint = set $VISUAL or $EDITOR to your editor's command
cli-edit-kept = your text is kept in { $file }
cli-edit-changed-meanwhile = { $file } was { $what ->
        [changed] changed
       *[removed] removed
    } by someone else while you edited it, so your text was not saved over it
cli-edit-changed-meanwhile-hint = compare it with the file as it is now, then run `programa edit { $code }` again
cli-edit-saved = { $code }: saved { $file }
cli-edit-invalid = the edited text is not valid; { $file } was not changed
cli-edit-invalid-hint = fix it there and copy it over the file, or run `programa edit { $code }` again
cli-edit-reopen = reopen the editor? [Y/n]
cli-edit-cannot-keep = cannot keep { $file } ({ $error })

## show
cli-show-unreadable = the file of { $code } cannot be read: { $file }
cli-show-unreadable-hint = fix the file (`programa check` lists every problem), then try again
cli-show-unknown-hint = `programa list` shows every code; `--year` picks another year
cli-show-resolve = resolve it (keep one version, delete the marker lines), then `git add { $file }`
cli-show-unknown = there is no activity `{ $code }` in the { $year } programme
cli-show-a-project = `{ $project }` is a project; `programa list --project { $project }` lists its activities
cli-show-or = { $rest } or { $last }

## blame, baseline
cli-blame-unknown = no activity { $code } in the programme
cli-blame-unknown-hint = `programa list` lists the activities
cli-blame-not-committed = not committed yet
cli-blame-before-history = before the history this clone has
cli-baseline-set = baseline { $name } marks { $short } ({ $tag })
cli-baseline-none = no baselines yet (mark one with `programa baseline set NAME`)
cli-baseline-against = { $at } against baseline { $name } ({ $about })
cli-baseline-row = { $row ->
        [added] added
        [removed] removed
        [renamed] renamed
        [cancelled] cancelled
        [postponed] postponed
        [format-changed] format changed
        [dates-moved] dates moved
       *[objectives-changed] objectives changed
    }
cli-baseline-status = status
cli-baseline-approved = approved
cli-baseline-now = now
cli-baseline-changes = changes

## git-setup
cli-setup-no-exe = cannot tell where programa is installed ({ $error })
cli-setup-no-exe-hint = install programa (`cargo install --path .`) and run git-setup again
cli-setup-full-path = note: git will run { $exe } by its full path, as the programa on PATH is another one or none; after installing programa, run git-setup again
cli-setup-done-already = the diff and merge drivers are set up already
cli-setup-attribute = added to .gitattributes: { $line }
cli-setup-set = set { $key } = { $value }
cli-setup-removed = removed { $key }
cli-setup-done = `git diff` now shows programme files field by field before their lines, and git merges them field by field (commit .gitattributes to share it; each clone runs git-setup once)
cli-diff-driver-arguments = diff-driver takes the arguments git gives a diff driver
cli-diff-driver-fields = { $path }, field by field:

## Errors of documents, dates and new years
cli-render-template = the template { $entry } does not compile ({ $count ->
        [one] 1 error
       *[other] { $count } errors
    })
cli-render-data = cannot serialise the document's data ({ $error })
cli-render-date = the date { $date } is out of range for a document
cli-render-timed-out = the template { $entry } ran for more than { $seconds } s and was stopped
cli-render-abandoned = an earlier compile of { $entry } ran too long; start again
cli-bad-today = { $var }={ $value } is not a date (expected YYYY-MM-DD)
cli-new-year-unknown-codes = the programme for { $year } has no activity { $codes }

## import, merge-file
cli-note = note: { $note }
cli-import-no-year = import needs the year the document plans
cli-import-no-year-hint = pass it with `--year`, e.g. `programa import FILE --year 2021`
cli-import-none = no activities found in { $file }; nothing written
cli-import-none-hint = the importer expects headings such as `Activity I.1.1. Title` with sections A–D
cli-import-exists = { $dir } already holds { $count ->
        [one] 1 programme file
       *[other] { $count } programme files
    }; nothing written
cli-import-exists-hint = pass `--force` to replace the year with the import (activity files not in the document are removed)
cli-import-imported = imported "{ $title }" into { $dir }/ ({ $count } files)
cli-import-row = { $row ->
        [areas] areas
        [programmes] programmes
        [projects] projects
        [activities] activities
        [footnotes] footnotes
        [warnings] warnings
       *[notes] notes
    }
cli-import-activities = { $count } ({ $events } events, { $studies } studies, { $other } other)
cli-import-removed = removed { $count } activity file(s) no longer in the document
cli-merge-not-utf8 = cannot merge { $file }: a version of it is not UTF-8 text
cli-merge-not-utf8-hint = resolve the conflict by hand, then `git add` the file
cli-merge-conflicts = { $file }: { $count ->
        [one] 1 conflict
       *[other] { $count } conflicts
    } left between conflict markers
cli-merge-conflicts-hint = `programa check` says where; keep one version of each, then `git add { $file }`
cli-show-section = { $section ->
        [a] A. Background and justification
        [b] B. Objectives
        [c] C. Expected results
        [d] D. Format of the activity
        [footnotes] Footnotes
        [notes] Notes
        [account] Account
       *[outputs] Outputs
    }
cli-show-contents = (contents: { $title })
cli-show-not-listed = { $code } (not in the programme file)
cli-show-fact = { $fact ->
        [area] Area
        [programme] Programme
        [project] Project
        [status] Status
        [kind] Kind
        [venue] Venue
        [planned] Planned
        [held] Held
       *[partners] Partners
    }
cli-show-none = (none)
cli-show-audience = Audience:
cli-show-participants = Participants ({ $count }, from { $countries ->
        [one] 1 country
       *[other] { $countries } countries
    })
cli-show-from = from { $date }
cli-show-until = until { $date }

# Where the text of a stale translation changed, after the finding's message.
cli-check-changed-in = in { $commit } ({ $day }, { $author })
cli-check-changed-uncommitted = in the working tree, not committed yet

# programa translate
cli-translate-same-language = the programme is written in { $lang }: there is nothing to translate into it
cli-translate-same-language-hint = name another language with `--lang`
cli-translate-nothing = nothing to translate
cli-translate-nothing-hint = give FIELD=TEXT, such as `title=…`; `programa translations` lists the fields
cli-translate-unreadable = { $code } cannot be read
cli-translate-not-a-list = `{ $field }` of { $name } is one text, not a list
cli-translate-not-a-list-hint = write `{ $field }=TEXT`
cli-translate-a-list = `{ $field }` of { $name } is a list of { $count } items
cli-translate-a-list-hint = translate it item by item: `{ $field }.1=TEXT`
cli-translate-no-item = `{ $field }` of { $name } has { $count } items; there is no item { $item }
cli-translate-no-item-hint = items are numbered from 1, as `programa show` numbers them
cli-translate-nothing-to-confirm = `{ $field }` of { $name } has no { $lang } translation to confirm
cli-translate-nothing-to-confirm-hint = write one with `{ $field }=TEXT`
cli-translate-field-meant = did you mean `{ $best }`?
cli-translate-fields = the fields with text are: { $fields }
cli-translate-no-field = { $name } has no text `{ $field }` to translate
cli-translate-not-an-assignment = `{ $arg }` is not FIELD=TEXT
cli-translate-not-an-assignment-hint = write `title=…`; quote the text for the shell
cli-translate-one-stdin = only one field can be read from standard input
cli-translate-stdin-unreadable = standard input cannot be read ({ $error })

# programa translations
cli-translations-file = FILE
cli-translations-fields = FIELDS
cli-translations-stale = STALE
cli-translations-done = DONE
cli-translations-words = WORDS
cli-translations-field = FIELD
cli-translations-standing = STANDING
cli-translations-standing-word = { $standing ->
        [translated] translated
        [incomplete] incomplete
        [stale] stale
       *[missing] missing
    }
cli-translations-of = { $part } of { $whole }
cli-translations-total = { $year }: { $percent }% translated into { $lang } ({ $done } of { $words } words)
cli-translations-exported = { $file }: { $count } units to translate into { $lang }
cli-translations-unreadable = { $file } cannot be read ({ $error })
cli-translations-export-again-hint = export the file again with `programa translations export`
cli-translations-no-language = { $file } does not say which language it translates into, or names one programa does not know
cli-translations-no-language-hint = its `<file>` needs `target-language="es"` (or en)
cli-translations-bad-id = the id names no file and field
cli-translations-imported = { $file }: { $count ->
        [one] 1 field
       *[other] { $count } fields
    } translated into { $lang }
cli-translations-nothing-changed = nothing changed
cli-translations-refused = { $count } of the units of { $file } were refused
cli-translations-refused-hint = export again to get the current texts, and translate those units again
cli-translations-no-text = { $name } has no text `{ $path }`
cli-translations-items = `{ $path }` has { $count } items, not { $item }
cli-translations-a-list = `{ $path }` is a list: its items are units
cli-translations-not-a-list = `{ $path }` is one text, not a list
cli-translations-source-changed = the text of `{ $path }` has changed since the file was exported
cli-translations-no-activity = the programme has no activity { $code }

# Reading an XLIFF file
cli-xliff-not-xml = this is not well-formed XML: { $error }
cli-xliff-not-xliff = the document is `<{ $root }>`, not XLIFF
cli-xliff-version = this is XLIFF version { $version }; programa reads XLIFF 1.2
cli-xliff-no-version = this is XLIFF version (none given); programa reads XLIFF 1.2
cli-xliff-no-id = a `<trans-unit>` has no `id`
cli-xliff-no-source = unit `{ $id }` has no `<source>`

# programa man
cli-man-no-commands = `{ $of }` has no commands, so there is no page for { $name }
cli-man-no-commands-hint = without { $name }, the page of `{ $of }` is printed
cli-man-no-command = `{ $of }` has no command { $name }
cli-man-commands = its commands are: { $commands }

# Lists of an activity: participants, notes, outputs
cli-participants = participants
cli-participants-none = { $code } has no participants
cli-notes = notes
cli-notes-none = { $code } has no notes
cli-outputs = outputs
cli-outputs-none = { $code } has no outputs
cli-item-no-number = the { $what } have no number { $number }: there { $count ->
        [0] are none
        [one] is 1
       *[other] are { $count }
    }
cli-item-none = none of the { $what } is `{ $which }`
cli-item-several = several of the { $what } are `{ $which }`: { $numbers }
cli-item-list-hint = `{ $list }` lists them with their numbers
cli-item-by-number-hint = name it by its number; `{ $list }` shows them
cli-output-empty = an output needs a title
cli-note-nothing-to-change = give `--text` or `--date`

# Importing a programme document: warnings and notes, with the line they are about.
cli-import-footnote-again = footnote { $id } is defined again (first at line { $first }); this text is not used: { $text }
cli-import-area-twice = area { $code } appears twice; its second heading is ignored
cli-import-activity-twice = activity { $code } appears twice; the second one is imported as { $code }-2
cli-import-section-outside = section heading `{ $text }` outside any activity is ignored
cli-import-unknown-heading = heading `{ $other }` is not one the importer knows; kept as a paragraph
cli-import-programme-before-area = programme `{ $title }` comes before any area; ignored
cli-import-project-before-programme = project { $code } comes before any programme; ignored
cli-import-project-numbering = project { $code } is not numbered in its area
cli-import-contents-line = contents line `{ $line }` not understood
cli-import-contents-text = text in the contents table is not an entry: { $text }
cli-import-text-outside = text outside any activity: { $text }
cli-import-no-title = the document has no title heading
cli-import-title-year = the title says { $found } but the import is for { $year }
cli-import-no-organisation = no "Permanent Secretariat of …" found to name the organisation
cli-import-summary-no-area = the introduction's part `{ $part }` matches no area; its text is not imported
cli-import-activity-not-in-body = activity { $code } is in the contents but not in the body
cli-import-project-title = project { $code } has another title in the contents (`{ $listed }`); the body's is kept
cli-import-footnote-missing = activity { $code } cites footnote { $id }, which the document never gives
cli-import-footnote-unused = footnote { $id } is cited by no activity; not imported: { $text }
cli-import-project-no-heading = activity { $code } belongs to project { $project }, which has no heading
cli-import-text-before-a = activity { $code } has text before section A; imported at the start of its background
cli-import-paragraph-in-list = activity { $code }: a paragraph between list items is imported after the list
cli-import-chapter-footnote = { $chapter ->
        [notice] the notice
        [foreword] the foreword
        [introduction] the introduction
       *[background] the background chapter
    } cites a footnote; programme files hold footnotes only in activities
cli-import-not-in-contents = activity { $code } is not in the contents table
cli-import-section = { $section ->
        [b] objectives (B)
        [c] expected results (C)
       *[d] format (D)
    }
cli-import-missing-sections = activity { $code } has no section for { $sections }
cli-import-project-in-capitals = project { $code } is titled in capitals (`{ $title }`) and has no programme heading of its own: read as the programme "{ $cased }" with a project of the same name

## undo, redo
cli-undone = Undone: { $change }
cli-redone = Redone: { $change }
cli-journal-empty = No changes in the journal.
cli-journal-redoable = { $count ->
    [one] 1 undone change can be redone (programa redo).
   *[other] { $count } undone changes can be redone (programa redo).
}
cli-journal-changed-hint = look at the file with `git diff`; undo your own edit first, or `git checkout -- FILE` to go back to the last commit
cli-journal-nothing-hint = `programa undo --list` shows the journal
