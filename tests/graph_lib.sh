# Shared by tests/graph_*.sh. Sourced, after lib.sh.

# environments_of DIR: the environments of the desired state in DIR, one a
# line, as edgegen lists them when asked for one that no input can name.
environments_of() {
  local message
  message="$("$EDGEGEN" graph "$1" --env / 2>&1 >/dev/null || true)"
  case "$message" in
    *"(environments: "*) ;;
    *) fail "edgegen graph $1 --env / did not list the environments: $message" ;;
  esac
  message="${message##*(environments: }"
  message="${message%)}"
  echo "${message//, /$'\n'}"
}

# draw_all OUT_DIR [EXAMPLE...]: OUT_DIR/EXAMPLE/ENV.mmd and .dot for every
# environment of every example (all of them without arguments).
draw_all() {
  local out="$1" dir name env
  shift
  local names=("$@")
  if [ ${#names[@]} -eq 0 ]; then
    for dir in "$ROOT"/examples/*/; do
      names+=("$(basename "$dir")")
    done
  fi
  for name in "${names[@]}"; do
    mkdir -p "$out/$name"
    while IFS= read -r env; do
      "$EDGEGEN" graph "$ROOT/examples/$name" --env "$env" >"$out/$name/$env.mmd" ||
        fail "edgegen graph examples/$name --env $env failed"
      "$EDGEGEN" graph "$ROOT/examples/$name" --env "$env" --format dot >"$out/$name/$env.dot" ||
        fail "edgegen graph examples/$name --env $env --format dot failed"
    done < <(environments_of "$ROOT/examples/$name")
  done
}
