#!/usr/bin/env bash
# The code table (diag/codes*.cpp) is the one source of truth: the README's
# table is its Markdown, every code the sources report is in it, `explain`
# knows each one, and each has an error case under tests/errors/.
source "$(dirname "$0")/lib.sh"
"$EDGEGEN" explain --markdown >"$WORK/table.md"
sed -n '/^| code | meaning | example |$/,/^$/p' "$ROOT/README.md" | sed '/^$/d' >"$WORK/readme.md"
diff -u "$WORK/table.md" "$WORK/readme.md" \
  || fail "README's table of codes differs from \`edgegen explain --markdown\`; paste its output into README.md"

"$EDGEGEN" explain | cut -d' ' -f1 | sort >"$WORK/known"
[ "$(wc -l <"$WORK/known")" -gt 40 ] || fail "explain lists too few codes"
grep -rhoE '"[EW][0-9]{4}"' "$ROOT/compiler" --include='*.cpp' --exclude='*_test.cpp' --exclude='codes*.cpp' \
  | tr -d '"' | sort -u >"$WORK/used"
missing="$(comm -23 "$WORK/used" "$WORK/known")"
[ -z "$missing" ] || fail "codes used in compiler/ but missing from the code table: $missing"

# E0200 needs a broken build; unit tests cover it.
# E0112 and E0113 need Git trees that a directory cannot hold: tests/git_errors.sh asserts them;
# E0109, E0118 and E0307 need inputs too large or too odd to commit: tests/limits.sh asserts them.
cat "$ROOT"/tests/errors/*/expected | grep -oE '(error|warning)\[[EW][0-9]{4}\]' | grep -oE '[EW][0-9]{4}' \
  | sort -u >"$WORK/covered"
uncovered="$(comm -23 "$WORK/known" "$WORK/covered" | grep -vxE 'E0109|E0112|E0113|E0118|E0200|E0307' || true)"
[ -z "$uncovered" ] || fail "codes without an error case in tests/errors/: $uncovered"

while read -r code; do
  "$EDGEGEN" explain "$code" >"$WORK/explain" || fail "explain $code failed"
  grep -q "^$code (" "$WORK/explain" || fail "explain $code does not start with the code"
  grep -q '^Fix:$' "$WORK/explain" || fail "explain $code shows no fix"
done <"$WORK/known"
set +e
"$EDGEGEN" explain E9999 2>"$WORK/stderr"; rc=$?
set -e
[ "$rc" = 2 ] || fail "explain of an unknown code exits $rc, want 2"
grep -q 'unknown code "E9999"' "$WORK/stderr" || fail "unexpected message: $(cat "$WORK/stderr")"
echo "codes: $(wc -l <"$WORK/known") codes, all in README, explained and covered"
