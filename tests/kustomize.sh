#!/usr/bin/env bash
# Builds every Kustomize directory rendered from examples/NAME (or from the
# directory given as third argument) with `kubectl kustomize`, which must
# succeed; checks that each directory lists every file it holds, that
# every built object carries edgegen's labels, and that the Flux and ArgoCD
# objects apply every directory. Exits 77 (reported by CTest as skipped,
# with this message) when kubectl is missing or its Kustomize is too old.
source "$(dirname "$0")/lib.sh"
name="$2"
source_dir="${3:-$ROOT/examples/$name}"

kubectl="$(command -v kubectl || true)"
if [ -z "$kubectl" ]; then
  echo "SKIPPED: kubectl not found; install kubectl >= 1.22 (Kustomize >= 4.1 built in), e.g. from pkgs.k8s.io"
  exit 77
fi
# `labels:` in kustomization.yaml needs Kustomize 4.1 or newer. Debian
# bookworm's kubernetes-client (1.20) bundles Kustomize 2.0.3.
version="$("$kubectl" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\{0,1\}//p')"
major="${version%%.*}"
minor="${version#*.}"; minor="${minor%%.*}"
if [ -z "$version" ] || [ "$major" -lt 4 ] || { [ "$major" = 4 ] && [ "$minor" -lt 1 ]; }; then
  echo "SKIPPED: $kubectl has Kustomize '${version:-unknown}', older than 4.1; install kubectl >= 1.22, e.g. from pkgs.k8s.io"
  exit 77
fi

"$EDGEGEN" render "$source_dir" --out "$WORK/out" >/dev/null
cd "$WORK/out"
mapfile -t dirs < <(find . -name kustomization.yaml -printf '%h\n' | sed 's|^\./||' | sort)
[ "${#dirs[@]}" -gt 0 ] || fail "no kustomization.yaml rendered from $source_dir"
for dir in "${dirs[@]}"; do
  for file in "$dir"/*.yaml; do
    base="$(basename "$file")"
    [ "$base" = kustomization.yaml ] || grep -qxF "  - $base" "$dir/kustomization.yaml" \
      || fail "$dir/kustomization.yaml does not list $base"
  done
  built="$("$kubectl" kustomize "$dir")" || fail "kubectl kustomize $dir failed"
  objects="$(grep -c '^kind: ' <<<"$built" || true)"
  labeled="$(grep -c '^    app.kubernetes.io/managed-by: edgegen$' <<<"$built" || true)"
  [ "$objects" = "$labeled" ] || fail "$dir: $objects objects, $labeled with app.kubernetes.io/managed-by"
  env="${dir%%/*}"
  for gitops in flux argocd; do
    if [ -f "$gitops/$env.yaml" ]; then
      grep -q "path: \(\./\)\{0,1\}\([^ ]*/\)\{0,1\}$dir\$" "$gitops/$env.yaml" || fail "$gitops/$env.yaml does not apply $dir"
    fi
  done
  echo "kubectl kustomize $dir: $objects objects"
done
