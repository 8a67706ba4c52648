# La interfaz a pantalla completa: etiquetas, pestañas, formularios, teclas, ventanas y mensajes.
# Las teclas (enter, esc, tab, space) y los nombres de órdenes de keys.toml no se traducen.

tui-draft-kept = programa: una copia editada que no se guardó queda en { $path }

## Las marcas cortas de la modalidad en el árbol
tui-format-short = { $format ->
        [virtual] vir
        [hybrid] híb
       *[face-to-face] pre
    }

## Barra de título y árbol
tui-title-activities = { $count } actividades
tui-title-activities-so-far = { $count } actividades hasta ahora
tui-title-shown = { $shown } mostradas: { $filter }
tui-title-errors = { $count } error(es): { $key }
tui-tree-title = Programa
tui-tree-no-match = nada coincide con el filtro (esc lo borra)
tui-tree-empty = aún no hay actividades
tui-tree-conflict = conflicto
tui-tree-not-in-programme = (no figura en el archivo del programa)
tui-tree-unknown-project = (proyecto desconocido)
tui-filter-status = estado: { $status }
tui-filter-format = modalidad: { $format }
tui-filter-area = área: { $area }
tui-filter-no-format = ninguna

## El panel derecho
tui-tab-activity = Actividad
tui-tab-history = Historial
tui-tab-changes = Cambios
tui-nothing-selected = no hay nada seleccionado
tui-node-area = Área
tui-node-programme = Programa
tui-node-project = Proyecto
tui-node-activity = Actividad
tui-summary-activities = { $count ->
        [one] 1 actividad
       *[other] { $count } actividades
    }
tui-summary-mean-progress = avance medio
tui-summary-keys = { $open } desplegar/plegar · { $new } nueva actividad aquí
tui-field-project = Proyecto
tui-field-status = Estado
tui-field-progress = Avance
tui-field-kind = Tipo
tui-field-planned = Previsto
tui-field-actual = Real
tui-field-venue = Sede
tui-field-conflict = Conflicto
tui-conflict-line = línea { $line }: { $summary }
tui-conflict-hint = conserve una sola versión en el archivo ({ $key }) y luego haga `git add`
tui-conflict-hint-shown = se muestra como lo tiene { $label }; conserve una sola versión en el archivo ({ $key }) y luego haga `git add`
tui-no-format = sin modalidad
tui-format-none = ninguna
tui-none = (sin contenido)
tui-section-background = A. Antecedentes y justificación
tui-section-objectives = B. Objetivos
tui-section-results = C. Resultados esperados
tui-section-format = D. Modalidad
tui-section-audience = Destinatarios
tui-section-partners = Organismos asociados
tui-section-participants = Participantes ({ $count })
tui-section-notes = Notas ({ $count })
tui-section-outputs = Productos ({ $count })
tui-section-account = Balance
tui-section-footnotes = Notas al pie
tui-history-select = seleccione una actividad para ver su historial
tui-history-of = Historial de { $code }
tui-history-reading = leyendo el historial
tui-history-none = aún no hay commits que cambien esta actividad
tui-history-never-committed = nunca se incluyó en un commit: { $key } hace commit de los cambios
tui-history-commits = commits
tui-history-renamed = como { $code }: { $phrase }
tui-changes-title = Cambios sin commit
tui-changes-comparing = comparando con git
tui-changes-nothing = no hay nada para hacer commit
tui-changes-commit-key = { $key } hace commit de ellos
tui-changes-partial = (el último commit no se puede leer entero; lo que no se pudo leer queda fuera)
tui-hint = sugerencia: { $hint }
tui-warning = aviso: { $warning }
tui-and-more = … y { $count } más

## Barra de estado
tui-filter-keys = enter: conservar · esc: borrar
tui-hint-help = ayuda
tui-hint-filter = filtrar
tui-hint-status = estado
tui-hint-dates = fechas
tui-hint-format = modalidad
tui-hint-participant = participante
tui-hint-note = nota
tui-hint-edit = editar
tui-hint-new = nueva
tui-hint-quit = salir
tui-reading = leyendo { $read } de { $total } archivos
tui-checking = revisando el programa

## Ayuda
tui-help-title = Teclas · ↑/↓ desplazar · esc cierra
tui-help-no-keys = (ninguna)
tui-help-in-filter = En el filtro
tui-help-filter-type = escribir
tui-help-filter = códigos, títulos y texto; enter lo conserva, esc lo borra
tui-help-in-form = En un formulario
tui-help-form-fields = campo siguiente / anterior
tui-help-form-choice = cambiar una opción (o escribir su primera letra)
tui-help-form-clear = borrar un texto; la primera tecla reemplaza uno lleno, ←/→ lo conservan
tui-help-form-submit = guardar / cancelar
tui-help-mouse = Ratón
tui-help-mouse-keys = clic, rueda
tui-help-mouse-does = seleccionar una fila o una pestaña, desplazar el árbol o el panel
tui-help-marks = Marcas de estado
tui-help-remap = Las teclas se cambian en { $path }, con los nombres de la derecha
tui-command-up = subir
tui-command-down = bajar
tui-command-page-up = subir una página
tui-command-page-down = bajar una página
tui-command-top = ir al principio
tui-command-bottom = ir al final
tui-command-collapse = plegar, o ir al nivel superior
tui-command-expand = desplegar
tui-command-open = abrir / plegar o desplegar / ir
tui-command-back = volver, cerrar, borrar el filtro
tui-command-quit = salir
tui-command-help = mostrar todas las teclas
tui-command-focus = pasar del árbol al panel y viceversa
tui-command-filter = filtrar mientras escribe
tui-command-filter-status = recorrer el filtro de estado
tui-command-filter-format = recorrer el filtro de modalidad
tui-command-filter-area = recorrer el filtro de área
tui-command-clear-filters = borrar todos los filtros
tui-command-view-detail = panel: la actividad
tui-command-view-history = panel: su historial
tui-command-view-changes = panel: cambios sin commit
tui-command-set-status = cambiar estado, avance y balance
tui-command-set-dates = cambiar las fechas
tui-command-set-format = cambiar modalidad y sede
tui-command-add-participant = agregar un participante
tui-command-add-note = agregar una nota de avance
tui-command-new-activity = crear una actividad
tui-command-edit = abrir el archivo en $EDITOR
tui-command-commit = hacer commit de los cambios
tui-command-compile-programme = compilar el documento del programa
tui-command-compile-report = compilar el informe de seguimiento
tui-command-findings = mostrar las observaciones de la validación
tui-command-reload = volver a leer los archivos

## Formularios
tui-form-save = enter guarda · esc cancela
tui-form-commit = enter hace el commit · esc cancela
tui-form-next-field = tab campo siguiente
tui-form-change-choice = ←/→ cambiar una opción
tui-form-clear = ctrl-u borra
tui-form-status = { $code } · estado, avance y balance
tui-form-dates = { $code } · fechas
tui-form-format = { $code } · modalidad
tui-form-participant = { $code } · agregar un participante
tui-form-note = { $code } · agregar una nota de avance
tui-form-new = Nueva actividad
tui-form-commit-title = Hacer commit de los cambios
tui-label-status = Estado
tui-label-progress = Avance %
tui-label-account = Balance
tui-label-planned-start = Inicio previsto
tui-label-planned-end = Fin previsto
tui-label-actual-start = Inicio real
tui-label-actual-end = Fin real
tui-label-format = Modalidad
tui-label-format-note = Nota de modalidad
tui-label-venue = Sede
tui-label-organisation = Organismo
tui-label-country = País
tui-label-role = Función
tui-label-name = Nombre
tui-label-note = Nota
tui-label-date = Fecha
tui-label-project = Proyecto
tui-label-title = Título
tui-label-kind = Tipo
tui-label-message = Mensaje
tui-hint-progress = de 0 a 100
tui-hint-account = lo que se logró, para el informe; vacío para quitarlo
tui-hint-date-or-empty = AAAA-MM-DD; vacío para quitarla
tui-hint-date = AAAA-MM-DD
tui-hint-empty-removes = vacío para quitarlo
tui-hint-optional = opcional
tui-required = obligatorio
tui-did-you-mean-country = ¿quiso decir { $name } ({ $code })?
tui-country-expected = un código (PE) o un nombre en español o en inglés
tui-not-a-country = no es un país: { $hint }
tui-note-empty = la nota está vacía
tui-commit-needs-message = un commit necesita un mensaje

## Observaciones y trabajos
tui-findings = Observaciones ({ $count })
tui-findings-checking = Observaciones hasta ahora ({ $count }): se está revisando el programa
tui-findings-reading = Observaciones hasta ahora ({ $count }): la revisión empieza cuando se hayan leído todos los archivos
tui-findings-none = no se encontraron problemas
tui-findings-none-so-far = hasta ahora no se encontraron problemas
tui-severity-error = error
tui-severity-warning = aviso
tui-severity-note = nota
tui-finding-hint = (sugerencia: { $hint })
tui-findings-keys = { $open } ir a la actividad · { $edit } editar su archivo · esc cerrar
tui-job-working = trabajando
tui-job-close = esc cierra
tui-job-hide = esc oculta esta ventana; el trabajo continúa
tui-document-programme = documento del programa
tui-document-report = informe de seguimiento
tui-compiling-title = Compilación del { $document }
tui-compiling = compilando el { $document }
tui-written-to = se escribió en { $path }
tui-document-written = el { $document } se escribió en { $path }
tui-preparing-commit = preparando el commit
tui-committing = haciendo el commit
tui-committed = commit { $id } hecho
tui-cannot-commit = No se puede hacer el commit
tui-commit-failed = El commit falló
tui-nothing-to-commit = no hay nada para hacer commit: los archivos del programa están como en el último commit

## Mensajes de la barra de estado
tui-conflicts = hay conflictos de fusión sin resolver: pulse { $key } para ver dónde
tui-unreadable = algunos archivos no se pueden leer: pulse { $key } para ver por qué
tui-cannot-read-programme = no se puede leer el programa: { $error }
tui-cannot-read-file = no se puede leer { $path } ({ $error })
tui-read-failed = { $error }: no se leyeron los archivos siguientes; pulse { $key } para volver a leerlos
tui-all-read = se leyeron todos los archivos: { $count } actividades
tui-not-all-read = algunos archivos no se leyeron: pulse antes { $key }
tui-new-activity-waits = el código de una actividad nueva se elige cuando se hayan leído todos los archivos ({ $progress })
tui-still-working = el trabajo sigue en segundo plano; la barra de título indica cuándo termina
tui-quit-busy = { $busy } no ha terminado: pulse { $key } otra vez para salir de todos modos
tui-filters-cleared = filtros borrados
tui-wait-busy = espere a que termine: { $busy }
tui-reading-already = los archivos ya se están leyendo
tui-read-again = se volvieron a leer los archivos
tui-not-in-tree = { $code } no está en el árbol (su archivo no se puede leer); pulse { $key } para corregirlo en el editor
tui-finding-about-programme = esta observación se refiere al programa en su conjunto
tui-select-activity = seleccione antes una actividad
tui-no-projects = el archivo del programa no tiene proyectos a los que agregar una actividad
tui-no-changes = { $code }: sin cambios
tui-changed = { $code } actualizada: { $changes }
tui-saved = { $code } guardada: { $changes }
tui-changed-outside = { $done } (aplicado al archivo tal como se cambió por fuera después de leerlo)
tui-new-file-saved = guardada
tui-created = { $code }: se creó { $path }
tui-draft-unknown = { $code }: la copia editada { $path } no la creó esta sesión; no se guardó nada
tui-editor-failed = { $error }; { $code } no cambió
tui-not-saved-locked = { $code } no se guardó: { $error }; su texto queda en { $path }: pulse { $key } para volver a editarlo y guardarlo
tui-changed-while-editing = { $code } se cambió por fuera mientras usted lo editaba, así que su texto no se guardó; queda en { $path }: pulse { $key } para volver a editarlo y guardarlo sobre el archivo nuevo
tui-not-changed-problems = { $code } no cambió: { $count ->
        [one] 1 problema
       *[other] { $count } problemas
    } en su texto, que queda en { $path }; pulse { $key } para volver a editarlo
tui-not-changed = { $code } no cambió: { $error }
tui-cannot-create-draft = no se puede crear la copia para editar ({ $error })
tui-cannot-read-draft = no se puede leer la copia editada { $path } ({ $error })

## Servicios en segundo plano
tui-unavailable-history = el historial aún no está disponible en esta compilación
tui-unavailable-diff = la comparación de los cambios sin commit aún no está disponible en esta compilación
tui-unavailable-commit = hacer commit aún no está disponible en esta compilación
tui-unavailable-compile = compilar el { $document } aún no está disponible en esta compilación
tui-history-unreadable = no se pudo leer el historial
tui-history-unreadable-earlier = no se pudo leer el historial (falló una lectura anterior)
tui-cannot-describe-changes = no se pueden describir los cambios ({ $error })
tui-commit-warning = ; aviso: { $warning }

## Al empezar
tui-key-map-unusable = el mapa de teclas no se puede usar: { $error }
tui-key-map-unusable-hint = corrija o elimine el archivo; la interfaz no se abrió
tui-needs-terminal = la interfaz necesita una terminal
tui-needs-terminal-hint = ejecútela en una terminal; `programa list` y `programa show` escriben en tuberías
tui-key-unknown-command = orden desconocida `{ $name }`{ $suggestion } (las órdenes son { $names })
tui-key-did-you-mean = ; ¿quiso decir `{ $name }`?
tui-key-not-a-key = `{ $key }` no es una tecla (se espera un carácter, o un nombre como enter, esc, tab, space, up, pagedown, f1, con ctrl-/alt-/shift- delante)
tui-key-bound-twice-here = `{ $key }` está asignada a `{ $other }` y a `{ $command }` ({ $other } la tiene en este archivo)
tui-key-bound-twice-default = `{ $key }` está asignada a `{ $other }` y a `{ $command }` ({ $other } la tiene por omisión; asigne a `{ $other }` otras teclas en este archivo para liberarla)
tui-key-cannot-read = no se puede leer ({ $error })
tui-nothing-to-do = esa tecla no hace nada aquí · { $key } muestra las teclas
