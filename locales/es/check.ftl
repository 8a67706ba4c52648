# Observaciones de `programa check` sobre lo que dice el programa: mensajes y sugerencias.
# Los códigos de las observaciones (`unknown-key`, `unknown-country`…) son identificadores y no se traducen.
# Las claves de los archivos (`status`, `actual_end`…) y sus valores (`"ongoing"`) se citan tal como se escriben.

## Cómo se muestra una observación
check-note-in = en { $file }
check-note-hint = sugerencia: { $hint }

## Claves
check-unknown-key = clave desconocida `{ $name }`
check-unknown-key-in = clave desconocida `{ $name }` en `{ $table }`
check-unknown-key-hint-meant = ¿quiso decir `{ $best }`? las claves que el formato no conoce se ignoran
check-unknown-key-hint-keys = las claves que el formato no conoce se ignoran; las claves posibles aquí son: { $keys }
check-empty-value = `{ $name }` está vacío
check-empty-value-in = `{ $name }` en `{ $table }` está vacío
check-empty-value-hint = `{ $name }` es obligatorio: escríbalo entre las comillas
check-did-you-mean = ¿quiso decir `{ $best }`?

## Países
check-country-name = el país está escrito `{ $written }`; los archivos guardan su código ISO 3166-1 `{ $code }`
check-country-name-hint = escriba `"{ $code }"` ({ $country }), o ejecute `programa check --fix` para escribir el código de todos los países escritos por su nombre
check-duplicate-member-state = { $country } ({ $code }) figura dos veces como Estado Miembro
check-duplicate-member-state-hint = `{ $first }` también lo incluye; elimine uno de los dos

## Límites
check-too-long = `{ $place }` tiene { $found } caracteres, más de los { $limit } permitidos
check-too-long-hint-line = acórtelo: un título o un nombre ocupa una sola línea
check-too-long-hint-prose = acórtelo, o publique el texto largo como un producto y enlácelo
check-too-many = `{ $place }` tiene { $found } elementos, más de los { $limit } permitidos
check-too-many-hint = divida el trabajo en varias actividades, o guarde la lista completa en otro lugar

## El archivo del programa
check-year-mismatch = el programa indica el año { $stated }, pero está en la carpeta de { $year }
check-year-mismatch-hint = escriba `year = { $year }`, o mueva el archivo a la carpeta de su año
check-duplicate-code = { $what ->
        [area] el código de área
        [programme] el identificador de programa
       *[project] el código de proyecto
    } `{ $code }` se usa dos veces
check-duplicate-code-hint = `{ $first }` también lo usa; asigne a cada uno el suyo
check-unknown-reference = no existe { $what ->
        [area] el área
        [programme] el programa
       *[project] el proyecto
    } `{ $name }`
check-unknown-reference-none = programme.toml aún no tiene { $table }
check-unknown-reference-list = { $what ->
        [area] las áreas
        [programme] los programas
       *[project] los proyectos
    } de programme.toml son: { $list }
check-project-code-prefix = el proyecto `{ $project }` pertenece al programa `{ $programme }` del área { $area }, por lo que su código debería ser `{ $area }.<número>`
check-project-code-prefix-hint = corrija el código, o mueva el proyecto a un programa de su área
check-empty-project = el proyecto `{ $project }` no tiene actividades
check-empty-project-hint = el documento del programa lo mostraría vacío; añada actividades con `project = "{ $project }"`, o elimine el proyecto
check-totals-mismatch = { $field ->
        [foreword] la presentación
       *[introduction] la introducción
    } dice «{ $phrase }», pero el programa tiene { $count } { $noun ->
        [studies] estudios
        [events] eventos
       *[activities] actividades
    }
check-totals-hint-kind = { $count } archivos de actividad tienen `kind = "{ $kind }"`; corrija { $field ->
        [foreword] la presentación
       *[introduction] la introducción
    }, o el tipo de las actividades
check-totals-hint-activities = hay { $count } archivos de actividad; corrija { $field ->
        [foreword] la presentación
       *[introduction] la introducción
    }, o añada las actividades que faltan

## Actividades
check-unknown-project-hint-implied = el código `{ $code }` indica el proyecto `{ $project }`: ¿quiso decir `{ $project }`?
check-activity-code-prefix = la actividad `{ $code }` pertenece al proyecto `{ $project }`, por lo que su código debería ser `{ $project }.<número>`
check-activity-code-prefix-hint = corrija el código o el proyecto
check-code-mismatch = el código `{ $code }` no coincide con el nombre del archivo `{ $file }`
check-code-mismatch-hint = el archivo de una actividad lleva el nombre de su código: cambie el nombre del archivo a `{ $file }`, o corrija el código
check-duplicate-activity = el código `{ $code }` lo usan dos actividades
check-duplicate-activity-hint = { $file } tiene el mismo código; asigne a cada actividad el suyo
check-inverted-dates = { $end_key } ({ $end }) es anterior a { $start_key } ({ $start })
check-inverted-dates-hint = una actividad termina el mismo día en que empieza o después; intercambie o corrija las fechas
check-future-date = { $key } ({ $date }) es una fecha futura
check-future-date-hint = las fechas reales registran lo que ocurrió; una fecha por venir va en `{ $planned }`
check-study-with-format = un estudio tiene la modalidad `{ $format }`
check-study-with-format-hint = la modalidad indica cómo se realizan los eventos; elimine `format`, o escriba `kind = "event"`
check-completed-progress = la actividad está completada, pero su avance es { $progress } %
check-completed-progress-hint = escriba `progress = 100`, o `status = "ongoing"` si no ha terminado
check-planned-done = la actividad está planificada, pero su avance es 100 %
check-planned-done-hint = escriba `status = "completed"` si ha terminado, o corrija el avance
check-planned-progress = la actividad está planificada, pero su avance es { $progress } %
check-planned-progress-hint = escriba `status = "ongoing"` cuando el trabajo haya comenzado
check-stopped-done = la actividad está { $status ->
        [cancelled] cancelada
       *[postponed] aplazada
    }, pero su avance es 100 %
check-stopped-done-hint = si se realizó, escriba `status = "completed"`
check-missing-actual-end = la actividad está completada, pero no tiene `actual_end`
check-missing-actual-end-hint = añada el día en que terminó: actual_end = "AAAA-MM-DD"
check-planned-started = la actividad está planificada, pero tiene `{ $key }`
check-planned-started-hint = una actividad que ha comenzado está `ongoing` (en curso) o `completed` (completada)
check-ongoing-ended = la actividad está en curso, pero tiene `actual_end`
check-ongoing-ended-hint = escriba `status = "completed"`, o elimine `actual_end`
check-bad-previous = `previous = "{ $link }"` no es un año y un código
check-bad-previous-hint = escriba el año, una barra y el código de la actividad en ese año: `previous = "2021/I.1.3"`
check-previous-not-before = `previous` indica { $from }, que no es anterior a { $year }
check-previous-not-before-hint = `previous` enlaza con la actividad de un año anterior que esta continúa
check-unknown-previous = `previous` indica { $year }/{ $code }, pero el programa de { $year } no tiene la actividad { $code }
check-unknown-previous-hint = corrija el código (`programa list --year { $year }` lista las de ese año), o elimine `previous`

## Notas al pie
check-undefined-footnote = la nota al pie `[^{ $label }]` se cita pero no está definida
check-undefined-footnote-hint = añada una entrada [[footnotes]] con id = "{ $label }" y su texto
check-duplicate-footnote = la nota al pie `{ $id }` está definida dos veces
check-duplicate-footnote-hint = asigne a cada nota al pie su propio id
check-unused-footnote = la nota al pie `{ $id }` nunca se cita
check-unused-footnote-hint = cítela como `[^{ $id }]` en el texto, o elimínela

## Caracteres ocultos
check-hidden-more = { " " }({ $count } más en este campo)
check-control-character = `{ $field }` contiene el carácter de control { $character }{ $more }
check-control-character-hint = elimínelo: nunca aparece en un documento, y una terminal actuaría sobre él
check-bidi-control = `{ $field }` contiene el control bidireccional { $character }, que muestra el texto que lo sigue en un orden distinto del escrito{ $more }
check-bidi-control-hint = elimínelo: el texto de derecha a izquierda se muestra en su propio orden sin él
check-bidi-mark = `{ $field }` contiene la marca de dirección invisible { $character }{ $more }
check-bidi-mark-hint = elimínela, salvo que el texto mezcle escritura de derecha a izquierda y de izquierda a derecha

## Marcado en el texto
check-html-comment = un comentario HTML: los documentos lo omiten
check-html-comment-hint = los comentarios son para quienes editan el archivo; no hay nada que hacer
check-unclosed-html = `<{ $name }>` no está cerrado: termina con su párrafo
check-unclosed-html-hint = ciérrelo con `</{ $name }>` donde deba terminar
check-unopened-html = `</{ $name }>` no cierra nada: los documentos lo omiten
check-unopened-html-hint = elimínelo, o abra el elemento con `<{ $name }>`
check-image = una imagen: los documentos no muestran imágenes, solo la descripción entre corchetes
check-image-hint = describa con palabras lo que muestra la imagen, u omítala
check-too-deep = el texto anida { $depth } niveles aquí; los documentos permiten como máximo { $most }
check-too-deep-hint = las citas, listas, énfasis y enlaces anidados cuentan como niveles: quite algunos
check-footnote-in-text = la nota al pie `[^{ $label }]` está escrita en el texto: los documentos la omiten
check-footnote-in-text-hint = escríbala como una entrada [[footnotes]] con id = "{ $label }" y su texto
check-unsupported-html = `{ $construct }`{ $count ->
        [1] {""}
       *[other] { " " }({ $count } veces en este texto)
    } es HTML que los documentos no muestran: lo omiten y conservan el texto que lo rodea
check-unsupported-html-hint = el HTML que se muestra es { $tags }; escriba markdown en su lugar, o `\<` para un `<` que no abre ninguna etiqueta

# Traducciones. $lang es un código de idioma (en, es); -language da su nombre.
check-language = { $lang ->
        [es] español
       *[en] inglés
    }
check-unknown-translation = una traducción al { check-language } de `{ $path }`, que aquí no tiene texto
check-unknown-translation-hint-meant = ¿quiso decir `{ $best }`? la traducción de un campo sin texto nunca se imprime
check-unknown-translation-hint = el campo no tiene texto que traducir: quite la traducción o dé al campo su texto
check-stale-translation = la traducción al { check-language } de `{ $path }` se hizo a partir de otro texto: el texto ha cambiado desde entonces
check-stale-translation-hint = vuelva a traducir el campo (`programa translate { $name } --lang { $lang } { $key }=…`) o confirme que la traducción sigue siendo válida (`--confirm { $path }`)
check-incomplete-translation = la traducción al { check-language } de `{ $path }` no traduce todos los elementos
check-incomplete-translation-hint = los documentos imprimen el texto original hasta que se traduzcan todos los elementos
check-missing-translation = falta la traducción al { check-language } de { $fields }
check-missing-translation-hint = los documentos en { check-language } los imprimen en el idioma del programa, señalados; `programa translations --lang { $lang }` indica lo que falta
check-untranslated-files = { $count } de { $total } archivos aún no tienen ninguna traducción al { check-language }
check-untranslated-files-hint = `programa translations --lang { $lang }` muestra lo traducido; `programa translations export --lang { $lang }` entrega a los traductores un archivo XLIFF
check-listed-and = { $first } y { $last }
check-listed-more = { $first } y { $count } más
