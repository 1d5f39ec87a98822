#!/usr/bin/env bash
# named-checkzone (BIND) accepts every zone file rendered from every example,
# with its integrity checks and name checks turned into failures.
source "$(dirname "$0")/lib.sh"
need named-checkzone bind9-utils
count=0
for example in "$ROOT"/examples/*/; do
  name="$(basename "$example")"
  "$EDGEGEN" render "$example" --out "$WORK/$name" >/dev/null
  while IFS= read -r zone; do
    origin="$(basename "$zone" .zone)"
    named-checkzone -q -k fail -i full -r fail "$origin" "$zone" \
      || fail "named-checkzone rejects $name/${zone#"$WORK/$name/"}: $(named-checkzone -k fail -i full "$origin" "$zone")"
    count=$((count + 1))
  done < <(find "$WORK/$name" -name '*.zone' | sort)
done
[ "$count" -gt 0 ] || fail "no example renders a zone file: nothing was checked"
echo "zones: $count accepted by named-checkzone"
