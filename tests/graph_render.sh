#!/usr/bin/env bash
# Every example's route map, every environment, drawn by real renderers:
# the Mermaid flowchart by the `mermaid` package (npm, pinned in
# tests/render/package-lock.json, installed by scripts/npm-deps) in headless
# Chromium, the DOT digraph by Graphviz's dot. Any parse or render error,
# and any warning of dot's, fails; so does a drawing that lost nodes. A
# deliberately broken diagram of each kind proves the check sees errors.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/graph_lib.sh"
need chromium chromium
need dot graphviz
need node nodejs
need npm npm
npm_dir="$("$ROOT/scripts/npm-deps" "$(dirname "$EDGEGEN")/npm/render")" || fail "scripts/npm-deps failed"
mermaid_js="$npm_dir/node_modules/mermaid/dist/mermaid.min.js"
[ -f "$mermaid_js" ] || fail "$mermaid_js is missing after scripts/npm-deps"

draw_all "$WORK/graphs"
# Text that Mermaid or DOT could read as syntax: a wildcard host, braces,
# a regexp, quotes, '#', '<', backticks and non-ASCII in a rule.
mkdir -p "$WORK/hostile" "$WORK/graphs/hostile"
cat >"$WORK/hostile/edge.yaml" <<'YAML'
apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: hostile}
spec:
  targets: [traefik]
  defaultIssuer: dns
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: dns}
spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: shop}
spec:
  services:
    web: {urls: ["http://10.0.0.1:80"]}
  routes:
    - {name: any, host: "*.shop.example.com", service: web}
    - name: odd
      rule: 'Host(`odd.example.com`) && PathRegexp(`^/v[0-9]{1,2}/#x&y`) && Header(`X-Q`, `a"b<é>\\ ☃ end`)'
      service: web
YAML
"$EDGEGEN" graph "$WORK/hostile" >"$WORK/graphs/hostile/default.mmd" || fail "edgegen graph of the hostile input failed"
"$EDGEGEN" graph "$WORK/hostile" --format dot >"$WORK/graphs/hostile/default.dot" || fail "edgegen graph --format dot of the hostile input failed"
cd "$WORK/graphs"
# The broken ones: an unclosed label, and an edge to nowhere.
printf 'flowchart LR\n  r_a["unclosed]:::router\n  r_a --> s_b\n' >broken.mmd
printf 'digraph routes {\n  r_a -> ;\n}\n' >broken.dot

# DOT: dot -Tsvg, silent and successful.
dot_count=0
for file in */*.dot broken.dot; do
  set +e
  dot -Tsvg "$file" -o "$WORK/drawing.svg" 2>"$WORK/dot.err"
  rc=$?
  set -e
  if [ "$file" = broken.dot ]; then
    [ "$rc" != 0 ] && [ -s "$WORK/dot.err" ] || fail "dot accepted the broken digraph"
    continue
  fi
  [ "$rc" = 0 ] && [ ! -s "$WORK/dot.err" ] || fail "dot -Tsvg $file (exit $rc): $(cat "$WORK/dot.err")"
  grep -q '<svg' "$WORK/drawing.svg" || fail "dot -Tsvg $file drew no SVG"
  dot_count=$((dot_count + 1))
done

# Mermaid: one page renders every diagram in turn and reports on each.
mkdir "$WORK/page" "$WORK/profile"
cp "$ROOT/tests/render/mermaid.html" "$WORK/page/"
ln -s "$mermaid_js" "$WORK/page/mermaid.min.js"
node -e '
const fs = require("fs");
const diagrams = process.argv.slice(1).map((name) => ({name, text: fs.readFileSync(name, "utf8")}));
// "<" escaped: no text can end the script element.
process.stdout.write("window.DIAGRAMS = " + JSON.stringify(diagrams).replace(/</g, "\\u003c") + ";\n");
' */*.mmd broken.mmd >"$WORK/page/diagrams.js"
set +e
timeout 240 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$WORK/profile" \
  --virtual-time-budget=120000 --dump-dom "file://$WORK/page/mermaid.html" >"$WORK/dom.html" 2>"$WORK/chromium.err"
rc=$?
set -e
[ "$rc" = 0 ] || fail "chromium exited $rc: $(tail -20 "$WORK/chromium.err")"
# The report, between <pre id="report"> and </pre>, entities decoded.
sed -n '/<pre id="report">/,/<\/pre>/p' "$WORK/dom.html" | sed -e 's/<pre id="report">//' -e 's/<\/pre>.*//' \
  -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g' >"$WORK/report"
grep -qx done "$WORK/report" || fail "the page did not finish rendering: $(head -c 2000 "$WORK/report")"
grep -q '^error broken.mmd: ' "$WORK/report" || fail "Mermaid accepted the broken diagram: $(grep broken "$WORK/report")"
failures="$(grep '^error ' "$WORK/report" | grep -v '^error broken.mmd: ' || true)"
[ -z "$failures" ] || fail "Mermaid refused diagrams:
$failures"
mermaid_count=0
for file in */*.mmd; do
  # One node per line of the form `  id["label"]:::class`.
  want="$(grep -c '^  [a-z]_[A-Za-z0-9_]*\["' "$file" || true)"
  grep -qx "ok $file nodes=$want" "$WORK/report" ||
    fail "$file: want $want nodes drawn, the page says: $(grep " $file" "$WORK/report" || echo nothing)"
  mermaid_count=$((mermaid_count + 1))
done
echo "graph render: $mermaid_count Mermaid diagrams rendered in Chromium, $dot_count DOT graphs by dot; the broken ones refused"
echo "broken Mermaid, as reported: $(grep '^error broken.mmd: ' "$WORK/report" | cut -c1-200)"
