# Builds the release toolkit with its Swift runtime linked in, saying what it does and roughly how
# long it takes (the first build of a fresh clone is several minutes of compiling). Sourced.
#   release_build ROOT   → prints the folder holding `toolkit` and its resource bundles

release_build() {
  local root="$1"
  local log
  log="$(mktemp)"
  local bin_path
  bin_path="$(swift build -c release --static-swift-stdlib --package-path "$root" --show-bin-path 2>/dev/null)"
  if [ ! -x "$bin_path/toolkit" ]; then
    echo "Building the toolkit in release mode: the first build compiles every dependency and takes about" >&2
    echo "5 to 10 minutes on 2 cores; later builds only what changed." >&2
  else
    echo "Building the toolkit in release mode (only what changed)…" >&2
  fi
  local started=$SECONDS
  if ! swift build -c release --static-swift-stdlib --product toolkit --package-path "$root" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "error: building the toolkit failed" >&2
    return 2
  fi
  rm -f "$log"
  echo "Built in $((SECONDS - started)) s." >&2
  echo "$bin_path"
}
