# The help of commands and their options (--help).
