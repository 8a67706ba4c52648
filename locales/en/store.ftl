# Errors reading and writing programme files.
