# La ayuda de las órdenes y sus opciones (--help), en español. La inglesa son los comentarios de
# documentación del código; cli/help.rs explica cómo se nombra cada mensaje y sus pruebas exigen
# que cada orden, argumento y valor tenga el suyo, con tantos párrafos como el inglés.
# Glosario: el de cli.ftl. Las órdenes, opciones, claves y nombres de archivo no se traducen.
# Las órdenes se describen en tercera persona ("Muestra…"); los argumentos, con un sintagma.

## Las palabras de clap
help-clap-usage = Uso
help-clap-commands = Órdenes
help-clap-arguments = Argumentos
help-clap-options = Opciones
help-clap-help = Muestra la ayuda
help-clap-help-more = Muestra la ayuda (--help la da completa)
help-clap-help-summary = Muestra la ayuda (-h da un resumen)
help-clap-version = Muestra la versión
help-clap-help-command = Muestra esta ayuda o la de la orden indicada
help-clap-default = predeterminado: { $value }
help-clap-possible-values = valores posibles: { $values }
help-clap-possible-values-heading = Valores posibles:

## Los errores de clap sobre una línea de órdenes que no entiende
help-clap-error-unknown-argument = argumento inesperado: '{ $arg }'
help-clap-error-unknown-command = orden desconocida: '{ $command }'
help-clap-error-value-required = '{ $arg }' necesita un valor y no se indicó ninguno
help-clap-error-invalid-value = valor no válido '{ $value }' para '{ $arg }'
help-clap-error-too-many-values = valor inesperado '{ $value }' para '{ $arg }': no se esperaban más
help-clap-error-missing-arguments = faltan estos argumentos obligatorios:
help-clap-error-missing-command = '{ $command }' necesita una orden y no se indicó ninguna
help-clap-error-repeated = el argumento '{ $arg }' no puede indicarse más de una vez
help-clap-error-conflict = el argumento '{ $arg }' no puede usarse junto con { $others }
help-clap-error-commands = órdenes: { $commands }
help-clap-error-similar-command = { $count ->
        [one] existe una orden parecida
       *[other] existen órdenes parecidas
    }: { $names }
help-clap-error-similar-argument = { $count ->
        [one] existe un argumento parecido
       *[other] existen argumentos parecidos
    }: { $names }
help-clap-error-similar-value = { $count ->
        [one] existe un valor parecido
       *[other] existen valores parecidos
    }: { $names }
help-clap-error-more = Para más información, pruebe '--help'.

## programa
help-programa = Lleva el programa de trabajo anual de un organismo como archivos TOML en git, y permite trabajar en él.
help-programa--root = La carpeta que contiene `programme/` [predeterminado: la carpeta más cercana que lo contenga, en la actual o por encima]
help-programa--year = El año del programa [predeterminado: el último año presente]
help-programa--color =
    Colorea la salida de diff, log, history, list y check: auto colorea en una terminal salvo que
    NO_COLOR esté definida
help-programa--color--auto = En una terminal, salvo que NO_COLOR esté definida.
help-programa--color--always = Siempre, también hacia una tubería.
help-programa--color--never = Nunca.

## init
help-init =
    Inicia un repositorio de programa: git, el esqueleto de un año, los controladores de git y los archivos de CI

    Convierte DIR en un repositorio git (`git init`, salvo que ya lo sea) que contiene
    `programme/YYYY/programme.toml` y una actividad de ejemplo comentada, que `programa check`
    acepta; configura los controladores de diff y de fusión como lo hace `programa git-setup`; y
    escribe un `.gitignore`, un README para el personal y los archivos de CI de GitHub Actions
    (`.github/workflows/programa.yml`, que también ejecuta Forgejo Actions) y de GitLab CI
    (`.gitlab-ci.yml`). Una carpeta que no está vacía se rechaza salvo con `--force`; aun así no
    se modifica ningún archivo existente: cada uno se conserva y se nombra. El primer año del
    programa es `--year`, o el año en curso.
help-init--dir = La carpeta [predeterminado: la actual, o --root]
help-init--organisation = Quién ejecuta el programa, como lo nombran los documentos
help-init--force = Agrega los archivos que faltan a una carpeta que no está vacía, conservando todos los que hay
help-init--ci-only = Solo escribe los archivos de CI, en el repositorio de DIR o superior, conservando los que existen

## import
help-import =
    Importa el documento del programa (markdown) a archivos TOML.

    Lee una conversión a markdown del documento del programa y escribe
    `programme/<YEAR>/programme.toml` y un `programme/<YEAR>/activities/<code>.toml` por
    actividad. El texto que el importador no sabe ubicar se informa como aviso, con su línea.
    .after = Ejemplo: programa import work-programme-2021.md --year 2021
help-import--file = El documento del programa, en markdown
help-import--force =
    Reemplaza los archivos del año si existen (se eliminan los archivos de actividades que no
    están en el documento; se conservan los Estados Miembros y la tabla `[iati]` de `programme.toml`)

## check
help-check =
    Revisa todos los archivos de un año e informa todas las observaciones.

    Lee `programme.toml` y cada archivo de actividad e informa cada problema: sintaxis TOML,
    tipos y valores incorrectos, claves que faltan o desconocidas, referencias a proyectos,
    programas y áreas que no existen, códigos duplicados o fuera de lugar, fechas y estados
    imposibles, notas al pie, totales de la presentación que las actividades contradicen y prosa
    que los documentos no pueden mostrar tal como está escrita (HTML sin procesar, anidamiento
    demasiado profundo; los comentarios HTML son notas). Las observaciones van a la salida
    estándar; el código de salida es 1 cuando hay un error y 0 en caso contrario, aun con avisos
    o notas.
help-check--format =
    Cómo mostrar las observaciones: text para personas, json para herramientas, github para
    anotaciones en GitHub Actions, gitlab para un informe de calidad de código de GitLab
help-check--format--text = `error[code]: mensaje` con la línea en cuestión, como un compilador.
help-check--format--json = un objeto JSON: año, resumen, totales y observaciones con líneas y columnas.
help-check--format--github = órdenes de flujo de trabajo de GitHub Actions (`::error file=…,line=…,col=…::…`), una por observación.
help-check--format--gitlab = un informe de calidad de código de GitLab (un arreglo JSON de incidencias).
help-check--fix =
    Escribe primero el código ISO 3166-1 de cada país escrito con su nombre (`Perú` pasa a ser
    `PE`), sin cambiar nada más en los archivos, y luego revisa
help-check--at =
    Revisa el programa tal como está en esta revisión de git (un commit, una rama, una etiqueta o
    una línea de base), leído de git sin tocar el árbol de trabajo; las observaciones nombran los
    archivos como están allí

## list
help-list =
    Lista las actividades de un año, filtradas.

    Los filtros se combinan: una actividad aparece cuando pasa todos los filtros indicados. Un
    filtro indicado más de una vez (o con comas, `--status planned,ongoing`) deja pasar
    cualquiera de sus valores. Las palabras de TEXT deben aparecer todas, sin distinguir
    mayúsculas, en el código, el título o la prosa de la actividad.

    `--since` y `--until` conservan una actividad cuando su período planificado (del inicio
    planificado al fin planificado) o su período real (del inicio real al fin real) comparte al
    menos un día con los días de `--since` a `--until`, ambos incluidos. Un período con una sola
    de sus fechas es ese día; una actividad sin ninguna fecha queda fuera.
help-list--area = Solo las actividades de esta área (`I`, `II`…)
help-list--project = Solo las actividades de este proyecto (`I.1`, `II.3`…)
help-list--status = Solo las actividades con este estado
help-list--format = Solo los eventos realizados en esta modalidad
help-list--kind = Solo las actividades de este tipo
help-list--overdue =
    Solo las actividades cuyo fin planificado es anterior a hoy y que no están completadas ni
    canceladas
help-list--since = Solo las actividades cuyo período planificado o real llega a este día (YYYY-MM-DD) o después
help-list--until = Solo las actividades cuyo período planificado o real comienza este día (YYYY-MM-DD) o antes
help-list--sort =
    Ordena por code, status, progress, planned_start, planned_end, actual_end o title; las
    actividades sin esa fecha van al final, y los empates, por orden de código
help-list--reverse = Invierte el orden (las actividades sin la fecha siguen al final)
help-list--json =
    Imprime un arreglo JSON de las actividades, con los nombres de campo de los archivos (y
    `conflict` para aquella cuyo archivo tiene un conflicto de fusión sin resolver)
help-list--csv =
    Imprime CSV con una fila de encabezado: una fila por actividad, los campos de seguimiento y
    el lugar de un conflicto de fusión sin resolver
help-list--text = Palabras o "frases entre comillas" que deben aparecer todas en el código, el título o la prosa

## show
help-show = Muestra una actividad: su lugar en el programa, cómo avanza y sus secciones A–D.
help-show--code = El código de la actividad, `I.1.1`
help-show--json =
    Imprime la actividad como JSON, con los nombres de campo del archivo (y `conflict` cuando su
    archivo tiene un conflicto de fusión sin resolver)

## stats
help-stats =
    Cuenta las actividades como lo hace la presentación ("8 estudios · 24 eventos"), por estado y
    por área, programa y proyecto; cuántas están completadas, del total y de las planificadas para
    terminar hasta hoy; y los participantes, los países de los que vinieron (cada uno contado una
    vez, aparte los Estados Miembros) y sus organizaciones (por nombre y país).
help-stats--json = Imprime las cifras como JSON

## set
help-set =
    Cambia campos de una actividad: estado, avance, fechas, modalidad…

    `programa set I.1.1 status=completed progress=100 actual_end=2021-06-15`

    Cada valor se verifica antes de escribir nada, y todos los cambios de una llamada se hacen
    juntos o no se hace ninguno. Solo se tocan las líneas que cambian: los comentarios y la
    disposición se mantienen.

    Claves: title, contents_title, kind (event, study, other), format (face-to-face, virtual,
    hybrid), format_note, status (planned, ongoing, completed, postponed, cancelled), progress
    (0–100), planned_start, planned_end, actual_start, actual_end (YYYY-MM-DD), venue, account (la
    reseña breve de lo logrado, para el informe de seguimiento), audience, partners (separados por
    comas). Un valor vacío (`venue=`, o `format=none`) elimina una clave optativa;
    `partners+=NOMBRE` y `partners-=NOMBRE` agregan o quitan un organismo asociado.
help-set--code = El código de la actividad, por ejemplo I.1.1
help-set--changes = Los cambios, cada uno KEY=VALUE (o partners+=NOMBRE, partners-=NOMBRE)

## participant
help-participant = Gestiona los participantes de una actividad.
help-participant-add = Agrega un participante a una actividad.
help-participant-add--code = El código de la actividad, por ejemplo I.1.1
help-participant-add--organisation = La organización de la que proviene
help-participant-add--organisation-id =
    El identificador de la organización (un identificador de organización IATI, o su propio
    código): una misma organización cuyo nombre se escribe de varias maneras
help-participant-add--country =
    El país que representa, o el de su organización: su código ISO 3166-1 o su nombre en inglés
    o en español (PE, Peru, Perú); el archivo guarda el código
help-participant-add--role = Su papel en la actividad
help-participant-add--name = El nombre de la persona, cuando se registra

## note
help-note =
    Agrega una nota de avance fechada a una actividad, después de las que tiene.

    `note list CODE` numera las notas por fecha, como las imprime `show`; `note edit CODE N` y
    `note remove CODE N` toman esos números (o la fecha de la nota, cuando solo una la tiene).
help-note--code = El código de la actividad, por ejemplo I.1.1
help-note--text = Lo que ocurrió (markdown)
help-note--date = La fecha de la nota [predeterminado: hoy, o $PROGRAMA_TODAY cuando está definida]

## new
help-new =
    Crea una actividad con el siguiente código libre de un proyecto.

    El código es uno más que el más alto del proyecto: después de I.1.4 e I.1.6 viene I.1.7. Los
    huecos no se llenan, ya que un código usado una vez sigue vivo en el historial y en los
    informes anteriores. La nueva actividad queda planificada, al 0 %; complétela con
    `programa set` y `programa edit`.
help-new--project = El proyecto al que pertenece, por ejemplo I.1
help-new--title = Su título
help-new--kind = Qué tipo de trabajo es
help-new--format = La modalidad de un evento

## new-year
help-new-year =
    Inicia el programa del año siguiente a partir del de este año

    Escribe `programme/YYYY/` a partir del año indicado con `--from`: conserva la jerarquía
    (áreas, programas, proyectos) y los datos del organismo; traslada las actividades que no
    están completadas ni canceladas (o exactamente las indicadas con `--carry`), cada una con su
    código, sus secciones A–D y `previous = "FROM/CODE"`, planificada al 0 % con sus fechas
    planificadas trasladadas al nuevo año, y sin participantes, notas, productos ni fechas
    reales; y, como capítulo de antecedentes del nuevo documento, un borrador de la ejecución del
    año anterior a partir de sus cifras. La presentación y los códigos de registro quedan para el
    nuevo documento. `history` y `log` siguen `previous` hacia los años anteriores.
help-new-year--new-year = El nuevo año
help-new-year--from = El año de partida [predeterminado: el año anterior]
help-new-year--carry = Traslada exactamente estas actividades [predeterminado: las que no están completadas ni canceladas]

## edit
help-edit =
    Abre el archivo de una actividad en su editor, y lo guarda solo si es válido.

    El editor es `$VISUAL`, si no `$EDITOR`, si no `vi`; puede llevar argumentos
    (`EDITOR="code --wait"`). Trabaja sobre una copia: al cerrar el editor, se lee la copia y se
    valida el programa con ella, y solo entonces reemplaza al archivo. Cuando la copia tiene
    errores, se muestran y puede volver al editor; si no lo hace (o no hay terminal donde
    preguntar), el archivo queda como estaba y su texto se guarda en un archivo cuya ruta se
    imprime. También puede abrirse un archivo que no se puede analizar, para corregirlo. Si otra
    persona modifica el archivo mientras usted edita, su texto no se guarda encima, sino en un
    archivo que también se nombra.
help-edit--code = El código de la actividad, por ejemplo I.1.1

## schema
help-schema =
    Imprime o escribe los esquemas JSON de los formatos de archivo, para editores y otras herramientas.

    Sin argumento se imprimen ambos esquemas, un documento JSON tras otro (`jq` lee un flujo
    así). Los editores que usan taplo (Even Better TOML) toman los archivos escritos a través de
    `.taplo.toml`, o de una línea `#:schema ./schema/activity.schema.json` al principio de un
    archivo.
help-schema--which = Solo el esquema de este tipo de archivo
help-schema--which--programme = `programme/<year>/programme.toml`
help-schema--which--activity = `programme/<year>/activities/<code>.toml`
help-schema--write = Escribe `programme.schema.json` y `activity.schema.json` en DIR en lugar de imprimirlos

## tui
help-tui =
    Abre la interfaz de pantalla completa: recorra, filtre y actualice el programa.

    A la izquierda, un árbol de áreas, programas, proyectos y actividades; a la derecha, la
    actividad seleccionada. `?` lista todas las teclas; `q` sale. Cada cambio se escribe en su
    archivo en el momento en que se hace. En un repositorio git, `2` muestra el historial de la
    actividad seleccionada, `3` los cambios sin commit y `c` hace commit de ellos con un mensaje
    que dice qué cambió. Las teclas pueden reasignarse en
    `$XDG_CONFIG_HOME/programa/keys.toml` (o `~/.config/programa/keys.toml`): una tabla `[keys]`
    de `command = "key"` o `command = ["key", …]`, por ejemplo `add_note = "m"`; `?` muestra los
    nombres de las órdenes. Defina `NO_COLOR` para una interfaz sin colores.

## commit
help-commit =
    Hace commit de los archivos del programa que cambiaron, con un mensaje que dice qué cambió

    Solo se incluyen los archivos que programa gestiona: `programme/<year>/programme.toml` y
    `programme/<year>/activities/*.toml`. Los demás archivos bajo `programme/` se nombran como no
    incluidos, y todo lo demás del repositorio queda como está, preparado o no. El commit lo hace
    `git commit`, de modo que se ejecutan los hooks del repositorio, se respeta `commit.gpgsign` y
    la identidad es la de git (primero GIT_AUTHOR_* y GIT_COMMITTER_*, luego la configuración).
    Durante una fusión, la concluye; durante un rebase, cherry-pick, revert o bisección, se niega
    y dice qué ejecutar. Se niega mientras el programa tenga errores. Sin `-m`, el mensaje dice
    qué cambió en cada actividad.
help-commit--message = El mensaje del commit [predeterminado: uno que dice qué cambió]

## sync
help-sync =
    Comparte el programa: trae los cambios, fusiona la rama de origen campo por campo y los envía

    Trae la rama de origen (upstream) de la rama actual (`git fetch`, con sus propios remotos,
    credenciales y configuración de SSH), fusiona lo recibido con el controlador de fusión de
    `programa git-setup` (o hace rebase sobre ello cuando `pull.rebase` o
    `branch.<name>.rebase` lo indican) y envía el resultado (`git push`). Cuando un campo se
    cambió de forma distinta en ambos lados, se detiene antes de enviar nada y lista cada
    actividad y campo en conflicto: resuélvalos, haga `programa commit` (o
    `git rebase --continue`) y vuelva a sincronizar. Tampoco se envía un programa fusionado en el
    que `check` encuentra errores.
help-sync--no-push = Trae y fusiona, pero no envía nada

## log
help-log =
    Muestra el historial del programa como cambios por actividad

    Por commit, lo que cambió en cada actividad (transiciones de estado, avance, participantes,
    campos; actividades creadas, eliminadas, renombradas), con el commit, su autor y su fecha.
    Los commits hechos con git directamente cuentan igual. Hasta HEAD, o como git lee un rango:
    `main..review` los commits de review que no están en main (lo que lee una revisión de la
    rama), `A...B` los que están en uno y no en ambos, `REV` los que llegan hasta REV.
help-log--what =
    El código de una actividad (solo sus cambios, seguidos a través de los cambios de nombre), un
    rango (`A..B`, `A...B`) o una revisión; o ambos, un rango y un código
help-log--since = Solo los commits hechos este día o después
help-log--until = Solo los commits hechos este día o antes
help-log--author = Solo los commits de este autor (parte del nombre o del correo, sin distinguir mayúsculas)
help-log--json = Imprime JSON para herramientas (los más recientes primero, como el texto)

## history
help-history =
    Muestra la trayectoria de una actividad, obtenida del historial de git

    Cuándo llegó a cada estado y quién la movió, el avance en el tiempo, los participantes a
    medida que se agregaron.
help-history--code = El código de la actividad, `I.1.1`
help-history--json = Imprime JSON para herramientas

## diff
help-diff =
    Muestra qué cambió entre dos estados del programa, por actividad y campo

    Valores antiguos → nuevos, elementos de listas agregados, eliminados o reformulados, la prosa
    como diferencias de palabras. Sin revisión: el árbol de trabajo frente a HEAD; con una: esa
    revisión frente al árbol de trabajo; con dos (o `A..B`): la primera frente a la segunda;
    `A...B`: desde donde B se separó de A (su base de fusión) hasta B, lo que muestra una pull
    request.
help-diff--revs = Revisiones: commits, ramas, etiquetas, líneas de base (`approved-2021`), `A..B`, `A...B`
help-diff--context = Palabras de contexto que se conservan alrededor de cada cambio en la prosa
help-diff--format =
    Cómo mostrar los cambios: text para personas, json para herramientas, markdown para el
    comentario de revisión de una pull o merge request
help-diff--format--text = Por actividad, antiguo → nuevo, la prosa como diferencias de palabras.
help-diff--format--json = Un objeto JSON: los estados comparados y cada cambio.
help-diff--format--markdown =
    Un comentario en markdown: por actividad, una tabla de campos antes → después, participantes,
    notas.
help-diff--json = Imprime JSON para herramientas (lo mismo que `--format json`)

## blame
help-blame =
    Muestra quién fijó por última vez cada campo de una actividad, y en qué commit

    Para cada campo, objetivo, resultado esperado, organismo asociado, participante, nota,
    producto y nota al pie: el commit que lo fijó por última vez, su fecha y su autor, según el
    historial de la actividad (seguido a través de los cambios de nombre). Los cambios aún sin
    commit lo indican.
help-blame--code = El código de la actividad, `I.1.1`
help-blame--json = Imprime JSON para herramientas

## translate
help-translate =
    Fija la traducción de campos de una actividad o del archivo del programa.

    Cada FIELD=TEXT escribe TEXT como la traducción de FIELD al idioma, registrando el texto que
    traduce, para que `check` advierta cuando ese texto cambie. Los elementos de una lista se
    traducen uno por uno, como `objectives.2=TEXT`; `FIELD=-` lee el texto de la entrada
    estándar; `FIELD=` (sin nada) quita la traducción. `--confirm FIELD` registra que una
    traducción sigue diciendo lo que dice el texto cambiado, sin reescribirla.
help-translate--target = El código de la actividad, por ejemplo I.1.1, o `programme` para el archivo del programa
help-translate--lang = El idioma al que se traduce [predeterminado: el primer idioma que no es el del programa]
help-translate--confirm = Registra que la traducción actual de FIELD sigue valiendo para su texto cambiado
help-translate--assignments = FIELD=TEXT: `title=…`, `background=-`, `objectives.1=…`, `areas/I/title=…`

## translations
help-translations =
    Muestra cuánto del programa está traducido; exporta e importa XLIFF para los traductores

    Sin suborden: para el archivo del programa y cada actividad, cuántos de sus campos con texto
    están traducidos al idioma, cuántas traducciones están desactualizadas (su texto cambió desde
    entonces) y la proporción de palabras traducidas.
help-translations--lang = El idioma [predeterminado: el primer idioma que no es el del programa]
help-translations--fields = Una línea por campo en lugar de por archivo
help-translations--json = Imprime JSON para herramientas: cada archivo y campo con su situación
help-translations-export =
    Escribe los campos que quedan por traducir como XLIFF 1.2, para una herramienta de traducción

    Una unidad por campo (por elemento, en una lista), cuyo id nombra el archivo y el campo
    (`I.1.1/title`, `I.1.1/objectives.2`, `programme/areas/I/summary`): los campos sin traducir,
    y los desactualizados con su traducción anterior marcada para revisión.
help-translations-export--lang = El idioma al que traducir [predeterminado: el primer idioma que no es el del programa]
help-translations-export--all = Todos los campos, también los traducidos (para revisión)
help-translations-export--output = Escribe en este archivo [predeterminado: la salida estándar]
help-translations-import =
    Escribe las traducciones de un archivo XLIFF 1.2 de vuelta en los archivos del programa

    Cada unidad con un destino pasa a ser la traducción de su campo. Se rechaza una unidad cuyo
    origen ya no es el texto del campo (cambió después de la exportación), así como una que nombra
    un campo que no existe; no cambia nada más en ningún archivo. El código de salida es 1 cuando
    se rechazó una unidad (las demás se escriben).
help-translations-import--file = El archivo XLIFF

## baseline
help-baseline = Marca planes aprobados (etiquetas anotadas `baseline/<name>`) y compara con ellos
help-baseline-set = Marca una revisión como el plan aprobado `NAME`
help-baseline-set--name = El nombre de la línea de base, `approved-2021`
help-baseline-set--rev = La revisión aprobada [predeterminado: HEAD]
help-baseline-set--message = El mensaje de la etiqueta [predeterminado: dice qué marca]
help-baseline-set--force = Mueve una línea de base existente con ese nombre
help-baseline-list = Lista las líneas de base: nombre, fecha, commit, quién la marcó
help-baseline-list--json = Imprime JSON para herramientas
help-baseline-diff =
    Qué cambió respecto de una línea de base: actividades agregadas, canceladas, aplazadas,
    cambios de modalidad, fechas movidas, objetivos cambiados, recuentos por estado
help-baseline-diff--name =
    El nombre de la línea de base, o una revisión (etiqueta, rama, commit) tomada como el plan
    aprobado
help-baseline-diff--rev = El estado comparado [predeterminado: el árbol de trabajo]
help-baseline-diff--json = Imprime JSON para herramientas (los planes, cada cambio y el resumen)

## git-setup, y las órdenes que git ejecuta
help-git-setup =
    Hace que `git diff` y las fusiones de git trabajen con los archivos del programa campo por campo

    Configura un controlador de diff y uno de fusión: líneas de `.gitattributes` para
    `programme/**/*.toml` (`diff=programa`, `merge=programa`) y opciones `diff.programa.*` y
    `merge.programa.*` en el .git/config del repositorio. `git diff` (y `git log -p --ext-diff`,
    `git show --ext-diff`) imprime entonces los campos de cada archivo del programa que cambió
    antes de su parche habitual, que `git apply` sigue aplicando; `git blame`,
    `git format-patch` y `git log -p` conservan las líneas propias del archivo. `git merge`,
    `git rebase`, `git cherry-pick` y similares fusionan los archivos del programa con
    `programa merge-file`. Ejecutarla de nuevo no cambia nada.
help-git-setup--command =
    La orden que git ejecuta para mostrar un archivo cambiado [predeterminado:
    `programa diff-driver` cuando este programa es el que está en PATH; si no, la ruta completa
    de este programa]
help-textconv = Imprime un archivo del programa como lo muestra el controlador de diff: un campo por línea.
help-textconv--file = El archivo (git pasa una copia temporal)
help-diff-driver = Muestra un archivo del programa cambiado para `git diff`: sus campos y luego su parche
help-diff-driver--args =
    Lo que git pasa a un controlador de diff externo: la ruta; el archivo antiguo, su id de blob
    y su modo; el archivo nuevo, su id de blob y su modo; en un cambio de nombre, la nueva ruta y
    las líneas de git sobre el cambio; en un archivo con conflictos de fusión, solo la ruta
help-merge-file =
    Fusiona tres versiones de un archivo del programa campo por campo, como controlador de fusión de git

    Git la ejecuta como `programa merge-file %O %A %B %L %P %S %X %Y`: el resultado reemplaza a
    OURS. Termina con 0 cuando todo se fusionó y con 1 cuando quedaron marcas de conflicto
    alrededor de las claves que recibieron dos valores distintos.
help-merge-file--base = La versión del ancestro común (%O de git)
help-merge-file--ours = La versión de la rama actual, que el resultado reemplaza (%A)
help-merge-file--theirs = La versión que se fusiona (%B)
help-merge-file--marker-size = La longitud de las marcas de conflicto (%L)
help-merge-file--path = La ruta del archivo en el repositorio (%P), que indica qué tipo de archivo es
help-merge-file--labels = Los nombres del ancestro, de la rama actual y del lado que se fusiona (%S %X %Y)

## compile
help-compile = Compila a PDF el documento del programa o el informe de seguimiento
help-compile-programme =
    El documento del programa: portada, índice, presentación, introducción, antecedentes y cada
    área, programa, proyecto y actividad con sus secciones y notas al pie
help-compile-programme--lang = El idioma de la edición: su texto donde está traducido (el resto en su propio idioma, señalado), los títulos, las etiquetas, los meses y los números
help-compile-programme--output = Dónde escribir el PDF [predeterminado: <document>-<year>-<lang>.pdf en la carpeta actual]
help-compile-programme--template =
    La plantilla de entrada que se usa en lugar de report-templates/<document>.typ; su carpeta es
    la única de la que la plantilla puede leer
help-compile-programme--emit =
    Escribe los archivos de la plantilla y los datos en DIR, con DIR/main.typ como entrada, de
    modo que `typst compile DIR/main.typ` produzca el mismo documento; no se escribe ningún PDF
help-compile-programme--watch = Vuelve a compilar cada vez que cambia un archivo del programa o una plantilla (se detiene con Ctrl-C)
help-compile-programme--draft =
    Compila aunque `programa check` encuentre errores: cada página se marca como BORRADOR y la
    portada da el número de observaciones (los valores fuera de los límites de tamaño se siguen
    rechazando)
help-compile-programme--time-limit = Detiene una compilación que dura más de esta cantidad de segundos (una plantilla que no termina)
help-compile-programme--date =
    La fecha del documento, en su portada y en los metadatos del PDF [predeterminado: para un
    informe con --at, el día de ese commit; si no, hoy, o $PROGRAMA_TODAY cuando está definida]
help-compile-report =
    El informe de seguimiento anual: la ejecución frente al plan aprobado, los cambios, un gráfico
    de actividades completadas mes a mes y un anexo de participantes
help-compile-report--lang = El idioma de la edición: su texto donde está traducido (el resto en su propio idioma, señalado), los títulos, las etiquetas, los meses y los números
help-compile-report--output = Dónde escribir el PDF [predeterminado: <document>-<year>-<lang>.pdf en la carpeta actual]
help-compile-report--template =
    La plantilla de entrada que se usa en lugar de report-templates/<document>.typ; su carpeta es
    la única de la que la plantilla puede leer
help-compile-report--emit =
    Escribe los archivos de la plantilla y los datos en DIR, con DIR/main.typ como entrada, de
    modo que `typst compile DIR/main.typ` produzca el mismo documento; no se escribe ningún PDF
help-compile-report--watch = Vuelve a compilar cada vez que cambia un archivo del programa o una plantilla (se detiene con Ctrl-C)
help-compile-report--draft =
    Compila aunque `programa check` encuentre errores: cada página se marca como BORRADOR y la
    portada da el número de observaciones (los valores fuera de los límites de tamaño se siguen
    rechazando)
help-compile-report--time-limit = Detiene una compilación que dura más de esta cantidad de segundos (una plantilla que no termina)
help-compile-report--date =
    La fecha del documento, en su portada y en los metadatos del PDF [predeterminado: para un
    informe con --at, el día de ese commit; si no, hoy, o $PROGRAMA_TODAY cuando está definida]
help-compile-report--baseline = El plan aprobado con el que comparar: una etiqueta o revisión de git [predeterminado: el plan tal como está]
help-compile-report--at =
    Informa sobre el plan tal como estaba en esta revisión de git (el informe se fecha entonces con
    ese commit) [predeterminado: los archivos tal como están]

## export
help-export = Exporta el programa del año: tablas CSV, los datos en JSON o un archivo de actividades IATI
help-export-csv =
    CSV con una fila de encabezado: una fila por actividad (los campos de lista como arreglos JSON
    en su celda), o una por participante
help-export-csv--output = Escribe en FILE en lugar de la salida estándar
help-export-csv--table =
    Qué tabla: activities (una fila por actividad) o participants (una fila por participante,
    después del código de su actividad)
help-export-csv--table--activities = Una fila por actividad.
help-export-csv--table--participants = Una fila por participante.
help-export-csv--bom = Comienza con una marca de orden de bytes, por la que Excel reconoce que el archivo es UTF-8
help-export-json =
    JSON: {"{"}"programme": {"{"}…{"}"}, "activities": […]{"}"}, con los nombres de campo de los
    archivos, como los describe `programa schema`
help-export-json--output = Escribe en FILE en lugar de la salida estándar
help-export-iati =
    Un archivo de actividades IATI (estándar 2.03), publicado por el organismo que nombra la tabla
    `[iati]` de programme.toml
help-export-iati--output = Escribe en FILE en lugar de la salida estándar

## completions
help-completions =
    Imprime un script con el que un shell completa las órdenes, las opciones y los códigos de programa

    El script completa órdenes y opciones, y también los códigos de actividades, áreas y
    proyectos y los valores de estado, leídos del programa de la carpeta actual (o de `--root`)
    con cada Tab.

    bash: `source <(programa completions bash)` en `~/.bashrc`
    zsh: `source <(programa completions zsh)` en `~/.zshrc`
    fish: `programa completions fish | source` en `~/.config/fish/config.fish`
    PowerShell: `programa completions powershell | Out-String | Invoke-Expression` en `$PROFILE`
help-completions--shell = El shell

## man
help-man =
    Imprime en roff la página de manual de programa, o la de una de sus órdenes

    La página lleva la fecha de hoy. `programa man | man -l -` lee la página de programa, que
    lista sus órdenes; `programa man show` o `programa man baseline create`, la página de una
    orden. Para instalarlas: `programa man > ~/.local/share/man/man1/programa.1`, y
    `programa-show.1` para `programa man show`. Las páginas se escriben en inglés.
help-man--command = La orden, y su suborden, cuya página imprimir [predeterminado: la de programa]

## participant list, remove, edit
help-participant-list = Lista los participantes de una actividad, numerados como los toman `remove` y `edit`
help-participant-list--code = El código de la actividad, por ejemplo I.1.1
help-participant-list--json = Imprime un arreglo JSON de los participantes, con los nombres de campo de los archivos
help-participant-remove = Quita un participante de una actividad
help-participant-remove--code = El código de la actividad, por ejemplo I.1.1
help-participant-remove--which = El participante: el número que muestra `participant list`, o su organización o su nombre
help-participant-edit = Corrige lo registrado de un participante: solo cambian los campos indicados
help-participant-edit--code = El código de la actividad, por ejemplo I.1.1
help-participant-edit--which = El participante: el número que muestra `participant list`, o su organización o su nombre
help-participant-edit--organisation = La organización de la que proviene
help-participant-edit--organisation-id = El identificador de la organización; vacío para quitarlo
help-participant-edit--country = El país: su código ISO 3166-1 o su nombre en inglés o en español
help-participant-edit--role = Su papel en la actividad
help-participant-edit--name = El nombre de la persona; vacío para quitarlo

## note list, edit, remove
help-note-list = Lista las notas de una actividad por fecha, numeradas como las toman `edit` y `remove`
help-note-list--code = El código de la actividad, por ejemplo I.1.1
help-note-list--json = Imprime un arreglo JSON de las notas, por fecha
help-note-edit = Corrige el texto o la fecha de una nota
help-note-edit--code = El código de la actividad, por ejemplo I.1.1
help-note-edit--which = La nota: el número que muestra `note list`, o su fecha cuando solo una nota la tiene
help-note-edit--text = El nuevo texto (markdown)
help-note-edit--date = La nueva fecha
help-note-remove = Quita una nota de una actividad
help-note-remove--code = El código de la actividad, por ejemplo I.1.1
help-note-remove--which = La nota: el número que muestra `note list`, o su fecha cuando solo una nota la tiene

## output
help-output = Registra, lista o quita los documentos y otros productos de una actividad
help-output-add = Registra un documento u otro producto de una actividad, después de los que tiene
help-output-add--code = El código de la actividad, por ejemplo I.1.1
help-output-add--title = El título del documento
help-output-add--document-code = La signatura del documento, por ejemplo `SP/CL/XLVI.O/DT N° 2-20`
help-output-add--date = Cuándo se publicó
help-output-add--url = Dónde puede leerse
help-output-list = Lista los productos de una actividad, numerados como los toma `remove`
help-output-list--code = El código de la actividad, por ejemplo I.1.1
help-output-list--json = Imprime un arreglo JSON de los productos, con los nombres de campo de los archivos
help-output-remove = Quita un producto de una actividad
help-output-remove--code = El código de la actividad, por ejemplo I.1.1
help-output-remove--which = El producto: el número que muestra `output list`, o su título o su signatura

## undo
help-undo =
    Deshace los últimos cambios que programa hizo en los archivos del programa.

    Cada cambio (set, note, participant, output, new, edit, translate, check --fix, import,
    restore…) se guarda en un registro fuera de git, los últimos 100. Un cambio se deshace solo
    si sus archivos siguen como los dejó; `programa redo` lo vuelve a hacer.
help-undo--count = Cuántos cambios deshacer
help-undo--list = Lista el registro en su lugar, el cambio más reciente primero

## redo
help-redo = Vuelve a hacer los cambios que `programa undo` deshizo, el último deshecho primero
help-redo--count = Cuántos cambios rehacer
