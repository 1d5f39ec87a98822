// redis.txt: one MULTI/EXEC transaction in RESP, for `redis-cli --pipe`,
// and one command after it that fails unless the transaction went through.
//
// Why a transaction: Redis runs EXEC as one step, so no client, and no
// Traefik node listing the tree, sees half of a change; the keyspace
// notifications EXEC produces then make every node re-read the whole new
// set. If the transfer stops before EXEC (a dropped connection, a truncated
// file), the server discards the queued commands and nothing changes.
//
// Why a script that compares: every SET fires a keyspace event even when
// the value is the same, and every event makes every Traefik node list the
// whole tree and rebuild its routers. So the script writes a key only when
// its value differs, deletes only keys the last apply wrote that are no
// longer wanted, and touches its bookkeeping sets only with SADD/SREM of
// members that change (those fire no event when they change nothing): an
// apply of what is already there fires no event at all.
//
// Why records: removed routes must leave no keys behind, but the render
// cannot know what was applied before, and deleting every key under the root
// would also delete keys edgegen did not write (a certificate worker's, a
// hand-made router). So each apply records its keys in a set outside the
// root. The domain set is shared with other writers (an API adding domains),
// so edgegen records the members it added itself and removes only those.
//
// Why a check after EXEC: an error inside the transaction (the script's,
// or a replica's READONLY) is one item of EXEC's reply, which `redis-cli
// --pipe` does not count; it reports "errors: 0" and exits 0. So the script
// first makes sure that no command of it can fail on the server's keys (the
// sets it keeps must be sets), so that a refusal comes before its first
// write, and last records the digest of what it applied; the command after
// EXEC is an error, which --pipe counts, unless the server holds that digest.
//
// RESP rather than inline commands: values hold spaces, quotes and
// backticks, and inline commands are limited to 64 KiB per line.
#include "emit/redis/redis.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace edgegen::emit::redis {

namespace {

// Both scripts begin with this: the kind each of their KEYS must hold (or
// none yet), and the first key that holds another, described, or nil.
const char* k_kinds = R"(local function misfit()
  for i, kind in ipairs({'set', 'set', 'set', 'string'}) do
    local found = redis.call('TYPE', KEYS[i]).ok
    if found ~= 'none' and found ~= kind then
      return KEYS[i] .. ' holds a ' .. found .. ', not a ' .. kind
    end
  end
end
)";

// KEYS: the record of applied keys, the domain set, the record of the
// domains edgegen added, the digest of the last state applied. ARGV: the
// number of string keys, then key and value of each; the number of hashes,
// then of each its key, its number of fields and field and value of each;
// the number of domains, then the domains; last, the digest of all of it.
// Returns the number of keys written or deleted.
const std::string k_apply =
    std::string(k_kinds) + R"(local applied, domains, owned, digest = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local wrong = misfit()
if wrong then
  return redis.error_reply('WRONGTYPE ' .. wrong .. ': nothing was applied')
end
local at, want, wanted, changed = 1, {}, {}, 0
local function take() at = at + 1 return ARGV[at - 1] end
local function add(set, members)
  for first = 1, #members, 1000 do
    redis.call('SADD', set, unpack(members, first, math.min(first + 999, #members)))
  end
end
for _ = 1, tonumber(take()) do
  local key, value = take(), take()
  want[key] = true
  wanted[#wanted + 1] = key
  if redis.call('TYPE', key).ok ~= 'string' or redis.call('GET', key) ~= value then
    redis.call('SET', key, value)
    changed = changed + 1
  end
end
for _ = 1, tonumber(take()) do
  local key, fields = take(), {}
  local same = redis.call('TYPE', key).ok == 'hash'
  want[key] = true
  wanted[#wanted + 1] = key
  for _ = 1, tonumber(take()) do
    local field, value = take(), take()
    fields[#fields + 1] = field
    fields[#fields + 1] = value
    same = same and redis.call('HGET', key, field) == value
  end
  if not (same and redis.call('HLEN', key) == #fields / 2) then
    redis.call('DEL', key)
    redis.call('HSET', key, unpack(fields))
    changed = changed + 1
  end
end
for _, key in ipairs(redis.call('SMEMBERS', applied)) do
  if not want[key] then
    changed = changed + redis.call('DEL', key)
    redis.call('SREM', applied, key)
  end
end
add(applied, wanted)
local keep = {}
for _ = 1, tonumber(take()) do
  local domain = take()
  keep[domain] = true
  if redis.call('SADD', domains, domain) == 1 then
    redis.call('SADD', owned, domain)
  end
end
for _, domain in ipairs(redis.call('SMEMBERS', owned)) do
  if not keep[domain] then
    redis.call('SREM', domains, domain)
    redis.call('SREM', owned, domain)
  end
end
if redis.call('GET', digest) ~= ARGV[#ARGV] then
  redis.call('SET', digest, ARGV[#ARGV])
end
return changed
)";

// KEYS: those of k_apply. ARGV: the digest of the state redis.txt applies.
// An error that says why the transaction above did not apply, when it did
// not: --pipe shows only the errors of top-level replies.
const std::string k_check = std::string(k_kinds) + R"(local digest = KEYS[4]
if redis.call('TYPE', digest).ok == 'string' and redis.call('GET', digest) == ARGV[1] then
  return 'OK'
end
local why = 'an error inside it'
local info = redis.pcall('INFO', 'replication')
if type(info) == 'string' and string.find(info, 'role:slave', 1, true) then
  why = 'the server is a read-only replica: apply to the primary'
end
why = misfit() or why
return redis.error_reply('edgegen: the transaction above did not apply (' .. why .. '); it changed no key')
)";

// FNV-1a, 64 bits, of each argument and its length: the same bytes in, the
// same digest out, on every machine (std::hash promises neither).
std::string digest_of(const std::vector<std::string>& arguments)
{
  uint64_t hash = 0xcbf29ce484222325ULL;
  auto add = [&](const std::string& bytes) {
    for (unsigned char c : bytes) {
      hash = (hash ^ c) * 0x100000001b3ULL;
    }
  };
  for (const auto& argument : arguments) {
    add(std::to_string(argument.size()) + ":");
    add(argument);
  }
  static const char* const hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) {
    out[static_cast<size_t>(i)] = hex[hash & 0xF];
  }
  return out;
}

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

std::string owned_domains_name(const model::RedisSettings& settings)
{
  return "edgegen:" + settings.root_key + ":domains";
}

std::string applied_digest_name(const model::RedisSettings& settings)
{
  return "edgegen:" + settings.root_key + ":digest";
}

std::string pipe_commands(const model::RedisSettings& settings, const Keys& keys, const DomainCertificates& domains)
{
  std::vector<std::string> apply = {"EVAL",
                                    k_apply,
                                    "4",
                                    applied_keys_name(settings),
                                    settings.domains_key,
                                    owned_domains_name(settings),
                                    applied_digest_name(settings)};
  apply.push_back(std::to_string(keys.size()));
  for (const auto& [key, value] : keys) {
    apply.push_back(key);
    apply.push_back(value);
  }
  apply.push_back(std::to_string(domains.size()));
  for (const auto& [domain, certificate] : domains) {
    auto fields = domain_fields(certificate);
    apply.push_back(domain_key(settings, domain));
    apply.push_back(std::to_string(fields.size()));
    for (const auto& [field, value] : fields) {
      apply.push_back(field);
      apply.push_back(value);
    }
  }
  apply.push_back(std::to_string(domains.size()));
  for (const auto& [domain, certificate] : domains) {
    apply.push_back(domain);
  }
  const std::string digest = digest_of(apply);
  apply.push_back(digest);
  std::string out;
  command(out, {"MULTI"});
  // Traefik sets the same flags when it connects, and ignores a refusal; a
  // server that refuses CONFIG here aborts the whole transaction instead, so
  // an apply never succeeds on a server that would not notify the nodes.
  command(out, {"CONFIG", "SET", "notify-keyspace-events", k_keyspace_events});
  command(out, apply);
  command(out, {"EXEC"});
  command(out, {"EVAL", k_check, "4", applied_keys_name(settings), settings.domains_key, owned_domains_name(settings),
                applied_digest_name(settings), digest});
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
  pipe.text = pipe_commands(config.edge.redis, all, certificate_domains(config));
  return {json, pipe};
}

} // namespace edgegen::emit::redis
