#pragma once

// Helpers shared by the files of model/; not part of the stage's interface.

#include "diag/diagnostics.hpp"
#include "load/node.hpp"
#include "model/model.hpp"

#include <map>
#include <set>
#include <string>

namespace edgegen::model::detail {

using load::Node;
using Vars = std::map<std::string, std::string>;

// Reading validated nodes: absent members give the default.
std::string get_string(const Node& map, const std::string& key, const std::string& fallback = {});
bool get_bool(const Node& map, const std::string& key, bool fallback);
std::vector<std::string> get_strings(const Node& map, const std::string& key);
Ref get_ref(const Node& map, const std::string& key);
util::CompactVector<Ref> get_refs(const Node& map, const std::string& key);
Location location_of(const Node& map, const std::string& key);
// The lines `value` (a mapping's value) was written on, from its first byte
// in `file` up to the first line after it indented no deeper than its key's
// line; empty for a value on one line.
std::string written_lines(std::string_view file, const Node& value);
// Where `key` itself is written in `map`, else the map's location.
Location key_location_of(const Node& map, const std::string& key);
// A mapping of strings (labels, annotations); empty when absent.
StringMap get_string_map(const Node& map, const std::string& key);
// metadata.labels and metadata.annotations of a document.
void read_metadata(const load::Document& document, StringMap& labels, StringMap& annotations);
void read_metadata(const load::Document& document, util::Sparse<StringMap>& labels,
                   util::Sparse<StringMap>& annotations);

// A scalar as the string it stands for (for vars: 8080 -> "8080").
std::string scalar_string(const Node& node);

// Plain data (for pass-through Traefik options), locations dropped.
util::Value to_value(const Node& node);

// The value of variable `name` as substitution inserts it: `$${` unescaped
// to `${`; any other ${ in it is reported (E0425), and the value is
// "${name}", so that its uses stay unresolved.
std::string variable_value(const std::string& name, const Node& value, diag::Diagnostics& diagnostics);

// A copy of `node` with ${name} replaced in every string; an undefined or
// malformed reference is reported and left as written.
Node substitute(const Node& node, const Vars& vars, const std::string& environment, diag::Diagnostics& diagnostics);

// Reports every path-like value of a document's spec (after substitution)
// that is not a clean path of its kind (E0426): git.path, Traefik's files
// and directories, mounted files, compose's host paths.
void check_paths(load::Kind kind, const Node& spec, diag::Diagnostics& diagnostics);

// The preset of templates/<name>.yaml as plain data; null if there is none.
util::Value preset(const std::string& name);
std::vector<std::string> preset_names();

// Middleware spec (Middleware.spec or a project's middlewares entry).
Middleware convert_middleware(const std::string& name, const Node& spec);

Edge convert_edge(const load::Document& document, const Node& spec);
Environment convert_environment(const load::Document& document, const Node& spec);
Issuer convert_issuer(const load::Document& document, const Node& spec);
// `spec` is the project's spec as this environment sees it (see
// selected_spec), substituted; `written` the same before substitution.
Project convert_project(const load::Document& document, const Node& spec, const Node& written);

// True if the `environments` list of `map` (absent: every environment)
// names `environment`.
bool selected(const Node& map, const std::string& environment);
// A project's spec without the routes and middlewares whose `environments`
// leave `environment` out: `spec` itself when there are none, else a copy
// in `storage`. The middlewares left out go to `absent`.
const Node& selected_spec(const Node& spec, const std::string& environment, Node& storage,
                          std::map<std::string, Location>& absent);
std::vector<CertificateRequest> convert_certificates(const Node& spec);

// The cases of a RouteTest (its `spec`, variables substituted) that run in
// `environment`.
// A RouteTest's spec with the cases of other environments made null (so
// the others keep their index).
Node route_tests_of(const Node& spec, const std::string& environment);
// The cases of a RouteTest's spec as route_tests_of left it, substituted.
std::vector<RouteTestCase> convert_route_tests(const load::Document& document, const Node& spec);
// Reports (E0416) the names in a document's `environments` lists (its
// spec's, its routes', its middlewares', its cases') that are not in `known`.
void check_environment_selectors(const load::Document& document, const std::vector<std::string>& known,
                                 diag::Diagnostics& diagnostics);

// The `compose`, `redis` and `dns` settings of an Edge or Environment spec,
// applied over what `edge` holds already.
void apply_target_settings(Edge& edge, const Node& spec);

// Fills in every Ref's `resolved` and the effective issuers. Names in the
// `invalid_*` sets were declared by documents that failed validation: they
// resolve, so that one broken object does not cascade.
void resolve(Config& config, const std::set<std::string>& invalid_issuers,
             const std::set<std::string>& invalid_middlewares);

} // namespace edgegen::model::detail
