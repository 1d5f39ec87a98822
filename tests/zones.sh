#!/usr/bin/env bash
# named-checkzone (BIND) accepts every zone file rendered from every example,
# with its integrity checks and name checks turned into failures, and reads
# the SOA edgegen meant: the primary is the first name server as written, the
# timers those of dns.soa (the platform example sets them) or the defaults.
source "$(dirname "$0")/lib.sh"
need named-checkzone bind9-utils

# "MNAME refresh retry expire minimum" of the SOA as BIND reads it.
soa_of() { named-checkzone -q -D -o - "$1" "$2" | awk '$4 == "SOA" { print $5, $8, $9, $10, $11 }'; }

# What examples/<name> asks for in zone <origin>.
expected_soa() {
  local timers="3600 900 1209600 300"
  [ "$1" != platform ] || timers="7200 1800 2419200 600" # examples/platform/edge.yaml, dns.soa
  [ "$2" != kanban.localhost ] || timers="3600 600 86400 60" # examples/kanban/environments.yaml, dev's dns.soa
  case "$2" in
    platform.example.com) echo "ns1.platform.example.com. $timers" ;; # nameServers: [ns1.${domain}, dns2.example.net]
    *) echo "ns.$2. $timers" ;;
  esac
}

count=0
for example in "$ROOT"/examples/*/; do
  name="$(basename "$example")"
  "$EDGEGEN" render "$example" --out "$WORK/$name" >/dev/null
  while IFS= read -r zone; do
    origin="$(basename "$zone" .zone)"
    named-checkzone -q -k fail -i full -r fail "$origin" "$zone" \
      || fail "named-checkzone rejects $name/${zone#"$WORK/$name/"}: $(named-checkzone -k fail -i full "$origin" "$zone")"
    soa="$(soa_of "$origin" "$zone")"
    [ "$soa" = "$(expected_soa "$name" "$origin")" ] \
      || fail "$name/${zone#"$WORK/$name/"}: BIND reads the SOA as \"$soa\", not \"$(expected_soa "$name" "$origin")\""
    count=$((count + 1))
  done < <(find "$WORK/$name" -name '*.zone' | sort)
done
[ "$count" -gt 0 ] || fail "no example renders a zone file: nothing was checked"
echo "zones: $count accepted by named-checkzone, each with the SOA it asks for"
