if command -v programa >/dev/null 2>&1; then
  echo "using $(programa --version)"
elif [ -n "$PROGRAMA_GIT" ]; then
  cargo install --locked --git "$PROGRAMA_GIT" programa
else
  cargo install --locked programa --version "$PROGRAMA_VERSION"
fi
