# Findings of `programa check` about what the programme says: messages and hints.
# Finding codes (`unknown-key`, `unknown-country`…) are identifiers and are not translated.

## How a finding is shown
check-note-in = in { $file }
check-note-hint = hint: { $hint }

## Keys
check-unknown-key = unknown key `{ $name }`
check-unknown-key-in = unknown key `{ $name }` in `{ $table }`
check-unknown-key-hint-meant = did you mean `{ $best }`? keys the format does not know are ignored
check-unknown-key-hint-keys = keys the format does not know are ignored; the keys here are: { $keys }
check-empty-value = `{ $name }` is empty
check-empty-value-in = `{ $name }` in `{ $table }` is empty
check-empty-value-hint = `{ $name }` is required: write it between the quotes
check-did-you-mean = did you mean `{ $best }`?

## Countries
check-country-name = the country is written `{ $written }`; files hold its ISO 3166-1 code `{ $code }`
check-country-name-hint = write `"{ $code }"` ({ $country }), or run `programa check --fix` to write the code of every country written as a name
check-duplicate-member-state = { $country } ({ $code }) is listed twice as a Member State
check-duplicate-member-state-hint = `{ $first }` has it too; remove one of them

## Limits
check-too-long = `{ $place }` has { $found } characters, more than the { $limit } it may have
check-too-long-hint-line = shorten it: a title or a name is one line
check-too-long-hint-prose = shorten it, or publish the long text as an output and link to it
check-too-many = `{ $place }` has { $found } items, more than the { $limit } it may have
check-too-many-hint = split the work into several activities, or keep the full list elsewhere

## The programme file
check-year-mismatch = the programme says year { $stated }, but it is in the folder for { $year }
check-year-mismatch-hint = set `year = { $year }`, or move the file to the folder of its year
check-duplicate-code = the { $what ->
        [area] area code
        [programme] programme id
       *[project] project code
    } `{ $code }` is used twice
check-duplicate-code-hint = `{ $first }` has it too; give each its own
check-unknown-reference = there is no { $what ->
        [area] area
        [programme] programme
       *[project] project
    } `{ $name }`
check-unknown-reference-none = programme.toml has no { $table } yet
check-unknown-reference-list = the { $what ->
        [area] areas
        [programme] programmes
       *[project] projects
    } in programme.toml are: { $list }
check-project-code-prefix = project `{ $project }` is in programme `{ $programme }` of area { $area }, so its code should be `{ $area }.<number>`
check-project-code-prefix-hint = correct the code, or move the project to a programme of its area
check-empty-project = project `{ $project }` has no activities
check-empty-project-hint = the programme document would show it with nothing under it; add activities with `project = "{ $project }"`, or remove the project
check-totals-mismatch = the { $field ->
        [foreword] foreword
       *[introduction] introduction
    } says "{ $phrase }", but the programme has { $count } { $noun ->
        [studies] studies
        [events] events
       *[activities] activities
    }
check-totals-hint-kind = { $count } activity files have `kind = "{ $kind }"`; correct the { $field ->
        [foreword] foreword
       *[introduction] introduction
    }, or the kind of the activities
check-totals-hint-activities = there are { $count } activity files; correct the { $field ->
        [foreword] foreword
       *[introduction] introduction
    }, or add the missing activities

## Activities
check-unknown-project-hint-implied = the code `{ $code }` says project `{ $project }`: did you mean `{ $project }`?
check-activity-code-prefix = activity `{ $code }` is in project `{ $project }`, so its code should be `{ $project }.<number>`
check-activity-code-prefix-hint = correct the code or the project
check-code-mismatch = the code `{ $code }` differs from the file name `{ $file }`
check-code-mismatch-hint = an activity's file is named after its code: rename the file to `{ $file }`, or correct the code
check-duplicate-activity = the code `{ $code }` is used by two activities
check-duplicate-activity-hint = { $file } has the same code; give each activity its own
check-inverted-dates = { $end_key } ({ $end }) is before { $start_key } ({ $start })
check-inverted-dates-hint = an activity ends on or after the day it starts; swap or correct them
check-future-date = { $key } ({ $date }) is in the future
check-future-date-hint = actual dates record what happened; a date to come is `{ $planned }`
check-study-with-format = a study has the format `{ $format }`
check-study-with-format-hint = formats describe how events are held; remove `format`, or set `kind = "event"`
check-completed-progress = the activity is completed, but its progress is { $progress }%
check-completed-progress-hint = set `progress = 100`, or `status = "ongoing"` if it is not done
check-planned-done = the activity is planned, but its progress is 100%
check-planned-done-hint = set `status = "completed"` if it is done, or correct the progress
check-planned-progress = the activity is planned, but its progress is { $progress }%
check-planned-progress-hint = set `status = "ongoing"` once work has started
check-stopped-done = the activity is { $status ->
        [cancelled] cancelled
       *[postponed] postponed
    }, but its progress is 100%
check-stopped-done-hint = if it took place, set `status = "completed"`
check-missing-actual-end = the activity is completed, but has no `actual_end`
check-missing-actual-end-hint = add the day it ended: actual_end = "YYYY-MM-DD"
check-planned-started = the activity is planned, but has an `{ $key }`
check-planned-started-hint = an activity that has started is `ongoing` or `completed`
check-ongoing-ended = the activity is ongoing, but has an `actual_end`
check-ongoing-ended-hint = set `status = "completed"`, or remove `actual_end`
check-bad-previous = `previous = "{ $link }"` is not a year and a code
check-bad-previous-hint = write the year, a slash and the activity's code in that year: `previous = "2021/I.1.3"`
check-previous-not-before = `previous` names { $from }, which is not before { $year }
check-previous-not-before-hint = `previous` links to the activity this one carries on from an earlier year
check-unknown-previous = `previous` names { $year }/{ $code }, but the programme for { $year } has no activity { $code }
check-unknown-previous-hint = correct the code (`programa list --year { $year }` lists that year's), or remove `previous`

## Footnotes
check-undefined-footnote = footnote `[^{ $label }]` is cited but not defined
check-undefined-footnote-hint = add a [[footnotes]] entry with id = "{ $label }" and its text
check-duplicate-footnote = footnote `{ $id }` is defined twice
check-duplicate-footnote-hint = give each footnote its own id
check-unused-footnote = footnote `{ $id }` is never cited
check-unused-footnote-hint = cite it as `[^{ $id }]` in the text, or remove it

## Hidden characters
check-hidden-more = { " " }({ $count } more in this field)
check-control-character = `{ $field }` holds the control character { $character }{ $more }
check-control-character-hint = remove it: it never shows in a document, and a terminal would act on it
check-bidi-control = `{ $field }` holds the bidirectional control { $character }, which shows the text after it in another order than it is written{ $more }
check-bidi-control-hint = remove it: right-to-left text shows in its own order without it
check-bidi-mark = `{ $field }` holds the invisible direction mark { $character }{ $more }
check-bidi-mark-hint = remove it unless the text mixes right-to-left and left-to-right writing

## Markup in prose
check-html-comment = an HTML comment: the documents leave it out
check-html-comment-hint = comments are for the people who edit the file; nothing to do
check-unclosed-html = `<{ $name }>` is not closed: it ends with its paragraph
check-unclosed-html-hint = close it with `</{ $name }>` where it should end
check-unopened-html = `</{ $name }>` closes nothing: the documents leave it out
check-unopened-html-hint = remove it, or open the element with `<{ $name }>`
check-image = an image: the documents do not show images, only the description in brackets
check-image-hint = describe in words what the image shows, or leave it out
check-too-deep = the text nests { $depth } levels deep here; the documents allow at most { $most }
check-too-deep-hint = block quotes, lists, emphasis and links inside each other count as levels: take some of them out
check-footnote-in-text = the footnote `[^{ $label }]` is written in the text: the documents leave it out
check-footnote-in-text-hint = give it as a [[footnotes]] entry with id = "{ $label }" and its text
check-unsupported-html = `{ $construct }`{ $count ->
        [1] {""}
       *[other] { " " }({ $count } times in this text)
    } is HTML the documents do not show: they leave it out and keep the text around it
check-unsupported-html-hint = the HTML shown is { $tags }; write markdown instead, or `\<` for a `<` that starts no tag

# Translations. $lang is a language code (en, es); -language gives its name.
check-language = { $lang ->
        [es] Spanish
       *[en] English
    }
check-unknown-translation = a { check-language } translation of `{ $path }`, which has no text here
check-unknown-translation-hint-meant = did you mean `{ $best }`? a translation of a field with no text is never printed
check-unknown-translation-hint = the field has no text to translate: remove the translation, or give the field its text
check-stale-translation = the { check-language } translation of `{ $path }` was made from another text: the text has changed since
check-stale-translation-hint = translate it again (`programa translate { $name } --lang { $lang } { $key }=…`), or confirm it still holds (`--confirm { $path }`)
check-incomplete-translation = the { check-language } translation of `{ $path }` does not translate every item
check-incomplete-translation-hint = documents print the text itself until every item is translated
check-missing-translation = no { check-language } translation of { $fields }
check-missing-translation-hint = documents in { check-language } print these in the programme's language, marked; `programa translations --lang { $lang }` lists what is left
check-untranslated-files = { $count } of { $total } files have no { check-language } translation yet
check-untranslated-files-hint = `programa translations --lang { $lang }` shows what is translated; `programa translations export --lang { $lang }` gives translators an XLIFF file
check-listed-and = { $first } and { $last }
check-listed-more = { $first } and { $count } more
