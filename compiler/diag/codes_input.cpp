// Codes of the input stages: loading (E01xx), schema validation (E02xx) and
// the model (E03xx). Meanings and examples are the README's table.
#include "diag/codes.hpp"

namespace edgegen::diag::detail {

void add_input_codes(std::vector<CodeInfo>& out)
{
  out.insert(
      out.end(),
      {
          {"E0101", "invalid YAML", "`invalid YAML: end of map flow not found`",
           "YAML that does not parse stops the whole file: edgegen cannot tell what any of it means. The position is "
           "where the YAML parser gave up, usually just after the mistake. YAML indents with spaces only: when the "
           "line it gave up on is indented with a tab, the hint says so, with the tab's column.",
           "spec:\n  services: {api: {port: 8000}\n  routes: []",
           "spec:\n  services: {api: {port: 8000}}\n  routes: []"},
          {"E0102", "duplicate key in a mapping", "`duplicate key \"port\"`",
           "YAML allows a key once per mapping; most parsers silently keep the last value, which hides a mistake. "
           "edgegen refuses both.",
           "services:\n  api:\n    port: 8000\n    port: 8001", "services:\n  api:\n    port: 8001"},
          {"E0103", "not UTF-8, or a control character", "`file is not valid UTF-8`",
           "Input must be UTF-8 text without control characters, so that what you review is what edgegen reads.",
           "host: caf\\xe9.example.com   # saved as Latin-1", "host: xn--caf-dma.example.com   # saved as UTF-8"},
          {"E0104", "missing or unknown `apiVersion`", "`unknown apiVersion \"edgegen.dev/v1\"`",
           "Every document names the API it is written for; edgegen reads edgegen.dev/v1alpha1 only.",
           "apiVersion: edgegen.dev/v1\nkind: Project", "apiVersion: edgegen.dev/v1alpha1\nkind: Project"},
          {"E0105", "missing or unknown `kind`", "`unknown kind \"Projekt\"` (hint: did you mean \"Project\"?)",
           "The kind decides which schema applies: Edge, Environment, Issuer, Middleware or Project.",
           "apiVersion: edgegen.dev/v1alpha1\nkind: Projekt", "apiVersion: edgegen.dev/v1alpha1\nkind: Project"},
          {"E0106", "values nested more than 64 levels deep", "`values are nested more than 64 levels deep`",
           "Desired state is shallow; values nested more than 64 levels deep are refused to bound the work one input "
           "can cause.",
           "a: [[[[[[[[ ... 65 levels ... ]]]]]]]]", "flatten the value"},
          {"E0107", "alias cycle, or aliases expanding past 1,000,000 values",
           "`alias refers to a value that contains it`",
           "YAML aliases (*name) can expand exponentially (a \"billion laughs\" document) or refer to themselves; "
           "edgegen refuses both.",
           "a: &a [*a]", "write the values out instead of aliasing them"},
          {"E0108", "a document that is not a mapping", "`document is a list, not a mapping`",
           "Each YAML document must be a mapping with apiVersion, kind, metadata and spec.",
           "- apiVersion: edgegen.dev/v1alpha1\n  kind: Project", "apiVersion: edgegen.dev/v1alpha1\nkind: Project"},
          {"E0109", "input file larger than 8 MiB", "`file is 9000000 bytes, more than the limit of 8388608`",
           "Input files are limited to 8 MiB: desired state is small, and the limit bounds the work one input can "
           "cause.",
           "a 9 MB generated file", "split it into several files"},
          {"E0110", "symbolic link in the source tree", "`symbolic link is not followed`",
           "Symbolic links are not followed, so that the source tree (and a Git commit of it) is exactly what edgegen "
           "reads.",
           "projects/team.yaml -> /etc/somewhere/team.yaml", "copy the file into the source tree"},
          {"E0111", "a YAML tag edgegen does not read", "`unsupported tag '!secret' on value \"x\"`",
           "Tags such as !secret or !include would make YAML mean different things to different tools; edgegen reads "
           "plain YAML 1.2.",
           "password: !secret db", "passwordFile: /run/secrets/db"},
          {"E0112", "a submodule in the desired state's tree (`--ref`, `--staged`)", "`submodule is not followed`",
           "A submodule is another repository: edgegen reads only this repository's own files, so that a commit "
           "fully decides the output.",
           "edge/vendor -> a submodule",
           "keep the desired state out of submodules, or name another directory with --subdir"},
          {"E0113", "a tree entry named `..`, `.`, empty, or holding `/` or a control character",
           "`tree entry \"..\" is not followed: the name is \"..\"`",
           "Git refuses such names (git fsck), but a crafted commit can hold them; edgegen never follows them, so "
           "nothing outside the tree is read.",
           "a commit whose tree holds an entry named ..", "rewrite the commit that added it"},
          {"E0114", "more than 10,000 documents in one file", "`file holds 10001 documents, …`",
           "A file may hold at most 10,000 documents.", "", "split the file"},
          {"E0115", "a string or key longer than 4096 bytes",
           "`/spec/routes/0/host: string of 5000 bytes is longer than the limit of 4096 bytes`",
           "Strings and keys are limited to 4096 bytes; nothing in desired state needs more.", "", "shorten the value"},
          {"E0116", "Go template syntax in a value (Traefik would execute it)",
           "`value contains Go template syntax ({{ or }})`",
           "Traefik runs every file of its file provider through Go templates, with access to environment variables: "
           "{{ … }} in a value would be code executed inside Traefik. edgegen never passes template syntax on.",
           "customRequestHeaders:\n  X-Token: '{{ env \"AWS_SECRET_ACCESS_KEY\" }}'",
           "customRequestHeaders:\n  X-Team: team-a"},
          {"E0117", "a private key written inline", "`a private key is written inline`",
           "Secrets are only ever referenced, never written into the repository; the message never repeats the value.",
           "keyFile: |\n  -----BEGIN PRIVATE KEY-----\n  ...", "keyFile: /certs/example.com/privkey.pem"},
          {"E0118", "an input that is not a regular file",
           "`not a regular file (a FIFO, socket or device), so it is not read`",
           "A FIFO would block the read forever and a device would never end, so only regular files are read.",
           "projects/team.yaml is a named pipe (mkfifo)", "replace it with a regular file"},
          {"E0200", "internal: a schema could not be used (a bug; please report it)", "—",
           "A compiled-in JSON Schema could not be used. This is a bug in edgegen, not in the input.", "",
           "report it with the input that triggers it"},
          {"E0201", "wrong type", "`/spec/services/api/port: expected integer, got \"8000\"`",
           "The schema expects another type here, for example a number where a string was written (quotes make a "
           "string).",
           "services:\n  api:\n    port: \"8000\"", "services:\n  api:\n    port: 8000"},
          {"E0202", "missing required property", "`/spec/routes/1: missing required property \"service\"`",
           "A property the schema requires is missing.", "routes:\n  - host: team.example.com",
           "routes:\n  - host: team.example.com\n    service: web"},
          {"E0203", "unknown property", "`unknown property \"hots\" in /spec/routes/0` (hint: did you mean \"host\"?)",
           "A property the schema does not know, usually a misspelling; edgegen never ignores input it does not "
           "understand.",
           "routes:\n  - hots: team.example.com\n    service: web",
           "routes:\n  - host: team.example.com\n    service: web"},
          {"E0204", "value not allowed",
           "`/spec/services/api/scheme: \"htps\" is not one of http, https, h2c` (hint: did you mean \"https\"?)",
           "The value must be one of a fixed set.", "services:\n  api:\n    scheme: htps",
           "services:\n  api:\n    scheme: https"},
          {"E0205", "value breaks a constraint (pattern, range, length)",
           "`/metadata/name: \"Team_A\" is not a valid name …`",
           "The value breaks a constraint of the schema: a pattern, a range, a length or uniqueness.",
           "metadata:\n  name: Team_A", "metadata:\n  name: team-a"},
          {"E0206", "a combination of properties that is not allowed",
           "`/spec/routes/0: a route needs either \"host\" or \"rule\"`",
           "Properties that cannot be combined, or a value that matches none (or several) of the allowed forms.",
           "routes:\n  - service: web", "routes:\n  - host: team.example.com\n    service: web"},
          {"E0301", "undefined variable",
           "`undefined variable \"domian\" in environment \"prod\"` (hint: did you mean \"domain\"?)",
           "${name} refers to a variable that neither the Environment's spec.vars nor Edge.spec.vars defines. An "
           "unknown variable is never left in the output.",
           "routes:\n  - host: team.${domian}", "routes:\n  - host: team.${domain}"},
          {"E0302", "malformed `${…}`", "`malformed variable reference in \"${}\"`",
           "A ${...} that is not a variable reference: an empty or invalid name, or no closing brace. Write $${ for a "
           "literal ${.",
           "host: team.${}", "host: team.${domain}"},
          {"E0425", "a variable whose value refers to a variable",
           "`variable \"domain\" refers to a variable: \"x.${domain}\"`",
           "A variable's value is inserted as written and never expanded again, so a ${...} in it would reach the "
           "output as it is: a Traefik rule, a certificate's dnsNames or a DNS zone. Variables cannot refer to "
           "variables (there are no chains to follow and no cycles); write the value out in full. $${ in a value is a "
           "literal ${.",
           "vars:\n  base: example.com\n  domain: team.${base}",
           "vars:\n  base: example.com\n  domain: team.example.com"},
          {"E0426", "a path that is not clean",
           "`git.path \"../../other-team\" is not a clean path: it has a \"..\" segment`",
           "A value that becomes a path in the output must name a place inside what it is resolved in: git.path is "
           "copied into every Flux Kustomization's path and Argo CD Application's source.path, and a `..` there makes "
           "the controller apply another directory of the repository (the class of Argo CD's CVE-2022-24348); a "
           "usersFile with `..` leaves the secrets directory compose mounts. Paths have plain names between '/': no "
           "`..`, `.` or empty segments, no backslashes or control characters; git.path is relative (`.` is the "
           "repository's root), Traefik's directories and storage files are absolute in its container.",
           "git:\n  url: https://git.example.com/edge.git\n  path: ../../other-team",
           "git:\n  url: https://git.example.com/edge.git\n  path: clusters/prod"},
          {"E0304", "no Edge document", "`no Edge document found`",
           "The input needs exactly one Edge document: it holds the entry points, targets and defaults.",
           "(no file with kind: Edge)",
           "apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata:\n  name: edge\nspec: {}"},
          {"E0305", "more than one Edge document", "`more than one Edge document`",
           "Only one Edge document may exist; settings of the whole edge must not depend on file order.",
           "edge.yaml and edge-copy.yaml both kind: Edge", "keep one of them"},
          {"E0306", "`edgegen.dev/ignore` names a code that is not a warning",
           "`edgegen.dev/ignore names \"E0421\", which is not a warning code`",
           "The ignore annotation silences warnings (W codes) for one document. Errors cannot be silenced, and an "
           "unknown code would silence nothing, so both are reported.",
           "metadata:\n  annotations:\n    edgegen.dev/ignore: \"W061\"",
           "metadata:\n  annotations:\n    edgegen.dev/ignore: \"W0601\""},
          {"E0307", "more than 100,000 projects", "`more than 100000 projects`",
           "The number of projects in one source is bounded, so that no input can make a render use unbounded memory "
           "and time.",
           "100,001 Project documents", "split the edge into several sources rendered separately"},
          {"E0311", "a patch of a kind that cannot be patched", "`Environment objects cannot be patched`",
           "Environment.spec.patches change an Edge, Issuer, Middleware or Project in one environment. An Environment "
           "is already one environment's settings, and a RouteTest states what must hold; neither is patched.",
           "patches:\n  - target: {kind: RouteTest, name: smoke}\n    patch: {cases: []}",
           "# give the route test's cases environments: [prod] instead"},
          {"E0312", "a patch that changes where an object exists, or the input files",
           "`a patch cannot change \"environments\"`",
           "Which environments have an object is read from its `environments` as written, and the input files "
           "(Edge.spec.exclude) are chosen before any environment is read, so a patch may set neither.",
           "patches:\n  - target: {kind: Project, name: grafana}\n    patch: {environments: [prod]}",
           "# in the Project itself\nspec:\n  environments: [prod]"},
      });
}

} // namespace edgegen::diag::detail
