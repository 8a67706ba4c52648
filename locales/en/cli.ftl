# The command line's own messages: what commands print and their errors.

cli-no-changes = { $code }: no changes
cli-saved = saved
cli-waiting-for-writer = waiting for another programa writing { $holder }…
cli-cannot-read-current-folder = cannot read the current folder ({ $error })

## A year checked before it leaves the tool (compile, export); `at` says where it was read.

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
