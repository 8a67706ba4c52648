# La interfaz a pantalla completa: etiquetas, pestañas, formularios, teclas, ventanas y mensajes.

tui-draft-kept = programa: una copia editada que no se guardó queda en { $path }
