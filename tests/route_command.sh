#!/usr/bin/env bash
# `edgegen route`: where one request goes in the platform example, in text
# and JSON, and the errors of a request that cannot be routed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
cd "$ROOT/examples"

# The exact path outranks its host's catch-all, which it names as outranked.
expect 0 "$EDGEGEN" route platform https://status.platform.example.com/hooks/github
same_file 'GET https://status.platform.example.com/hooks/github on entry point websecure
router       team-c-hooks (priority 25013) at platform/projects/team-c.yaml:21:7
rule         Host(`status.platform.example.com`) && Path(`/hooks/github`)
middlewares  rate-limit
service      team-c-hooks: h2c://team-c-hooks:8081
also matched team-c-status (priority 20000) at platform/projects/team-c.yaml:18:7, outranked' "$WORK/stdout"
[ ! -s "$WORK/stderr" ] || fail "route printed on stderr: $(cat "$WORK/stderr")"

# A preview host of its own beats the wildcard, which takes the others.
expect 0 "$EDGEGEN" route platform https://billing.apps.example.com/ --format json
python3 - "$WORK/stdout" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
assert out["status"] == 200 and out["router"] == "team-b-preview", out
assert out["priority"] == 20000 and out["location"] == "platform/projects/team-b.yaml:27:7", out
assert out["servers"] == ["http://team-b-web:3000"], out
assert [m["router"] for m in out["matched"]] == ["team-c-previews"], out
PY
expect 0 "$EDGEGEN" route platform https://pr-7.apps.example.com/x --format json
grep -qF '"router": "team-c-previews"' "$WORK/stdout" || fail "wildcard: $(cat "$WORK/stdout")"

# Plain HTTP is redirected by the entry point; nothing else is 404.
expect 0 "$EDGEGEN" route platform http://status.platform.example.com/a?b=1 -X POST
same_file 'POST http://status.platform.example.com/a?b=1 on entry point web
redirected by entry point web to websecure: 308 https://status.platform.example.com/a?b=1' "$WORK/stdout"
expect 0 "$EDGEGEN" route platform https://unknown.example.org/ --format json
grep -qF '"status": 404' "$WORK/stdout" || fail "404: $(cat "$WORK/stdout")"
grep -qF '"router": null' "$WORK/stdout" || fail "404: $(cat "$WORK/stdout")"

# Where Traefik is the ACME client (the file provider), its own acme-http
# router takes HTTP-01 challenges before the entry point's redirection; with
# traefik-redis (the example) the certificate worker answers them elsewhere.
expect 0 "$EDGEGEN" route ../tests/fixtures/file-provider http://status.platform.example.com/.well-known/acme-challenge/t
same_file 'GET http://status.platform.example.com/.well-known/acme-challenge/t on entry point web
router       acme-http@internal (priority 9223372036854775807)
service      acme-http@internal (Traefik'"'"'s ACME HTTP-01 solver)' "$WORK/stdout"

# Requests and environments that cannot be routed: exit 2 with the reason.
expect 2 "$EDGEGEN" route platform status.platform.example.com/
same_file 'edgegen: error: URL "status.platform.example.com/" is not absolute: write http://host/path or https://host/path' "$WORK/stderr"
expect 2 "$EDGEGEN" route platform https://a.example.com/ --env staging
same_file 'edgegen: error: unknown environment "staging" (environments: prod)' "$WORK/stderr"
expect 2 "$EDGEGEN" route platform https://a.example.com/ -H 'no colon'
same_file "edgegen: error: header line \"no colon\" is not Name: value, with a name of letters, digits and !#\$%&'*+-.^_\`|~" "$WORK/stderr"

# Input that cannot be read is reported as validate reports it (exit 1).
cp -r platform "$WORK/broken"
printf 'kind: Project\nspec: [\n' >"$WORK/broken/projects/bad.yaml"
expect 1 "$EDGEGEN" route "$WORK/broken" https://a.example.com/
grep -qF 'bad.yaml:' "$WORK/stderr" || fail "$(cat "$WORK/stderr")"
[ ! -s "$WORK/stdout" ] || fail "an unreadable input was routed: $(cat "$WORK/stdout")"
