#include "core/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace annae::files {

ReadResult read(const std::filesystem::path& path, std::size_t max_bytes) {
  ReadResult result;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    result.error = "cannot read " + path.string() + ": " + ec.message();
    return result;
  }
  if (size > max_bytes) {
    result.too_large = true;
    result.error = path.string() + " is " + std::to_string(size) + " bytes, over the limit of " +
                   std::to_string(max_bytes);
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.error = "cannot open " + path.string() + ": " + std::strerror(errno);
    return result;
  }
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  result.bytes = std::move(bytes);
  return result;
}

std::string write_atomic(const std::filesystem::path& path, std::string_view bytes) {
  const auto tmp = path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write " + tmp.string() + ": " + std::strerror(errno);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return "cannot write " + tmp.string() + ": " + std::strerror(errno);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return "cannot replace " + path.string() + ": " + ec.message();
  }
  return {};
}

std::filesystem::path absolute_lexical(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(p, ec);
  if (ec) abs = p;
  abs = abs.lexically_normal();
  if (!abs.has_filename() && abs.has_parent_path() && abs != abs.root_path()) abs = abs.parent_path();
  return abs;
}

}  // namespace annae::files
