# Los mensajes propios de la línea de órdenes: lo que imprimen las órdenes y sus errores.

cli-no-changes = { $code }: sin cambios
cli-saved = guardada
cli-waiting-for-writer = esperando a otro programa que escribe { $holder }…
cli-cannot-read-current-folder = no se puede leer la carpeta actual ({ $error })
