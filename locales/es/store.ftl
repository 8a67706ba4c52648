# Errores al leer y escribir los archivos del programa.
