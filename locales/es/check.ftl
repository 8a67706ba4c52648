# Los hallazgos de check y sus sugerencias.
