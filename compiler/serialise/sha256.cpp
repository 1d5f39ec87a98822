// The only file of edgegen that includes OpenSSL (STYLE.md: third-party
// libraries stay behind one header of ours, here write.hpp).
#include "serialise/serialise.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <charconv>
#include <memory>
#include <stdexcept>
#include <string>

namespace edgegen::serialise {
namespace {

struct ContextDeleter
{
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

// Digest of the concatenation of `parts`, in lower-case hex; parts so that a
// Git blob header needs no copy of the (possibly large) content.
std::string hex_digest(const EVP_MD* md, std::initializer_list<std::string_view> parts)
{
  std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
  if (!context || EVP_DigestInit_ex(context.get(), md, nullptr) != 1) {
    throw std::runtime_error("OpenSSL: cannot initialise a digest");
  }
  for (std::string_view part : parts) {
    if (EVP_DigestUpdate(context.get(), part.data(), part.size()) != 1) {
      throw std::runtime_error("OpenSSL: digest update failed");
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context.get(), digest, &length) != 1) {
    throw std::runtime_error("OpenSSL: digest final failed");
  }
  static const char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0xF];
  }
  return out;
}

} // namespace

std::string sha256_hex(std::string_view bytes)
{
  return hex_digest(EVP_sha256(), {bytes});
}

std::string git_blob_id(std::string_view bytes)
{
  // std::to_chars: decimal with no locale, as Git writes it.
  char size[24];
  auto end = std::to_chars(size, size + sizeof size, bytes.size()).ptr;
  std::string header = "blob ";
  header.append(size, end);
  header += '\0';
  return hex_digest(EVP_sha1(), {header, bytes});
}

std::string openssl_version()
{
  return OpenSSL_version(OPENSSL_VERSION);
}

} // namespace edgegen::serialise
