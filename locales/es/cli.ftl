# Mensajes propios de la línea de órdenes: lo que escriben las órdenes y sus errores.
#
# Glosario (una sola palabra para cada cosa en toda la interfaz):
#   activity → actividad            area → área                 project → proyecto
#   programme (of an area) → programa                           work programme → programa de trabajo
#   programa (the tool) → programa, entre acentos graves cuando hay ambigüedad: `programa`
#   finding → observación           error → error               warning → aviso
#   note (finding) → nota           hint → sugerencia           progress note → nota de avance
#   key (TOML) → clave              value → valor               field → campo
#   file → archivo                  folder → carpeta            line/column → línea/columna
#   status → estado                 progress → avance           kind → tipo
#   format (of an event) → modalidad                            study/event → estudio/evento
#   planned/ongoing/completed/postponed/cancelled → prevista/en curso/terminada/aplazada/cancelada (src/model/vocabulary.rs)
#   participant → participante      partner → organismo asociado (como en los documentos)
#   output → producto               footnote → nota al pie      objective → objetivo
#   expected result → resultado esperado                        foreword → presentación
#   Member State → Estado Miembro   country → país
#   commit (noun) → commit (m.)     to commit → hacer commit    revision → revisión
#   branch → rama                   remote → remoto             merge → fusión; merge conflict → conflicto de fusión
#   ours/theirs → nuestro lado (ours)/su lado (theirs)          baseline (approved plan) → línea de base
#   lock → bloqueo                  report → informe            follow-up report → informe de seguimiento
#   programme document → documento del programa                schema → esquema
# Las claves de los archivos (`status`, `actual_end`), las órdenes (`programa check --fix`) y los
# valores escritos en los archivos (`"ongoing"`) no se traducen: se citan como se escriben.
# Trato de usted, en imperativo ("escriba", "corrija"), o formas impersonales ("no se escribió nada").

## Errores
cli-error = error: { $message }
cli-hint = sugerencia: { $hint }
cli-cannot-write-output = no se puede escribir la salida ({ $error })
cli-not-found-hint = ejecute la orden dentro de un repositorio de programa, o indique `--root CARPETA`
cli-no-years-hint = cree uno con `programa import ARCHIVO --year AAAA`
cli-no-folder-hint = créela antes (`mkdir -p { $folder }`) o indique una carpeta que exista
cli-no-such-year-hint = indique con `--year` uno de los años encontrados
cli-busy-hint = vuelva a ejecutar la orden cuando termine la otra, o asigne { $var }=SEGUNDOS para esperar más; el bloqueo ({ $lock }) se libera en cuanto esa instancia de programa termina
cli-bad-timeout-hint = asigne a { $var } cuánto espera un proceso que escribe a otro, en segundos (30 si no se asigna)

## check
cli-check-at = { $place } en { $rev }
cli-check-summary = { $place }: { $activities ->
        [one] 1 actividad
       *[other] { $activities } actividades
    }, { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] 1 aviso
       *[other] { $warnings } avisos
    }{ $notes ->
        [0] {""}
        [one] , 1 nota
       *[other] , { $notes } notas
    }
cli-check-failed = el programa de { $year } tiene { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }
cli-check-failed-hint = cada observación anterior indica dónde y qué cambiar
cli-cannot-write-report = no se puede escribir el informe ({ $error })
cli-fixed-country = corregido { $place }: el país `{ $written }` ahora es `{ $code }` ({ $country })
cli-fix-nothing = ningún país está escrito por su nombre
cli-fix-no-code = no se escribió ningún código
cli-fix-wrote = se escribió el código de { $countries ->
        [one] 1 país
       *[other] { $countries } países
    } en { $files ->
        [one] 1 archivo
       *[other] { $files } archivos
    }
cli-fix-unknown = ; { $countries ->
        [one] 1 país no reconocido, que se dejó como estaba escrito (véase abajo)
       *[other] { $countries } países no reconocidos, que se dejaron como estaban escritos (véase abajo)
    }

## Ediciones y el bloqueo
cli-no-changes = { $code }: sin cambios
cli-saved = guardada
cli-waiting-for-writer = esperando a otra instancia de programa que escribe { $holder }…
cli-cannot-read-current-folder = no se puede leer la carpeta actual ({ $error })

## Un año comprobado antes de salir de la herramienta (compile, export); `at` dice dónde se leyó.

# Said after "the 2021 programme" of the files read at a revision, or of a baseline.
cli-gate-at-revision = {" "}en { $revision }
cli-gate-of-baseline = {" "}de la línea de base `{ $name }`
cli-gate-conflict = el programa de { $year }{ $at } tiene un conflicto de fusión sin resolver (en { $files }) y no puede { $purpose ->
        [export] exportarse
       *[compile] compilarse
    }
cli-gate-conflict-hint = resuélvalo (conserve una versión de cada conflicto y borre las líneas de marca) y luego haga `git add` del archivo
cli-gate-draft = compilando un borrador del programa de { $year }{ $at }, que tiene { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    } (`programa check` los enumera)
cli-gate-errors = el programa de { $year }{ $at } tiene { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    } y no puede { $purpose ->
        [export] exportarse
       *[compile] compilarse
    }
cli-gate-hint-limits = los valores que superan los límites de tamaño no pueden imprimirse, ni siquiera en un borrador: acórtelos primero
cli-gate-hint-draft = corríjalos (`programa check` los enumera) o pase --draft para obtener una copia marcada como borrador
cli-gate-hint-export = corríjalos: `programa check` los enumera

## export iati: quién publica el programa.

cli-export-no-publisher = { $file } no dice quién publica el programa en IATI (no tiene la tabla `[iati]`)
cli-export-no-publisher-hint =
    añada a { $file }:

    { $table }

    con el identificador de organización IATI de su organización, como XM-DAC-41114: el prefijo de la lista de un organismo de registro (org-id.guide las enumera) y el número de la organización en ella; IATI da un identificador XI-IATI-… a la que no tiene ninguno. El tipo es un código de la lista OrganisationType de IATI: 40 multilateral, 10 gobierno, 21 ONG internacional, 80 académica…
cli-export-bad-organisation-id = `iati.organisation_id` en { $file } es `{ $id }`, que no es un identificador de organización IATI
cli-export-bad-organisation-id-hint = un identificador es el prefijo de un organismo de registro y el número de la organización en él, como XM-DAC-41114 o GB-CHC-202918: letras, cifras, `.`, `-` y `_`, sin espacios
cli-export-bad-organisation-type = `iati.organisation_type` en { $file } es { $code }, que no está en la lista OrganisationType de IATI
cli-export-bad-organisation-type-hint = use uno de { $codes } (40 es multilateral, 10 gobierno, 21 ONG internacional)
cli-export-no-activities = el programa de { $year } no tiene actividades, y un archivo IATI contiene al menos una
cli-export-no-activities-hint = añada una con `programa new`

## set, note, participant, new
cli-note-empty = la nota está vacía
cli-note-today-hint = quite { $var } para usar la fecha de hoy, o indique `--date`
cli-participant-empty = no puede estar vacío
cli-invalid-country = valor no válido para `--country`: país desconocido `{ $text }`
cli-country-hint-meant = ¿quiso decir { $country } ({ $code })? un país se escribe con su código ISO 3166-1 o su nombre en español o en inglés
cli-country-hint = escriba el código ISO 3166-1 del país (`PE` para Perú) o su nombre en español o en inglés
cli-new-unreadable-hint = ejecute `programa check` para ver todos los problemas
cli-new-created = { $code }: creado { $file }

## commit
cli-warning = aviso: { $warning }
cli-nothing-to-commit = no hay nada para hacer commit: los archivos del programa están como en el último commit
cli-commit-files = { $count ->
        [one] 1 archivo incluido en el commit
       *[other] { $count } archivos incluidos en el commit
    }
cli-commit-detached = HEAD estaba separado (detached) en { $at }: el commit no está en ninguna rama; `git switch -c NOMBRE` le da una
cli-not-committed = no se incluyeron en el commit, porque programa solo hace commit de los archivos del programa: { $files }
cli-commit-errors = el programa tiene { $count ->
        [one] 1 error
       *[other] { $count } errores
    }; no se hizo ningún commit
cli-commit-errors-in = el programa tiene { $count ->
        [one] 1 error
       *[other] { $count } errores
    } (en { $files }); no se hizo ningún commit
cli-commit-errors-hint = corríjalos (`programa check` los lista) y vuelva a hacer commit

## git
cli-not-a-repository-hint = ejecute `git init` en la carpeta del programa, o indique con `--root` una carpeta dentro de un repositorio git
cli-bare-hint = ejecute la orden en un clon que tenga árbol de trabajo
cli-unknown-revision-hint = indique un commit, una rama, una etiqueta o una línea de base (`git log --oneline` lista los commits, `programa baseline list` las líneas de base)
cli-unknown-revision-hint-meant = ¿quiso decir `{ $close }`? indique un commit, una rama, una etiqueta o una línea de base (`git log --oneline` lista los commits, `programa baseline list` las líneas de base)
cli-no-merge-base-hint = `A..B` compara los dos estados tal como están
cli-no-commits-hint = haga el primer commit con `programa commit`
cli-no-year-at-hint = indique con `--year` un año que exista en esa revisión
cli-no-identity-hint = indique a git quién es usted: `git config --global user.name "Su Nombre"` y `git config --global user.email usted@example.org` (o asigne GIT_AUTHOR_NAME y GIT_AUTHOR_EMAIL)
cli-bad-date-hint = quite { $variable }, o escríbala en una de las formas indicadas
cli-bad-name-hint = use letras, dígitos, `-`, `_` y `.`, p. ej. `aprobado-2021`
cli-no-such-baseline-hint = indique una línea de base (`programa baseline list` las muestra) o una revisión
cli-baseline-exists-hint = elija otro nombre, o indique `--force` para moverla
cli-index-locked-hint = otra orden de git se está ejecutando en este repositorio, o una se detuvo sin limpiar: espere a que termine; si no hay ningún git en ejecución, elimine { $lock } y vuelva a hacer commit
cli-commit-failed-hint = la salida de git que aparece arriba explica el motivo (un hook del repositorio, la firma de commits o archivos de una fusión sin resolver); corríjalo y vuelva a hacer commit
cli-no-branch-hint = cambie a la rama que quiere compartir (`git switch main`), o dé una rama a este commit con `git switch -c NOMBRE`
cli-no-upstream-hint = indique dónde se comparte la rama: `git push -u origin { $branch }` la primera vez, o `git branch --set-upstream-to=origin/{ $branch }`
cli-transport-hint = la salida de git que aparece arriba explica el motivo; para un remoto, `git fetch` y `git push` dicen lo mismo (red, credenciales, claves SSH); un push rechazado porque el remoto avanzó mientras tanto requiere otro `programa sync`
cli-no-git-hint = instale git: programa hace los commits con `git commit`, para que los hooks y la firma funcionen como con git
cli-in-progress-hint = { $operation ->
        [rebase] prepare los archivos del programa con `git add` y ejecute `git rebase --continue` (o `git rebase --abort` para abandonarlo)
        [am] prepare los archivos con `git add` y ejecute `git am --continue` (o `git am --abort`)
        [cherry-pick] prepare los archivos del programa con `git add` y ejecute `git cherry-pick --continue` (o `git cherry-pick --abort`)
        [revert] prepare los archivos del programa con `git add` y ejecute `git revert --continue` (o `git revert --abort`)
       *[bisect] termínela con `git bisect reset` y luego haga commit
    }

## log
cli-cannot-write-log = no se puede escribir el registro ({ $error })
cli-log-no-changes-to-in = no hay cambios en { $code } ({ $year }) en { $range }
cli-log-no-changes-to = no hay cambios en { $code } ({ $year }) en el historial
cli-log-no-changes-in = no hay cambios en el programa ({ $year }) en { $range }
cli-log-no-changes = no hay cambios en el programa ({ $year }) en el historial
cli-log-carried-on = continuación de { $from }
cli-log-only-one = `{ $word }`: solo se puede indicar { $what ->
        [range] un rango de revisiones
       *[code] un código de actividad
    }
cli-log-only-one-hint = indique como máximo el código de una actividad y un rango (`main..review I.1.2`)
cli-log-unknown = `{ $word }` no es una actividad de { $year } (en sus archivos ni en su historial) ni una revisión
cli-log-unknown-hint = `programa list` lista las actividades, `git branch` y `git tag` las revisiones; un rango se escribe `A..B`
cli-log-programme = programa

## history
cli-cannot-write-history = no se puede escribir el historial ({ $error })
cli-history-never-committed = { $code } aún no tiene historial (nunca se hizo commit de ella)
cli-history-never-committed-hint = haga commit con `programa commit`
cli-history-unknown = no hay ninguna actividad { $code } en el historial de { $year }
cli-history-unknown-hint = `programa log` lista las actividades que cambiaron
cli-history-formerly = antes { $codes }
cli-history-created = creada el { $day } por { $author } ({ $commit })
cli-history-removed = eliminada el { $day } por { $author } ({ $commit })
cli-history-status = estado
cli-history-progress = avance
cli-history-participants = participantes

## diff
cli-diff-partly-read = { $dir } no se puede leer por completo en { $at }; se omite lo que no se pudo leer
cli-diff-no-changes = no hay cambios ({ $from } → { $to })
cli-diff-conflict-shown = conflicto de fusión sin resolver en { $at }; se muestra como lo tiene { $side }
cli-diff-conflict-unread = conflicto de fusión sin resolver en { $at }; no se puede leer ninguno de los dos lados
cli-diff-conflict-line = línea { $line }: { $summary }
cli-diff-merge-base = la base de fusión de { $a } y { $b } ({ $short })
cli-diff-range-and-revision = `{ $range }` es un rango: ya indica los dos estados
cli-diff-range-and-revision-hint = indique un solo rango (`A..B`, `A...B`) o dos revisiones
cli-diff-area-summary = resumen del área { $code }: { $words }
cli-diff-added = { $what } añadido: { $text }
cli-diff-removed = { $what } eliminado: { $text }
cli-diff-participant = participante: { $change }
cli-diff-note-added = nota añadida: { $date } { $text }
cli-diff-note-removed = nota eliminada: { $date } { $text }
cli-diff-note-of = nota del { $date }: { $words }
cli-diff-footnote = nota al pie { $id }: { $words }

## stats
cli-stats-today-hint = quite { $var } para contar desde la fecha de hoy
cli-stats-completed = { $completed } de { $activities ->
        [one] 1 actividad terminada
       *[other] { $activities } actividades terminadas
    }{ $percent }
cli-stats-none-due = ninguna prevista hasta el { $today }
cli-stats-due = { $completed } de las { $due } previstas hasta el { $today }{ $percent }
cli-stats-no-participants = no hay participantes registrados
cli-stats-participants = { $participants ->
        [one] 1 participante
       *[other] { $participants } participantes
    } de { $countries ->
        [one] 1 país
       *[other] { $countries } países
    } y { $organisations ->
        [one] 1 organización
       *[other] { $organisations } organizaciones
    }
cli-stats-participants-members = { $participants ->
        [one] 1 participante
       *[other] { $participants } participantes
    } de { $countries ->
        [one] 1 país
       *[other] { $countries } países
    } ({ $members ->
        [one] 1 Estado Miembro
       *[other] { $members } Estados Miembros
    }, { $others ->
        [one] 1 otro
       *[other] { $others } otros
    }) y { $organisations ->
        [one] 1 organización
       *[other] { $organisations } organizaciones
    }
cli-stats-studies = { $count ->
        [one] 1 estudio
       *[other] { $count } estudios
    }
cli-stats-events = { $count ->
        [one] 1 evento
       *[other] { $count } eventos
    }
cli-stats-unspecified = sin especificar
cli-stats-other = { $count ->
        [one] 1 otra
       *[other] { $count } otras
    }
cli-stats-summary = { $activities ->
        [one] 1 actividad
       *[other] { $activities } actividades
    }: { $parts }
cli-stats-one-side = uno de los lados
cli-stats-conflicted = { $count ->
        [one] 1 actividad tiene
       *[other] { $count } actividades tienen
    } un conflicto de fusión sin resolver, contadas como las tiene { $side }: { $codes }
cli-stats-by-status = Por estado
cli-stats-by-hierarchy = Por área, programa y proyecto
cli-stats-activities = actividades
cli-stats-events-header = eventos
cli-stats-studies-header = estudios
cli-stats-not-listed = (no figura en el archivo del programa)

## list
cli-list-unread-hint = sugerencia: `programa check` indica qué problemas tienen
cli-list-conflict = { $code } tiene un conflicto de fusión sin resolver ({ $place })
cli-list-conflict-shown = { $code } tiene un conflicto de fusión sin resolver ({ $place }); se muestra como lo tiene { $side }
cli-list-unread = { $count ->
        [one] se omite una actividad porque no se pudo leer su archivo
       *[other] se omiten actividades porque no se pudieron leer sus archivos
    }: { $files }
cli-list-empty = el programa de { $year } aún no tiene actividades
cli-list-none-match = ninguna actividad de { $year } coincide (hay { $total }; amplíe los filtros)
cli-list-since-after-until = --since { $since } es posterior a --until { $until }, así que no hay ningún día entre ambas fechas
cli-list-since-after-until-hint = ¿quiso decir `--since { $until } --until { $since }`?
cli-list-sort-key = no existe el criterio de orden `{ $text }` (criterios: { $keys })
cli-list-sort-key-meant = no existe el criterio de orden `{ $text }`; ¿quiso decir `{ $meant }`? (criterios: { $keys })
cli-list-not-a-date = `{ $text }` no es una fecha (se esperaba AAAA-MM-DD, un día que exista)
cli-list-not-a-date-meant = `{ $text }` no es una fecha (se esperaba AAAA-MM-DD, un día que exista; ¿quiso decir `{ $meant }`?)
cli-list-none-defined = el archivo del programa no define { $what ->
        [area] áreas
       *[project] proyectos
    }
cli-list-known = { $what ->
        [area] áreas
       *[project] proyectos
    }: { $list }
cli-list-code = CÓDIGO
cli-list-status = ESTADO
cli-list-done = AVANCE
cli-list-kind = TIPO
# Un tipo con la modalidad de un evento: «evento presencial». $format es la palabra del archivo.
cli-kind-with-format = { $kind } { $format ->
        [face-to-face] presencial
        [virtual] virtual
       *[hybrid] híbrido
    }
cli-list-title = TÍTULO
cli-list-date = { $key ->
        [planned-start] INICIO PREVISTO
        [planned-end] FIN PREVISTO
       *[actual-end] FIN REAL
    }

## compile
cli-compile-emitted = compílelo con: typst compile --ignore-system-fonts { $main }
cli-compile-no-template-file = no existe el archivo de plantilla { $file }
cli-compile-no-template-file-hint = indique la ruta de un archivo .typ
cli-compile-today-hint = quite { $var } para fechar el documento hoy, o indique --date AAAA-MM-DD
cli-compile-compiling = compilando { $document ->
        [programme] el programa
       *[report] el informe
    } de { $year } ({ $lang }) con { $template }…
cli-compile-compiled-in = { $pages ->
        [one] 1 página compilada
       *[other] { $pages } páginas compiladas
    } en { $seconds } s ({ $typesetting } s de composición)
cli-compile-built-in = la plantilla incorporada { $entry }
cli-compile-watching = vigilando { $dir } y las plantillas (Ctrl-C para detener)
cli-compile-needs-git-hint = { $flag } lee el plan desde git: ejecute `git init` y `programa commit` en la carpeta del programa, u omita { $flag } para informar sobre los archivos tal como están
cli-compile-newest-baseline = se compara con la línea de base más reciente `{ $name }` ({ $short }, { $date }); indique --baseline NOMBRE para elegir otra
cli-compile-no-baseline = no hay línea de base: el plan se compara consigo mismo (marque el plan aprobado con `programa baseline set NOMBRE`)
cli-compile-loading = cargando el programa de { $year }…
cli-compile-compiling-default = compilando { $document ->
        [programme] el programa
       *[report] el informe
    } de { $year } con { $template }…
cli-compile-compiled = { $pages ->
        [one] 1 página compilada
       *[other] { $pages } páginas compiladas
    }
cli-compile-cannot-write = no se puede escribir el PDF ({ $error })
cli-compile-template-errors = la plantilla { $entry } tiene { $count ->
        [one] 1 error
       *[other] { $count } errores
    }; no se escribió ningún PDF
cli-compile-template-errors-hint = corrija la plantilla, o use la estándar (omita --template)
cli-compile-timed-out-hint = una plantilla cuyo bucle nunca termina se detiene aquí; para un documento que de verdad tarda más, indique --time-limit SEGUNDOS
cli-compile-no-template = no existe la plantilla { $name }
cli-compile-no-template-hint = restaure report-templates/ desde el repositorio, o elimine la carpeta para usar las plantillas incorporadas

## sync
cli-sync-merging = hay una fusión en curso
cli-sync-merging-hint = resuelva sus conflictos (`programa check` los lista), conclúyala con `programa commit` y vuelva a ejecutar `programa sync`
cli-sync-uncommitted = { $count ->
        [one] 1 archivo del programa no está incluido en ningún commit
       *[other] { $count } archivos del programa no están incluidos en ningún commit
    }: { $files }
cli-sync-uncommitted-hint = haga primero commit con `programa commit` (o apártelos con `git stash`) y luego sincronice
cli-sync-line-merges = nota: en este clon git fusiona los archivos del programa línea por línea: ejecute una vez `programa git-setup` para que se fusionen campo por campo
cli-sync-incoming = { $count ->
        [one] 1 commit
       *[other] { $count } commits
    } de { $tracking }:
cli-sync-up-to-date = al día con { $tracking }
cli-sync-fast-forward = avanzado hasta { $tracking }
cli-sync-merged = fusionado con { $tracking }
cli-sync-rebased = rebase sobre { $tracking } hecho
cli-sync-nothing-to-push = no hay nada que enviar (push)
cli-sync-not-pushed = { $count ->
        [one] 1 commit sin enviar
       *[other] { $count } commits sin enviar
    } (--no-push)
cli-sync-pushed = { $count ->
        [one] 1 commit enviado
       *[other] { $count } commits enviados
    } a { $to }:
cli-sync-conflicts = conflictos con { $tracking }: campos cambiados de forma distinta en ambos lados
cli-sync-lines-differ = líneas que difieren
cli-sync-your-editor = su editor
cli-sync-conflicted = { $count ->
        [one] 1 archivo está
       *[other] { $count } archivos están
    } en conflicto; no se envió nada
cli-sync-conflicted-rebase-hint = conserve un valor de cada campo en los archivos ({ $edit }), luego haga `git add` de cada archivo y `git rebase --continue` (o `git rebase --abort` para volver atrás), y vuelva a ejecutar `programa sync`
cli-sync-conflicted-merge-hint = conserve un valor de cada campo en los archivos ({ $edit }), luego `programa commit` concluye la fusión (o `git merge --abort` vuelve atrás), y vuelva a ejecutar `programa sync`
cli-sync-errors = el programa de { $year } tiene { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    } después de la fusión; no se envió nada
cli-sync-errors-hint = `programa check` los muestra; corríjalos, haga `programa commit` y vuelva a sincronizar

## init
cli-init-cannot-create = no se puede crear { $dir } ({ $error })
cli-init-not-a-year = { $year } no es un año
cli-init-not-a-year-hint = indique el año con cuatro dígitos: --year 2027
cli-init-repository = se creó un repositorio git en { $dir }
cli-init-kept = se conservó { $file } (ya existe; no se cambió nada en él)
cli-init-created = creado { $file }
cli-init-ready = el programa de { $year } está listo: `programa check` lo comprueba, y
      git add -A && git commit -m "Start the programme for { $year }"
    lo registra; luego añada el remoto compartido (`git remote add origin URL`) y haga `git push -u origin HEAD`
cli-init-ci = haga commit de ellos para que el servidor los ejecute (conserve el que ejecuta su servidor)
cli-init-cannot-read = no se puede leer { $dir } ({ $error })
cli-init-not-empty = { $dir } no está vacía (contiene { $holds })
cli-init-not-empty-hint = indique una carpeta vacía o nueva, o --force para añadir los archivos que faltan y conservar tal como están todos los que ya hay

## new-year
cli-new-year-order = no se puede empezar { $to } a partir de { $from }: el año nuevo va después del año del que parte
cli-new-year-order-hint = `programa new-year 2022 --from 2021`
cli-new-year-no-from = no hay programa para { $from }
cli-new-year-no-from-hint = indique con --from uno de estos años: { $years }
cli-new-year-exists-hint = new-year escribe un año que aún no existe; elimine antes la carpeta para volver a empezarlo
cli-new-year-unreadable = algunos archivos de { $from } no se pueden leer; no se escribió nada
cli-new-year-unreadable-hint = `programa check --year { $from }` indica cuáles, y qué cambiar
cli-new-year-carry-hint = `programa list --year { $from }` lista sus actividades
cli-new-year-serialise = no se puede escribir { $what } como TOML ({ $error })
cli-new-year-the-programme = el programa
cli-new-year-started = se empezó { $dir }/ a partir de { $from }: { $count ->
        [one] 1 actividad traspasada
       *[other] { $count } actividades traspasadas
    }
cli-new-year-started-codes = se empezó { $dir }/ a partir de { $from }: { $count ->
        [one] 1 actividad traspasada
       *[other] { $count } actividades traspasadas
    } ({ $codes })
cli-new-year-left = { $count ->
        [one] 1 actividad
       *[other] { $count } actividades
    } de { $from } sin traspasar
cli-new-year-background = el capítulo de antecedentes es un borrador de la ejecución de { $from }, hecho a partir de sus cifras: complételo en { $file }, junto con la presentación

## edit
cli-edit-copy = no se puede { $action ->
        [create] crear
        [write] escribir
       *[read] leer
    } la copia para editar ({ $error })
cli-edit-editor-failed = { $error }; { $file } no se modificó
cli-edit-editor-hint = asigne a $VISUAL o $EDITOR la orden de su editor
cli-edit-kept = su texto se conserva en { $file }
cli-edit-changed-meanwhile = otra persona { $what ->
        [changed] modificó
       *[removed] eliminó
    } { $file } mientras usted lo editaba, así que su texto no se guardó encima
cli-edit-changed-meanwhile-hint = compárelo con el archivo tal como está ahora y vuelva a ejecutar `programa edit { $code }`
cli-edit-saved = { $code }: guardado { $file }
cli-edit-invalid = el texto editado no es válido; { $file } no se modificó
cli-edit-invalid-hint = corríjalo allí y cópielo sobre el archivo, o vuelva a ejecutar `programa edit { $code }`
cli-edit-reopen = ¿volver a abrir el editor? [S/n]
cli-edit-cannot-keep = no se puede conservar { $file } ({ $error })

## show
cli-show-unreadable = no se puede leer el archivo de { $code }: { $file }
cli-show-unreadable-hint = corrija el archivo (`programa check` lista todos los problemas) y vuelva a intentarlo
cli-show-unknown-hint = `programa list` muestra todos los códigos; `--year` elige otro año
cli-show-resolve = resuélvalo (conserve una versión, borre las líneas de marcas) y luego haga `git add { $file }`
cli-show-unknown = no existe la actividad `{ $code }` en el programa de { $year }
cli-show-a-project = `{ $project }` es un proyecto; `programa list --project { $project }` lista sus actividades
cli-show-or = { $rest } o { $last }

## blame, baseline
cli-blame-unknown = no existe la actividad { $code } en el programa
cli-blame-unknown-hint = `programa list` lista las actividades
cli-blame-not-committed = aún sin commit
cli-blame-before-history = anterior al historial que tiene este clon
cli-baseline-set = la línea de base { $name } marca { $short } ({ $tag })
cli-baseline-none = aún no hay líneas de base (marque una con `programa baseline set NOMBRE`)
cli-baseline-against = { $at } frente a la línea de base { $name } ({ $about })
cli-baseline-row = { $row ->
        [added] añadidas
        [removed] eliminadas
        [renamed] renombradas
        [cancelled] canceladas
        [postponed] aplazadas
        [format-changed] cambio de modalidad
        [dates-moved] fechas movidas
       *[objectives-changed] objetivos cambiados
    }
cli-baseline-status = estado
cli-baseline-approved = aprobado
cli-baseline-now = ahora
cli-baseline-changes = cambios

## git-setup
cli-setup-no-exe = no se puede saber dónde está instalado programa ({ $error })
cli-setup-no-exe-hint = instale programa (`cargo install --path .`) y vuelva a ejecutar git-setup
cli-setup-full-path = nota: git ejecutará { $exe } por su ruta completa, porque el programa del PATH es otro o no hay ninguno; después de instalar programa, vuelva a ejecutar git-setup
cli-setup-done-already = los controladores de diff y de fusión ya están configurados
cli-setup-attribute = añadido a .gitattributes: { $line }
cli-setup-set = asignado { $key } = { $value }
cli-setup-removed = eliminado { $key }
cli-setup-done = `git diff` muestra ahora los archivos del programa campo por campo antes de sus líneas, y git los fusiona campo por campo (haga commit de .gitattributes para compartirlo; cada clon ejecuta git-setup una vez)
cli-diff-driver-arguments = diff-driver recibe los argumentos que git da a un controlador de diff
cli-diff-driver-fields = { $path }, campo por campo:

## Errores de documentos, fechas y años nuevos
cli-render-template = la plantilla { $entry } no compila ({ $count ->
        [one] 1 error
       *[other] { $count } errores
    })
cli-render-data = no se pueden serializar los datos del documento ({ $error })
cli-render-date = la fecha { $date } está fuera del intervalo admitido para un documento
cli-render-timed-out = la plantilla { $entry } se ejecutó durante más de { $seconds } s y se detuvo
cli-render-abandoned = una compilación anterior de { $entry } tardó demasiado; vuelva a empezar
cli-bad-today = { $var }={ $value } no es una fecha (se esperaba AAAA-MM-DD)
cli-new-year-unknown-codes = el programa de { $year } no tiene la actividad { $codes }

## import, merge-file
cli-note = nota: { $note }
cli-import-no-year = import necesita el año que planifica el documento
cli-import-no-year-hint = indíquelo con `--year`, p. ej. `programa import ARCHIVO --year 2021`
cli-import-none = no se encontraron actividades en { $file }; no se escribió nada
cli-import-none-hint = el importador espera encabezados como `Activity I.1.1. Title` con las secciones A–D
cli-import-exists = { $dir } ya contiene { $count ->
        [one] 1 archivo del programa
       *[other] { $count } archivos del programa
    }; no se escribió nada
cli-import-exists-hint = indique `--force` para reemplazar el año con lo importado (se eliminan los archivos de actividad que no están en el documento)
cli-import-imported = importado «{ $title }» en { $dir }/ ({ $count } archivos)
cli-import-row = { $row ->
        [areas] áreas
        [programmes] programas
        [projects] proyectos
        [activities] actividades
        [footnotes] notas al pie
        [warnings] avisos
       *[notes] notas
    }
cli-import-activities = { $count } ({ $events } eventos, { $studies } estudios, { $other } otras)
cli-import-removed = se eliminaron { $count } archivos de actividad que ya no están en el documento
cli-merge-not-utf8 = no se puede fusionar { $file }: una de sus versiones no es texto UTF-8
cli-merge-not-utf8-hint = resuelva el conflicto a mano y luego haga `git add` del archivo
cli-merge-conflicts = { $file }: { $count ->
        [one] queda 1 conflicto
       *[other] quedan { $count } conflictos
    } entre marcas de conflicto
cli-merge-conflicts-hint = `programa check` indica dónde; conserve una versión de cada uno y luego haga `git add { $file }`
cli-show-section = { $section ->
        [a] A. Antecedentes y justificación
        [b] B. Objetivos
        [c] C. Resultados esperados
        [d] D. Modalidad de la actividad
        [footnotes] Notas al pie
        [notes] Notas
        [account] Balance
       *[outputs] Productos
    }
cli-show-contents = (en el índice: { $title })
cli-show-not-listed = { $code } (no figura en el archivo del programa)
cli-show-fact = { $fact ->
        [area] Área
        [programme] Programa
        [project] Proyecto
        [status] Estado
        [kind] Tipo
        [venue] Sede
        [planned] Prevista
        [held] Realizada
       *[partners] Organismos asociados
    }
cli-show-none = (sin contenido)
cli-show-audience = Destinatarios:
cli-show-participants = Participantes ({ $count }, de { $countries ->
        [one] 1 país
       *[other] { $countries } países
    })
cli-show-from = desde el { $date }
cli-show-until = hasta el { $date }

# Dónde cambió el texto de una traducción desactualizada, tras el mensaje del hallazgo.
cli-check-changed-in = en { $commit } ({ $day }, { $author })
cli-check-changed-uncommitted = en el árbol de trabajo, aún sin confirmar

# programa translate
cli-translate-same-language = el programa está escrito en { $lang }: no hay nada que traducir a ese idioma
cli-translate-same-language-hint = indique otro idioma con `--lang`
cli-translate-nothing = no hay nada que traducir
cli-translate-nothing-hint = indique CAMPO=TEXTO, p. ej. `title=…`; `programa translations` enumera los campos
cli-translate-unreadable = no se puede leer { $code }
cli-translate-not-a-list = `{ $field }` de { $name } es un solo texto, no una lista
cli-translate-not-a-list-hint = escriba `{ $field }=TEXTO`
cli-translate-a-list = `{ $field }` de { $name } es una lista de { $count } elementos
cli-translate-a-list-hint = tradúzcala elemento por elemento: `{ $field }.1=TEXTO`
cli-translate-no-item = `{ $field }` de { $name } tiene { $count } elementos; no existe el elemento { $item }
cli-translate-no-item-hint = los elementos se numeran desde 1, como los numera `programa show`
cli-translate-nothing-to-confirm = `{ $field }` de { $name } no tiene traducción al { $lang } que confirmar
cli-translate-nothing-to-confirm-hint = escriba una con `{ $field }=TEXTO`
cli-translate-field-meant = ¿quiso decir `{ $best }`?
cli-translate-fields = los campos con texto son: { $fields }
cli-translate-no-field = { $name } no tiene ningún texto `{ $field }` que traducir
cli-translate-not-an-assignment = `{ $arg }` no tiene la forma CAMPO=TEXTO
cli-translate-not-an-assignment-hint = escriba `title=…`; ponga el texto entre comillas para el intérprete de órdenes
cli-translate-one-stdin = solo un campo puede leerse de la entrada estándar
cli-translate-stdin-unreadable = no se puede leer la entrada estándar ({ $error })

# programa translations
cli-translations-file = ARCHIVO
cli-translations-fields = CAMPOS
cli-translations-stale = DESACT
cli-translations-done = HECHO
cli-translations-words = PALABRAS
cli-translations-field = CAMPO
cli-translations-standing = ESTADO
cli-translations-standing-word = { $standing ->
        [translated] traducido
        [incomplete] incompleto
        [stale] desactualizado
       *[missing] pendiente
    }
cli-translations-of = { $part } de { $whole }
cli-translations-total = { $year }: { $percent } % traducido al { $lang } ({ $done } de { $words } palabras)
cli-translations-exported = { $file }: { $count } unidades por traducir al { $lang }
cli-translations-unreadable = no se puede leer { $file } ({ $error })
cli-translations-export-again-hint = exporte de nuevo el archivo con `programa translations export`
cli-translations-no-language = { $file } no indica a qué idioma traduce, o indica uno que programa no conoce
cli-translations-no-language-hint = su `<file>` necesita `target-language="es"` (o en)
cli-translations-bad-id = el identificador no designa ningún archivo ni campo
cli-translations-imported = { $file }: { $count ->
        [one] 1 campo traducido
       *[other] { $count } campos traducidos
    } al { $lang }
cli-translations-nothing-changed = nada cambió
cli-translations-refused = se rechazaron { $count } de las unidades de { $file }
cli-translations-refused-hint = exporte de nuevo para obtener los textos actuales y vuelva a traducir esas unidades
cli-translations-no-text = { $name } no tiene ningún texto `{ $path }`
cli-translations-items = `{ $path }` tiene { $count } elementos, no { $item }
cli-translations-a-list = `{ $path }` es una lista: sus elementos son las unidades
cli-translations-not-a-list = `{ $path }` es un solo texto, no una lista
cli-translations-source-changed = el texto de `{ $path }` cambió después de exportarse el archivo
cli-translations-no-activity = el programa no tiene la actividad { $code }

# Lectura de un archivo XLIFF
cli-xliff-not-xml = esto no es XML bien formado: { $error }
cli-xliff-not-xliff = el documento es `<{ $root }>`, no XLIFF
cli-xliff-version = esto es XLIFF versión { $version }; programa lee XLIFF 1.2
cli-xliff-no-version = esto es XLIFF sin versión indicada; programa lee XLIFF 1.2
cli-xliff-no-id = un `<trans-unit>` no tiene `id`
cli-xliff-no-source = la unidad `{ $id }` no tiene `<source>`

# programa man
cli-man-no-commands = `{ $of }` no tiene órdenes, así que no hay página para { $name }
cli-man-no-commands-hint = sin { $name }, se imprime la página de `{ $of }`
cli-man-no-command = `{ $of }` no tiene la orden { $name }
cli-man-commands = sus órdenes son: { $commands }

# Listas de una actividad: participantes, notas, productos
cli-participants = los participantes
cli-participants-none = { $code } no tiene participantes
cli-notes = las notas
cli-notes-none = { $code } no tiene notas
cli-outputs = los productos
cli-outputs-none = { $code } no tiene productos
cli-item-no-number = { $what } no tienen el número { $number }: { $count ->
        [0] no hay ninguno
        [one] hay 1
       *[other] hay { $count }
    }
cli-item-none = `{ $which }` no está entre { $what }
cli-item-several = varios de { $what } son `{ $which }`: { $numbers }
cli-item-list-hint = `{ $list }` los enumera con sus números
cli-item-by-number-hint = indíquelo por su número; `{ $list }` los muestra
cli-output-empty = un producto necesita un título
cli-note-nothing-to-change = indique `--text` o `--date`

# Importación de un documento de programa: advertencias y notas, con la línea a la que se refieren.
cli-import-footnote-again = la nota al pie { $id } se define otra vez (primero en la línea { $first }); este texto no se usa: { $text }
cli-import-area-twice = el área { $code } aparece dos veces; se ignora su segundo encabezado
cli-import-activity-twice = la actividad { $code } aparece dos veces; la segunda se importa como { $code }-2
cli-import-section-outside = se ignora el encabezado de sección `{ $text }`, que está fuera de toda actividad
cli-import-unknown-heading = el encabezado `{ $other }` no es uno de los que conoce el importador; se conserva como párrafo
cli-import-programme-before-area = el programa `{ $title }` aparece antes de toda área; se ignora
cli-import-project-before-programme = el proyecto { $code } aparece antes de todo programa; se ignora
cli-import-project-numbering = el proyecto { $code } no está numerado dentro de su área
cli-import-contents-line = no se entiende la línea del índice `{ $line }`
cli-import-contents-text = un texto de la tabla del índice no es una entrada: { $text }
cli-import-text-outside = texto fuera de toda actividad: { $text }
cli-import-no-title = el documento no tiene encabezado de título
cli-import-title-year = el título dice { $found }, pero la importación es para { $year }
cli-import-no-organisation = no se encontró ningún «Permanent Secretariat of …» que dé el nombre de la organización
cli-import-summary-no-area = la parte `{ $part }` de la introducción no corresponde a ningún área; su texto no se importa
cli-import-activity-not-in-body = la actividad { $code } figura en el índice, pero no en el cuerpo
cli-import-project-title = el proyecto { $code } tiene otro título en el índice (`{ $listed }`); se conserva el del cuerpo
cli-import-footnote-missing = la actividad { $code } cita la nota al pie { $id }, que el documento nunca da
cli-import-footnote-unused = ninguna actividad cita la nota al pie { $id }; no se importa: { $text }
cli-import-project-no-heading = la actividad { $code } pertenece al proyecto { $project }, que no tiene encabezado
cli-import-text-before-a = la actividad { $code } tiene texto antes de la sección A; se importa al comienzo de sus antecedentes
cli-import-paragraph-in-list = actividad { $code }: un párrafo entre elementos de una lista se importa después de la lista
cli-import-chapter-footnote = { $chapter ->
        [notice] la nota
        [foreword] la presentación
        [introduction] la introducción
       *[background] el capítulo de antecedentes
    } cita una nota al pie; los archivos del programa solo guardan notas al pie en las actividades
cli-import-not-in-contents = la actividad { $code } no figura en la tabla del índice
cli-import-section = { $section ->
        [b] objetivos (B)
        [c] resultados esperados (C)
       *[d] modalidad (D)
    }
cli-import-missing-sections = la actividad { $code } no tiene sección de { $sections }
cli-import-project-in-capitals = el proyecto { $code } tiene el título en mayúsculas (`{ $title }`) y no tiene encabezado de programa propio: se lee como el programa «{ $cased }» con un proyecto del mismo nombre

## undo, redo
cli-undone = Deshecho: { $change }
cli-redone = Rehecho: { $change }
cli-journal-empty = No hay cambios en el registro.
cli-journal-redoable = { $count ->
    [one] Se puede rehacer 1 cambio deshecho (programa redo).
   *[other] Se pueden rehacer { $count } cambios deshechos (programa redo).
}
cli-journal-changed-hint = mire el archivo con `git diff`; deshaga primero su propia edición, o use `git checkout -- ARCHIVO` para volver al último commit
cli-journal-nothing-hint = `programa undo --list` muestra el registro
