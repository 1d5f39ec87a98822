// redis.txt: one MULTI/EXEC transaction in RESP, for `redis-cli --pipe`.
//
// Why a transaction: Redis runs EXEC as one step, so no client, and no
// Traefik node listing the tree, sees half of a change; the keyspace
// notifications EXEC produces then make every node re-read the whole new
// set. If the transfer stops before EXEC (a dropped connection, a truncated
// file), the server discards the queued commands and nothing changes.
//
// Why a record of applied keys: removed routes must leave no keys behind,
// but the render cannot know what was applied before, and deleting every
// key under the root would also delete keys edgegen did not write (a
// certificate worker's, a hand-made router). So each apply records its keys
// in a set outside the root, and the next apply deletes exactly those first.
// RESP rather than inline commands: values hold spaces, quotes and
// backticks, and inline commands are limited to 64 KiB per line.
#include "emit/redis/redis.hpp"

namespace edgegen::emit::redis {

namespace {

// Deletes every key the set KEYS[1] lists, then the set. Runs inside the
// transaction like every other command.
const char* k_delete_applied = "local applied = redis.call('SMEMBERS', KEYS[1])\n"
                               "for _, key in ipairs(applied) do redis.call('DEL', key) end\n"
                               "redis.call('DEL', KEYS[1])\n"
                               "return #applied\n";

void command(std::string& out, const std::vector<std::string>& arguments)
{
  out += "*" + std::to_string(arguments.size()) + "\r\n";
  for (const auto& argument : arguments) {
    out += "$" + std::to_string(argument.size()) + "\r\n" + argument + "\r\n";
  }
}

} // namespace

std::string applied_keys_name(const model::RedisSettings& settings)
{
  return "edgegen:" + settings.root_key + ":keys";
}

std::string pipe_commands(const model::RedisSettings& settings, const Keys& keys,
                          const std::vector<std::string>& domains)
{
  const std::string applied = applied_keys_name(settings);
  std::string out;
  command(out, {"MULTI"});
  command(out, {"EVAL", k_delete_applied, "1", applied});
  std::vector<std::string> record = {"SADD", applied};
  for (const auto& [key, value] : keys) {
    command(out, {"SET", key, value});
    record.push_back(key);
  }
  if (record.size() > 2) {
    command(out, record);
  }
  command(out, {"DEL", settings.domains_key});
  if (!domains.empty()) {
    std::vector<std::string> add = {"SADD", settings.domains_key};
    add.insert(add.end(), domains.begin(), domains.end());
    command(out, add);
  }
  command(out, {"EXEC"});
  return out;
}

std::vector<OutputFile> render(const model::Config& config)
{
  const std::string base = config.environment.name + "/traefik/";
  Keys all = keys(config);
  util::Value object = util::Value::map();
  for (const auto& [key, value] : all) {
    object[key] = value;
  }
  OutputFile json;
  json.path = base + "kv.json";
  json.format = OutputFile::Format::json;
  json.documents.push_back(std::move(object));
  OutputFile pipe;
  pipe.path = base + "redis.txt";
  pipe.format = OutputFile::Format::text;
  pipe.text = pipe_commands(config.edge.redis, all, target_domains(config));
  return {json, pipe};
}

} // namespace edgegen::emit::redis
