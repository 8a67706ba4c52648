# Los mensajes propios de la línea de órdenes: lo que imprimen las órdenes y sus errores.

cli-no-changes = { $code }: sin cambios
cli-saved = guardada
cli-waiting-for-writer = esperando a otro programa que escribe { $holder }…
cli-cannot-read-current-folder = no se puede leer la carpeta actual ({ $error })

## Un año comprobado antes de salir de la herramienta (compile, export); `at` dice dónde se leyó.

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
