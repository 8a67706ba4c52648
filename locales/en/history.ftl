# What history, log, diff and blame say of git and of changes.

## Changes as phrases: "status planned → completed"
history-none = none
history-status-changed = status { $from } → { $to }
history-progress-changed = progress { $from }% → { $to }%
history-kind-changed = kind { $from } → { $to }
history-format-changed = format { $from } → { $to }
history-field-set = { $field } set to { $to }
history-field-cleared = { $field } { $from } cleared
history-field-emptied = { $field } cleared
history-field-changed = { $field } { $from } → { $to }
history-field-unchanged = { $field } unchanged
# $change: added, removed or reworded.
history-prose = { $field } { $change ->
        [added] added
        [removed] removed
       *[reworded] reworded
    }
history-objective = objective
history-expected-result = expected result
history-item = { $list ->
        [objective] objective
       *[expected-result] expected result
    } { $number } { $change ->
        [added] added
        [removed] removed
       *[reworded] reworded
    }
history-partners-added = partners + { $names }
history-partners-removed = partners − { $names }
history-one-participant = 1 participant: { $who }
history-participants-of = { $count ->
        [one] 1 participant
       *[other] { $count } participants
    } ({ $country })
history-participants-from = { $count ->
        [one] 1 participant
       *[other] { $count } participants
    } from { $countries ->
        [one] 1 country
       *[other] { $countries } countries
    }
history-participant-role = participant { $who }: role { $from } → { $to }
history-participant-changed = participant { $who } changed
history-note-added = note of { $date } added: { $text }
history-note-removed = note of { $date } removed
history-note-edited = note of { $date } edited
history-output = output { $title } { $change ->
        [added] added
        [removed] removed
       *[changed] changed
    }
history-footnote = footnote { $id } { $change ->
        [added] added
        [removed] removed
       *[reworded] reworded
    }
history-created = created ({ $kind }, { $status })
history-removed = removed
history-renamed = renamed from { $from }

## Changes to the programme file
history-part = { $part ->
        [area] area
        [programme] programme
       *[project] project
    }
history-programme-created = programme for { $year } created ({ $title })
history-programme-removed = programme for { $year } removed
history-part-added = { $part ->
        [area] area
        [programme] programme
       *[project] project
    } { $code } added ({ $title })
history-part-removed = { $part ->
        [area] area
        [programme] programme
       *[project] project
    } { $code } removed ({ $title })
history-part-retitled = { $part ->
        [area] area
        [programme] programme
       *[project] project
    } { $code } retitled { $from } → { $to }
history-part-moved = { $part ->
        [programme] programme { $code } moved to area { $to } (was { $from })
        [area] area { $code } moved to programme { $to } (was { $from })
       *[project] project { $code } moved to programme { $to } (was { $from })
    }
history-area-summary = summary of area { $code } reworded

## What stops the history from being read or written
history-not-a-repository = { $dir } is not in a git repository
history-bare = the repository at { $dir } has no working tree (it is bare)
history-unknown-revision = unknown revision `{ $rev }` ({ $cause })
history-no-merge-base = `{ $a }` and `{ $b }` have no common ancestor
history-no-commits = the repository has no commits yet
history-no-year-at = there is no programme for { $year } at { $rev }
history-no-identity = no git identity configured (missing { $missing })
history-bad-date = cannot read { $variable }=`{ $value }` as a date (expected e.g. `2021-06-16T10:00:00+02:00`, `@1623830400 +0000` or an RFC 2822 date)
history-bad-name = `{ $name }` cannot name a baseline (git refuses it in a tag name)
history-no-such-baseline = there is no baseline `{ $name }`
history-baseline-exists = a baseline `{ $name }` exists already (at { $commit })
history-in-progress = { $operation ->
        [rebase] a rebase
        [am] `git am`
        [cherry-pick] a cherry-pick
        [revert] a revert
       *[bisect] a bisection
    } is in progress; programa does not commit in the middle of it
history-index-locked = the repository's index is locked ({ $lock }); nothing was committed
history-commit-failed = git commit did not make the commit (exit status { $status }); nothing was committed
history-commit-stopped = git commit did not make the commit (it was stopped by a signal); nothing was committed
history-git-failed = { $command } failed; nothing was committed
history-no-branch = HEAD is on no branch (it is detached)
history-no-upstream = the branch `{ $branch }` has no upstream
history-transport = { $command } failed
history-no-git = cannot run git ({ $error })
history-working-tree = the working tree

## diff --format markdown: a comment for a pull or merge request
history-md-title = Programme { $year }: { $title }
history-md-no-changes = No changes to the programme.
history-md-conflicts = Unresolved merge conflicts
# $what: added, removed, renamed or modified.
history-md-count = { $count } { $what ->
        [added] added
        [removed] removed
        [renamed] renamed
       *[modified] modified
    }
history-md-none-changed = No activity changed
history-md-changed = { $count ->
        [one] 1 activity changed
       *[other] { $count } activities changed
    } ({ $parts })
history-md-programme-changed = ; the programme file changed
history-md-area-summary = summary of area { $code }
history-md-kind = { $kind ->
        [added] added
        [removed] removed
       *[modified] modified
    }
history-md-field = field
history-md-before = before
history-md-after = after
history-md-heading = { $heading ->
        [participants-added] Participants added
        [participants-removed] Participants removed
        [notes-added] Notes added
       *[other] Other changes
    }
history-md-added = **{ $what }** added: { $text }
history-md-removed = **{ $what }** removed: { $text }
history-md-note-of = note of { $date }
history-md-footnote = footnote { $id }

## Warnings about the history read
history-shallow = the repository is a shallow clone: changes before its oldest commit are missing and what existed then shows as created there (run `git fetch --unshallow` for the whole history)
history-cannot-read-at = cannot read { $path } at { $at }: { $error }
history-markers = it holds conflict markers of an unresolved merge
history-does-not-parse = it does not parse
history-skipped = { $path } at { $at } ({ $day }, { $author }) did not parse, its changes there are skipped: { $why }

# A translation changed; $lang is the language's code, $change added, removed, reworded or
# confirmed.
history-translation-changed = { $lang } translation of { $field } { $change ->
        [added] added
        [removed] removed
        [confirmed] confirmed for the new text
       *[reworded] reworded
    }
history-translation-of = { $lang } translation of { $field }
