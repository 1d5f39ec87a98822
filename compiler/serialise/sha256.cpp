// The only file of edgegen that includes OpenSSL (STYLE.md: third-party
// libraries stay behind one header of ours, here serialise.hpp).
#include "serialise/serialise.hpp"

// The one-shot digest functions, not EVP: EVP fetches each digest from
// OpenSSL 3's provider machinery, which runs about 2 MB of code and tables
// to set up (a render's resident memory) and takes locks on every
// initialisation. These compute the same digests directly.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <charconv>
#include <string>

namespace edgegen::serialise {
namespace {

void append_hex(std::string& out, const unsigned char* digest, size_t length)
{
  static const char k_hex[] = "0123456789abcdef";
  for (size_t i = 0; i < length; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0xF];
  }
}

std::string hex(const unsigned char* digest, size_t length)
{
  std::string out;
  out.reserve(length * 2);
  append_hex(out, digest, length);
  return out;
}

} // namespace

void append_hex(std::string& out, const Sha256& digest)
{
  append_hex(out, digest.data(), digest.size());
}

Sha256 sha256(std::string_view bytes)
{
  static_assert(sizeof(Sha256) == SHA256_DIGEST_LENGTH);
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, bytes.data(), bytes.size());
  Sha256 digest;
  SHA256_Final(digest.data(), &context);
  return digest;
}

std::string sha256_hex(std::string_view bytes)
{
  Sha256 digest = sha256(bytes);
  return hex(digest.data(), digest.size());
}

std::string git_blob_id(std::string_view bytes)
{
  // std::to_chars: decimal with no locale, as Git writes it.
  char size[24];
  auto end = std::to_chars(size, size + sizeof size, bytes.size()).ptr;
  std::string header = "blob ";
  header.append(size, end);
  header += '\0';
  SHA_CTX context;
  SHA1_Init(&context);
  SHA1_Update(&context, header.data(), header.size());
  SHA1_Update(&context, bytes.data(), bytes.size());
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1_Final(digest, &context);
  return hex(digest, sizeof digest);
}

std::string openssl_version()
{
  return OpenSSL_version(OPENSSL_VERSION);
}

} // namespace edgegen::serialise
