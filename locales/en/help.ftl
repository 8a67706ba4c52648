# The help of commands and their options (--help): in English it is the doc comments of src/cli/,
# so this file holds no messages; the Spanish is locales/es/help.ftl (see src/cli/help.rs).
