#!/usr/bin/env bash
# `edgegen graph`: the exit codes and errors of the route map, its sources
# (work tree, --ref, --staged) and the same bytes on every run.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
cd "$ROOT/examples"

# One environment: no --env needed; Mermaid by default, DOT on request.
expect 0 "$EDGEGEN" graph platform
[ "$(head -1 "$WORK/stdout")" = "flowchart LR" ] || fail "not a Mermaid flowchart: $(head -3 "$WORK/stdout")"
grep -qF '  h_status_platform_example_com --> r_team_c_status' "$WORK/stdout" || fail "$(cat "$WORK/stdout")"
grep -qF '  r_team_c_status -->|1| m_secure_headers' "$WORK/stdout" || fail "$(cat "$WORK/stdout")"
grep -qF '  r_team_c_status -->|2| m_compress' "$WORK/stdout" || fail "$(cat "$WORK/stdout")"
[ ! -s "$WORK/stderr" ] || fail "graph printed on stderr: $(cat "$WORK/stderr")"
cp "$WORK/stdout" "$WORK/first"
expect 0 "$EDGEGEN" graph platform --env prod
cmp "$WORK/first" "$WORK/stdout" || fail "--env prod draws another map than the only environment"
expect 0 "$EDGEGEN" graph platform --format dot
[ "$(head -1 "$WORK/stdout")" = "digraph routes {" ] || fail "not a DOT digraph: $(head -3 "$WORK/stdout")"
grep -qF '  r_team_c_status -> m_compress [label="2"];' "$WORK/stdout" || fail "$(cat "$WORK/stdout")"

# Several environments: --env is required, as for route (exit 2).
expect 2 "$EDGEGEN" graph product
same_file 'edgegen: error: several environments: name one with --env (environments: dev, prod)' "$WORK/stderr"
[ ! -s "$WORK/stdout" ] || fail "graph printed a map without an environment"
expect 2 "$EDGEGEN" graph product --env staging
same_file 'edgegen: error: unknown environment "staging" (environments: dev, prod)' "$WORK/stderr"
expect 2 "$EDGEGEN" graph product --env dev --format svg
grep -qF -- '--format: svg not in {mermaid,dot}' "$WORK/stderr" || fail "$(cat "$WORK/stderr")"

# Invalid input: the diagnostics as validate prints them, exit 1, no map.
cp -r platform "$WORK/broken"
sed -i 's/      service: hooks/      service: hookz/' "$WORK/broken/projects/team-c.yaml"
expect 1 "$EDGEGEN" validate "$WORK/broken"
cp "$WORK/stderr" "$WORK/validate.err"
expect 1 "$EDGEGEN" graph "$WORK/broken"
[ ! -s "$WORK/stdout" ] || fail "graph printed a map of an invalid input: $(cat "$WORK/stdout")"
diff -u "$WORK/validate.err" "$WORK/stderr" || fail "graph reports otherwise than validate"
grep -qF 'E04' "$WORK/stderr" || fail "no diagnostic: $(cat "$WORK/stderr")"

# --ref and --staged read Git; the work tree's change shows only without them.
new_repo "$WORK/repo"
sed -i 's/      middlewares: \[rate-limit\]/      middlewares: [compress, rate-limit]/' "$WORK/repo/edge/projects/team-c.yaml"
sed -i 's/service: team-c-hooks, middlewares: \[rate-limit\]/service: team-c-hooks, middlewares: [compress, rate-limit]/' \
  "$WORK/repo/edge/route-tests.yaml"
expect 0 "$EDGEGEN" graph "$WORK/repo/edge"
grep -qF '  r_team_c_hooks -->|1| m_compress' "$WORK/stdout" || fail "work tree: $(cat "$WORK/stdout")"
expect 0 "$EDGEGEN" graph "$WORK/repo/edge" --ref v1
grep -qF '  r_team_c_hooks -->|1| m_rate_limit' "$WORK/stdout" || fail "--ref v1: $(cat "$WORK/stdout")"
expect 0 "$EDGEGEN" graph "$WORK/repo/edge" --staged
grep -qF '  r_team_c_hooks -->|1| m_rate_limit' "$WORK/stdout" || fail "--staged: $(cat "$WORK/stdout")"
git -C "$WORK/repo" add -A
expect 0 "$EDGEGEN" graph "$WORK/repo/edge" --staged
grep -qF '  r_team_c_hooks -->|1| m_compress' "$WORK/stdout" || fail "--staged after add: $(cat "$WORK/stdout")"
echo "graph command: ok"
