# Lo que dicen history, log, diff y blame de git y de los cambios.
# Las claves (`status`, `planned_start`…) se nombran tal como las escribe el archivo.

## Los cambios como frases: "status planificada → completada"
history-none = ninguna
history-status-changed = estado { $from } → { $to }
history-progress-changed = avance { $from } % → { $to } %
history-kind-changed = tipo { $from } → { $to }
history-format-changed = modalidad { $from } → { $to }
history-field-set = { $field } asignado: { $to }
history-field-cleared = { $field } { $from } borrado
history-field-emptied = { $field } borrado
history-field-changed = { $field } { $from } → { $to }
history-field-unchanged = { $field } sin cambios
# $change: added, removed o reworded.
history-prose = { $field } { $change ->
        [added] añadido
        [removed] eliminado
       *[reworded] redactado de nuevo
    }
history-objective = objetivo
history-expected-result = resultado esperado
history-item = { $list ->
        [objective] objetivo { $number } { $change ->
            [added] añadido
            [removed] eliminado
           *[reworded] redactado de nuevo
        }
       *[expected-result] resultado esperado { $number } { $change ->
            [added] añadido
            [removed] eliminado
           *[reworded] redactado de nuevo
        }
    }
history-partners-added = organismos asociados + { $names }
history-partners-removed = organismos asociados − { $names }
history-one-participant = 1 participante: { $who }
history-participants-of = { $count ->
        [one] 1 participante
       *[other] { $count } participantes
    } ({ $country })
history-participants-from = { $count ->
        [one] 1 participante
       *[other] { $count } participantes
    } de { $countries ->
        [one] 1 país
       *[other] { $countries } países
    }
history-participant-role = participante { $who }: función { $from } → { $to }
history-participant-changed = participante { $who } modificado
history-note-added = nota del { $date } añadida: { $text }
history-note-removed = nota del { $date } eliminada
history-note-edited = nota del { $date } editada
history-output = producto { $title } { $change ->
        [added] añadido
        [removed] eliminado
       *[changed] modificado
    }
history-footnote = nota al pie { $id } { $change ->
        [added] añadida
        [removed] eliminada
       *[reworded] redactada de nuevo
    }
history-created = creada ({ $kind }, { $status })
history-removed = eliminada
history-renamed = renombrada desde { $from }

## Cambios en el archivo del programa
history-part = { $part ->
        [area] área
        [programme] programa
       *[project] proyecto
    }
history-programme-created = programa de { $year } creado ({ $title })
history-programme-removed = programa de { $year } eliminado
history-part-added = { $part ->
        [area] área { $code } añadida
        [programme] programa { $code } añadido
       *[project] proyecto { $code } añadido
    } ({ $title })
history-part-removed = { $part ->
        [area] área { $code } eliminada
        [programme] programa { $code } eliminado
       *[project] proyecto { $code } eliminado
    } ({ $title })
history-part-retitled = { $part ->
        [area] área
        [programme] programa
       *[project] proyecto
    } { $code }: título { $from } → { $to }
history-part-moved = { $part ->
        [programme] programa { $code } movido al área { $to } (antes { $from })
        [area] área { $code } movida al programa { $to } (antes { $from })
       *[project] proyecto { $code } movido al programa { $to } (antes { $from })
    }
history-area-summary = resumen del área { $code } redactado de nuevo

## Lo que impide leer o escribir el historial
history-not-a-repository = { $dir } no está en un repositorio git
history-bare = el repositorio de { $dir } no tiene árbol de trabajo (es bare)
history-unknown-revision = revisión desconocida `{ $rev }` ({ $cause })
history-no-merge-base = `{ $a }` y `{ $b }` no tienen ningún antecesor común
history-no-commits = el repositorio aún no tiene commits
history-no-year-at = no hay programa para { $year } en { $rev }
history-no-identity = no hay ninguna identidad de git configurada (falta { $missing })
history-bad-date = no se puede leer { $variable }=`{ $value }` como fecha (se esperaba p. ej. `2021-06-16T10:00:00+02:00`, `@1623830400 +0000` o una fecha RFC 2822)
history-bad-name = `{ $name }` no puede ser el nombre de una línea de base (git no lo admite en el nombre de una etiqueta)
history-no-such-baseline = no existe la línea de base `{ $name }`
history-baseline-exists = ya existe una línea de base `{ $name }` (en { $commit })
history-in-progress = { $operation ->
        [rebase] hay un rebase en curso
        [am] hay un `git am` en curso
        [cherry-pick] hay un cherry-pick en curso
        [revert] hay un revert en curso
       *[bisect] hay una bisección en curso
    }; programa no hace commit en medio de esa operación
history-index-locked = el índice del repositorio está bloqueado ({ $lock }); no se hizo ningún commit
history-commit-failed = git commit no hizo el commit (código de salida { $status }); no se hizo ningún commit
history-commit-stopped = git commit no hizo el commit (lo detuvo una señal); no se hizo ningún commit
history-git-failed = { $command } falló; no se hizo ningún commit
history-no-branch = HEAD no está en ninguna rama (está separado, detached)
history-no-upstream = la rama `{ $branch }` no tiene upstream
history-transport = { $command } falló
history-no-git = no se puede ejecutar git ({ $error })
history-working-tree = el árbol de trabajo

## diff --format markdown: un comentario para una pull request o merge request
history-md-title = Programa { $year }: { $title }
history-md-no-changes = No hay cambios en el programa.
history-md-conflicts = Conflictos de fusión sin resolver
# $what: added, removed, renamed o modified.
history-md-count = { $count } { $what ->
        [added] { $count ->
            [one] añadida
           *[other] añadidas
        }
        [removed] { $count ->
            [one] eliminada
           *[other] eliminadas
        }
        [renamed] { $count ->
            [one] renombrada
           *[other] renombradas
        }
       *[modified] { $count ->
            [one] modificada
           *[other] modificadas
        }
    }
history-md-none-changed = Ninguna actividad cambió
history-md-changed = { $count ->
        [one] 1 actividad cambió
       *[other] { $count } actividades cambiaron
    } ({ $parts })
history-md-programme-changed = ; el archivo del programa cambió
history-md-area-summary = resumen del área { $code }
history-md-kind = { $kind ->
        [added] añadida
        [removed] eliminada
       *[modified] modificada
    }
history-md-field = campo
history-md-before = antes
history-md-after = después
history-md-heading = { $heading ->
        [participants-added] Participantes añadidos
        [participants-removed] Participantes eliminados
        [notes-added] Notas añadidas
       *[other] Otros cambios
    }
history-md-added = **{ $what }** añadido: { $text }
history-md-removed = **{ $what }** eliminado: { $text }
history-md-note-of = nota del { $date }
history-md-footnote = nota al pie { $id }

## Avisos sobre el historial leído
history-shallow = el repositorio es un clon superficial (shallow): faltan los cambios anteriores a su commit más antiguo y lo que existía entonces aparece como creado allí (ejecute `git fetch --unshallow` para tener el historial completo)
history-cannot-read-at = no se puede leer { $path } en { $at }: { $error }
history-markers = contiene marcas de conflicto de una fusión sin resolver
history-does-not-parse = no se puede analizar
history-skipped = { $path } en { $at } ({ $day }, { $author }) no se pudo leer, se omiten sus cambios en ese commit: { $why }

# Una traducción cambió; $lang es el código del idioma, $change added, removed, reworded o
# confirmed.
history-translation-changed = traducción ({ $lang }) de { $field } { $change ->
        [added] añadida
        [removed] quitada
        [confirmed] confirmada para el nuevo texto
       *[reworded] reformulada
    }
history-translation-of = traducción ({ $lang }) de { $field }
