# Lo que dicen history, log, diff y blame de git y de los cambios.
