# Findings of check and their hints.
