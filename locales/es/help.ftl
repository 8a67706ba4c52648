# La ayuda de las órdenes y sus opciones (--help).
