#include "emit/dns/dns.hpp"

#include "util/strings.hpp"

#include <set>

namespace edgegen::emit::dns {

namespace {

OutputFile text_file(std::string path, std::string text)
{
  OutputFile file;
  file.path = std::move(path);
  file.format = OutputFile::Format::text;
  file.text = std::move(text);
  return file;
}

// A zone named twice is reported by check/; the first one wins here.
std::vector<const model::DnsZone*> unique_zones(const model::Config& config)
{
  std::vector<const model::DnsZone*> out;
  std::set<std::string> seen;
  for (const auto& zone : config.edge.dns.zones) {
    if (seen.insert(normalize(zone.name)).second) {
      out.push_back(&zone);
    }
  }
  return out;
}

} // namespace

std::string corefile(const model::Config& config)
{
  const auto& settings = config.edge.dns;
  const std::string log = settings.log ? "    log\n" : "";
  std::string out;
  out += "# CoreDNS server blocks for the zones of environment \"" + config.environment.name +
         "\", rendered by edgegen.\n";
  out += "# Use this file as the Corefile, or `import` it from yours. The zone files go in\n";
  out += "# " + settings.directory + "; `reload` loads a zone again when its SOA serial changes.\n";
  for (const auto* zone : unique_zones(config)) {
    std::string name = normalize(zone->name);
    out += "\n" + name + " {\n";
    out += "    file " + settings.directory + "/" + name + ".zone {\n";
    out += "        reload 30s\n";
    out += "    }\n";
    out += log;
    out += "    errors\n";
    out += "}\n";
  }
  if (!settings.forward.empty()) {
    // The forward plugin reads the protocol case-sensitively (tls://);
    // check/ has made sure every server is an address.
    std::string servers;
    for (const auto& server : settings.forward) {
      servers += " " + util::to_lower(server);
    }
    out += "\n# Every other name: asked of the forward servers.\n";
    out += ". {\n";
    if (settings.tls_server_name.empty()) {
      out += "    forward ." + servers + "\n";
    } else {
      out += "    forward ." + servers + " {\n";
      out += "        tls_servername " + normalize(settings.tls_server_name) + "\n";
      out += "    }\n";
    }
    out += log;
    out += "    errors\n";
    out += "}\n";
  }
  return out;
}

std::vector<OutputFile> render(const model::Config& config)
{
  const std::string base = config.environment.name + "/dns/";
  std::vector<OutputFile> out;
  for (const auto* zone : unique_zones(config)) {
    out.push_back(text_file(base + normalize(zone->name) + ".zone", zone_file(config, *zone)));
  }
  // After the zones it names, so CoreDNS never loads a block without its file.
  OutputFile core = text_file(base + "Corefile", corefile(config));
  core.rank = 1;
  out.push_back(std::move(core));
  return out;
}

} // namespace edgegen::emit::dns
