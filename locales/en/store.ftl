# Reading programme files: what stops a file from being read, and the hints.

## Files that are not text
store-file-too-large = the file has { $bytes } bytes, more than the { $most } a programme file may have
store-file-too-large-hint = a programme file holds one activity's text and records; move long documents to `outputs` with a link
store-binary-file = the file is binary (it holds NUL bytes), not TOML text
store-binary-file-hint-utf16 = it looks like UTF-16 ({ $order }): save it as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`
store-binary-file-hint = programme files are plain text: restore it from git (`git checkout -- FILE`) or rewrite it
store-not-utf8 = the file is not UTF-8: byte { $bytes } cannot be read
store-not-utf8-hint = it looks like { $encoding ->
        [unknown] an unknown encoding
       *[other] { $encoding }
    }: save it as UTF-8 in your editor, or convert it with `iconv -f { $from } -t UTF-8 FILE > FILE.new && mv FILE.new FILE`
store-unreadable-file = the file cannot be read ({ $error })
store-unreadable-file-hint = check that the file exists and that you may read it

## Syntax
store-toml-syntax = invalid TOML ({ $message })
store-toml-syntax-hint-string = a string may be missing its closing quote; text goes in "double quotes", long text in """triple quotes"""
store-toml-syntax-hint-equals = every line sets a key: key = value
store-toml-syntax-hint-duplicate = a key may appear only once in a table; remove or rename one of them
store-toml-syntax-hint = fix the TOML syntax; strings need quotes, tables `[name]` and lists `[a, b]`

## Missing keys
store-missing-key = missing required key `{ $key }`
store-missing-key-hint = add a line `{ $key } = …`
store-missing-key-in = missing required key `{ $key }` in `{ $table }`
store-missing-key-in-hint = add a line `{ $key } = …` in `{ $table }`
store-missing-keys = missing required keys { $others } and `{ $last }`
store-missing-keys-hint = add a line `key = …` for each
store-missing-keys-in = missing required keys { $others } and `{ $last }` in `{ $table }`
store-missing-keys-in-hint = add a line `key = …` for each in `{ $table }`

## Values
store-unknown-value = `{ $word }` is not a valid { $key }
store-unknown-value-hint = `{ $key }` is one of: { $choices }
store-unknown-value-hint-meant = did you mean `{ $best }`? `{ $key }` is one of: { $choices }
store-invalid-date = `{ $path }` is not a valid date: `{ $date }`
store-invalid-date-hint = write a day that exists as YYYY-MM-DD, e.g. { $key } = "2021-03-15"
store-out-of-range = `{ $path }` cannot be { $number } (expected { $expected })
store-wrong-type = `{ $path }` should be { $expected }, not { $found }
store-progress-above = progress is { $value }%, but it cannot be more than 100%
store-progress-below = progress is { $value }%, but it cannot be less than 0%
store-progress-hint = progress is a percentage: a whole number from 0 to 100
store-too-many-errors = reading stopped after { $count } attempts; there may be more errors
store-too-many-errors-hint = fix the errors above and check again
store-unknown-country = `{ $text }` is not a country
store-unknown-country-hint-meant = did you mean { $country }? files hold its ISO 3166-1 code: { $line }
store-unknown-country-hint = write the country's ISO 3166-1 code, or its name in English or Spanish: { $line } for { $country }
store-empty-country-hint = write the country's ISO 3166-1 code: { $line }

## What a value should be, and what was found
store-expected-percent = a whole number from 0 to 100
store-expected-one-of = one of { $words }
store-expected-number = a whole number
store-expected-text = text in quotes
store-expected-list = a list `[…]`
store-expected-table = a table
store-expected-boolean = true or false
store-expected-date = a date such as 2021-03-15
store-found-text = the text { $text }
store-found-number = the number { $number }
store-found-list = a list
store-found-table = a table
store-found-boolean = boolean `{ $value }`
store-hint-word = write one of the words in quotes: { $key } = "{ $first }"
store-hint-number = write the number without quotes: { $key } = 50
store-hint-text = put the text in double quotes: { $key } = "…"
store-hint-list = write a list in brackets: { $key } = ["…", "…"]
store-hint-date = write the date as YYYY-MM-DD: { $key } = "2021-03-15"

## Edits
store-code-changed = this is the file of { $code }, but it says `code = "{ $written }"`
store-code-changed-hint = an activity's code names its file; to start another activity use `programa new`

## Merge conflicts
store-merge-conflict = unresolved merge conflict: { $summary }
store-merge-conflict-hint = keep { $ours }'s or { $theirs }'s version and delete the marker lines (or run `programa edit` on the activity), then `git add { $file }`
store-conflict-ours = ours
store-conflict-theirs = theirs
store-conflict-lines = the lines differ between { $ours } and { $theirs }
store-conflict-value = { $value } in { $side }
store-conflict-absent = not there in { $side }
store-conflict-key = `{ $key }` is { $ours } and { $theirs }

## What stops a programme from being read or written at all
store-not-found = no programme found in { $dir } or any folder above it
store-no-years = { $dir } holds no year folders
store-no-such-year = there is no programme for { $year } (years found: { $found })
store-no-folder = cannot write { $path }: the folder { $folder } does not exist
store-exists = { $path } exists already
store-busy = another programa is still writing { $holder } after { $seconds } s; nothing was written
store-bad-timeout = { $var }={ $value } is not a number of seconds
# $action is the kind of operation; $words the same in English, for any other.
store-io = { $action ->
        [read] cannot read
        [write] cannot write
        [write-in] cannot write in
        [create] cannot create
        [copy] cannot copy
        [remove] cannot remove
        [replace] cannot replace
        [open-the-lock] cannot open the lock
        [take-the-lock] cannot take the lock
        [use-the-terminal] cannot use the terminal
       *[other] { $words }
    } { $path }: { $error }

## Edits refused
store-not-assignment = `{ $text }` is not KEY=VALUE
store-not-assignment-hint = write each change as KEY=VALUE, such as `status=completed`
store-edit-unknown-key = unknown key `{ $key }`
store-did-you-mean-key = did you mean `{ $key }`?
store-settable-keys = keys that can be set: { $keys }
store-not-settable = `{ $key }` cannot be set this way
store-not-settable-code = an activity's code names its file and cannot change; create another activity with `programa new`
store-not-settable-participants = add participants with `programa participant add`
store-not-settable-notes = add progress notes with `programa note`
store-not-settable-other = edit prose, lists and tables with `programa edit CODE`
store-invalid-value = invalid value for `{ $key }`: { $reason }
store-lists-only = `{ $sign }=` works on lists only ({ $lists }); use `{ $key }=VALUE`
store-empty-item = the item is empty
store-not-a-list = the file does not hold a list there; fix it with `programa edit`
store-needs-title = an activity needs a title
store-repeated = `{ $key }` is given more than once
store-not-in-list = `{ $item }` is not in { $key } ({ $present })
store-unknown-activity = there is no activity { $code }
store-unknown-activity-hint = activity codes look like I.1.1; `programa list` shows them
store-did-you-mean-code = did you mean { $code }?
store-unknown-project = there is no project { $project } in the programme
store-projects-are = the projects are { $known }
store-edit-unreadable = { $file } cannot be read
store-edit-unreadable-hint = run `programa check` to see every problem, and fix the file with `programa edit`
store-edit-conflict-hint = the file has an unresolved merge conflict: keep one version of each, delete the marker lines (or use `programa edit`), then `git add` it
store-edit-invalid = the change would make { $file } invalid; nothing was written
store-serialize = cannot write the activity as TOML ({ $error })

store-not-one-of = `{ $word }` is not one of { $words }
store-format-or-none = { $reason }, or empty (or `none`) to remove it
store-not-a-percentage = `{ $value }` is not a whole percentage from 0 to 100
store-title-needed = an activity needs a title
store-editor-not-run = cannot run the editor `{ $editor }` ({ $error })
store-editor-failed = the editor `{ $editor }` failed ({ $status })
store-no-such-item = there is no item { $item }: the list has { $count ->
        [0] none
        [one] 1
       *[other] { $count }
    }
store-not-a-date = invalid date `{ $value }` (expected YYYY-MM-DD, a day that exists)

## The journal of changes (undo, redo)
store-journal-nothing-to-undo = there is no change to undo
store-journal-nothing-to-redo = there is no undone change to redo
store-journal-changed-since = { $path } was changed since “{ $change }”: nothing was undone or redone
store-journal-unreadable = the journal file { $path } cannot be read
