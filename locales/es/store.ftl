# Lectura de los archivos del programa: lo que impide leer un archivo, y las sugerencias.

## Archivos que no son texto
store-file-too-large = el archivo tiene { $bytes } bytes, más de los { $most } que puede tener un archivo del programa
store-file-too-large-hint = un archivo del programa contiene el texto y los registros de una actividad; mueva los documentos largos a `outputs` con un enlace
store-binary-file = el archivo es binario (contiene bytes NUL), no texto TOML
store-binary-file-hint-utf16 = parece UTF-16 ({ $order }): guárdelo como UTF-8, p. ej. `iconv -f UTF-16 -t UTF-8`
store-binary-file-hint = los archivos del programa son texto plano: restáurelo desde git (`git checkout -- ARCHIVO`) o vuelva a escribirlo
store-not-utf8 = el archivo no está en UTF-8: el byte { $bytes } no se puede leer
store-not-utf8-hint = parece { $encoding ->
        [unknown] una codificación desconocida
       *[other] { $encoding }
    }: guárdelo como UTF-8 en su editor, o conviértalo con `iconv -f { $from } -t UTF-8 ARCHIVO > ARCHIVO.new && mv ARCHIVO.new ARCHIVO`
store-unreadable-file = no se puede leer el archivo ({ $error })
store-unreadable-file-hint = compruebe que el archivo existe y que tiene permiso para leerlo

## Sintaxis
store-toml-syntax = TOML no válido ({ $message })
store-toml-syntax-hint-string = puede que a una cadena le falten las comillas de cierre; el texto va entre "comillas dobles", el texto largo entre """comillas triples"""
store-toml-syntax-hint-equals = cada línea asigna una clave: clave = valor
store-toml-syntax-hint-duplicate = una clave solo puede aparecer una vez en una tabla; elimine o cambie el nombre de una de ellas
store-toml-syntax-hint = corrija la sintaxis TOML; las cadenas van entre comillas, las tablas `[nombre]` y las listas `[a, b]`

## Claves que faltan
store-missing-key = falta la clave obligatoria `{ $key }`
store-missing-key-hint = añada una línea `{ $key } = …`
store-missing-key-in = falta la clave obligatoria `{ $key }` en `{ $table }`
store-missing-key-in-hint = añada una línea `{ $key } = …` en `{ $table }`
store-missing-keys = faltan las claves obligatorias { $others } y `{ $last }`
store-missing-keys-hint = añada una línea `clave = …` para cada una
store-missing-keys-in = faltan las claves obligatorias { $others } y `{ $last }` en `{ $table }`
store-missing-keys-in-hint = añada una línea `clave = …` para cada una en `{ $table }`

## Valores
store-unknown-value = `{ $word }` no es un valor válido de { $key }
store-unknown-value-hint = `{ $key }` es uno de: { $choices }
store-unknown-value-hint-meant = ¿quiso decir `{ $best }`? `{ $key }` es uno de: { $choices }
store-invalid-date = `{ $path }` no es una fecha válida: `{ $date }`
store-invalid-date-hint = escriba un día que exista como AAAA-MM-DD, p. ej. { $key } = "2021-03-15"
store-out-of-range = `{ $path }` no puede ser { $number } (se esperaba { $expected })
store-wrong-type = `{ $path }` debería ser { $expected }, no { $found }
store-progress-above = el avance es { $value } %, pero no puede ser mayor que 100 %
store-progress-below = el avance es { $value } %, pero no puede ser menor que 0 %
store-progress-hint = el avance es un porcentaje: un número entero de 0 a 100
store-too-many-errors = la lectura se detuvo tras { $count } intentos; puede haber más errores
store-too-many-errors-hint = corrija los errores anteriores y vuelva a comprobar
store-unknown-country = `{ $text }` no es un país
store-unknown-country-hint-meant = ¿quiso decir { $country }? los archivos guardan su código ISO 3166-1: { $line }
store-unknown-country-hint = escriba el código ISO 3166-1 del país, o su nombre en español o en inglés: { $line } para { $country }
store-empty-country-hint = escriba el código ISO 3166-1 del país: { $line }

## Lo que debería ser un valor, y lo que se encontró
store-expected-percent = un número entero de 0 a 100
store-expected-one-of = uno de { $words }
store-expected-number = un número entero
store-expected-text = un texto entre comillas
store-expected-list = una lista `[…]`
store-expected-table = una tabla
store-expected-boolean = true o false
store-expected-date = una fecha como 2021-03-15
store-found-text = el texto { $text }
store-found-number = el número { $number }
store-found-list = una lista
store-found-table = una tabla
store-found-boolean = el valor booleano `{ $value }`
store-hint-word = escriba una de las palabras entre comillas: { $key } = "{ $first }"
store-hint-number = escriba el número sin comillas: { $key } = 50
store-hint-text = escriba el texto entre comillas dobles: { $key } = "…"
store-hint-list = escriba una lista entre corchetes: { $key } = ["…", "…"]
store-hint-date = escriba la fecha como AAAA-MM-DD: { $key } = "2021-03-15"

## Ediciones
store-code-changed = este es el archivo de { $code }, pero dice `code = "{ $written }"`
store-code-changed-hint = el código de una actividad da nombre a su archivo; para empezar otra actividad use `programa new`

## Conflictos de fusión
store-merge-conflict = conflicto de fusión sin resolver: { $summary }
store-merge-conflict-hint = conserve la versión de { $ours } o la de { $theirs } y borre las líneas de marcas (o ejecute `programa edit` sobre la actividad), y luego `git add { $file }`
store-conflict-ours = nuestro lado (ours)
store-conflict-theirs = su lado (theirs)
store-conflict-lines = las líneas difieren entre { $ours } y { $theirs }
store-conflict-value = { $value } en { $side }
store-conflict-absent = no está en { $side }
store-conflict-key = `{ $key }` es { $ours } y { $theirs }

## Lo que impide leer o escribir el programa
store-not-found = no se encontró ningún programa en { $dir } ni en las carpetas superiores
store-no-years = { $dir } no contiene carpetas de años
store-no-such-year = no hay programa para { $year } (años encontrados: { $found })
store-no-folder = no se puede escribir { $path }: la carpeta { $folder } no existe
store-exists = { $path } ya existe
store-busy = otra instancia de programa sigue escribiendo { $holder } después de { $seconds } s; no se escribió nada
store-bad-timeout = { $var }={ $value } no es un número de segundos
# $action es el tipo de operación; $words, lo mismo en inglés, para cualquier otra.
store-io = { $action ->
        [read] no se puede leer
        [write] no se puede escribir
        [write-in] no se puede escribir en
        [create] no se puede crear
        [copy] no se puede copiar
        [remove] no se puede eliminar
        [replace] no se puede reemplazar
        [open-the-lock] no se puede abrir el bloqueo
        [take-the-lock] no se puede tomar el bloqueo
        [use-the-terminal] no se puede usar la terminal
       *[other] { $words }
    } { $path }: { $error }

## Ediciones rechazadas
store-not-assignment = `{ $text }` no tiene la forma CLAVE=VALOR
store-not-assignment-hint = escriba cada cambio como CLAVE=VALOR, por ejemplo `status=completed`
store-edit-unknown-key = clave desconocida `{ $key }`
store-did-you-mean-key = ¿quiso decir `{ $key }`?
store-settable-keys = claves que se pueden asignar: { $keys }
store-not-settable = `{ $key }` no se puede asignar de esta forma
store-not-settable-code = el código de una actividad da nombre a su archivo y no puede cambiar; cree otra actividad con `programa new`
store-not-settable-participants = añada participantes con `programa participant add`
store-not-settable-notes = añada notas de avance con `programa note`
store-not-settable-other = edite los textos, las listas y las tablas con `programa edit CÓDIGO`
store-invalid-value = valor no válido para `{ $key }`: { $reason }
store-lists-only = `{ $sign }=` solo funciona con listas ({ $lists }); use `{ $key }=VALOR`
store-empty-item = el elemento está vacío
store-not-a-list = el archivo no contiene una lista en ese lugar; corríjalo con `programa edit`
store-needs-title = una actividad necesita un título
store-repeated = `{ $key }` aparece más de una vez
store-not-in-list = `{ $item }` no está en { $key } ({ $present })
store-unknown-activity = no existe la actividad { $code }
store-unknown-activity-hint = los códigos de actividad tienen la forma I.1.1; `programa list` los muestra
store-did-you-mean-code = ¿quiso decir { $code }?
store-unknown-project = no existe el proyecto { $project } en el programa
store-projects-are = los proyectos son { $known }
store-edit-unreadable = no se puede leer { $file }
store-edit-unreadable-hint = ejecute `programa check` para ver todos los problemas, y corrija el archivo con `programa edit`
store-edit-conflict-hint = el archivo tiene un conflicto de fusión sin resolver: conserve una versión de cada parte, borre las líneas de marcas (o use `programa edit`), y luego haga `git add` del archivo
store-edit-invalid = el cambio dejaría { $file } no válido; no se escribió nada
store-serialize = no se puede escribir la actividad como TOML ({ $error })

store-not-one-of = `{ $word }` no es ninguno de estos valores: { $words }
store-format-or-none = { $reason }, o vacío (o `none`) para quitarla
store-not-a-percentage = `{ $value }` no es un porcentaje entero de 0 a 100
store-title-needed = una actividad necesita un título
store-editor-not-run = no se puede ejecutar el editor `{ $editor }` ({ $error })
store-editor-failed = el editor `{ $editor }` falló ({ $status })
store-no-such-item = no existe el elemento { $item }: la lista tiene { $count ->
        [0] ninguno
        [one] 1
       *[other] { $count }
    }
store-not-a-date = fecha no válida `{ $value }` (se espera AAAA-MM-DD, un día que exista)

## The journal of changes (undo, redo)
store-journal-nothing-to-undo = no hay ningún cambio que deshacer
store-journal-nothing-to-redo = no hay ningún cambio deshecho que rehacer
store-journal-changed-since = { $path } cambió después de «{ $change }»: no se deshizo ni rehízo nada
store-journal-unreadable = no se puede leer el archivo del registro { $path }
