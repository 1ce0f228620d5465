#pragma once
// Font discovery and the fallback chain. Public header: no FreeType/HarfBuzz
// types leak out, so layers above `text` never include them.
//
// Thread: a FontLibrary and its chains belong to one thread (the one that
// lays out and rasterizes). Not copyable.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annae::text {

using FaceId = std::uint16_t;

struct FaceInfo {
  std::string path;
  int index = 0;              // face index inside a collection (.ttc)
  std::string family;
  int weight = 400;           // OpenType weight class
  int units_per_em = 1000;
  float ascender_em = 0.88f;  // above the baseline, positive
  float descender_em = 0.12f; // below the baseline, positive
  bool has_layout_tables = false;  // GSUB or GPOS present
};

// What a caller asks for. `family` is empty for the default (Noto Sans CJK KR),
// a family name resolved through fontconfig, or a path to a font file.
struct FontRequest {
  // A family name, matched in fonts/ and through fontconfig. Never opened as
  // a path: it comes from content files, and a show may not name files
  // outside its folder (e.g. "/etc/shadow").
  std::string family;
  // A font file to use first, for `annae layout --font FILE` and tests only;
  // the content layer never sets it.
  std::string file;
  int weight = 400;
  bool operator==(const FontRequest&) const = default;
};

class FontLibrary;

// An ordered list of faces; the first face that has a character draws it.
// Owned by its FontLibrary; pointers stay valid for the library's lifetime.
class FontChain {
 public:
  FaceId primary() const { return faces_.front(); }
  const std::vector<FaceId>& faces() const { return faces_; }

  // The face that draws `c`: the first in the chain that has it, else
  // fontconfig's best match for it (emoji presentation prefers a colour
  // font), else the primary face, whose .notdef box then shows; that last
  // case is logged once per character.
  FaceId face_for(char32_t c);

 private:
  friend class FontLibrary;
  FontLibrary* library_ = nullptr;
  std::vector<FaceId> faces_;
  std::unordered_map<char32_t, FaceId> memo_;
};

class FontLibrary {
 public:
  struct Options {
    // Searched first, in order (a venue drops its own font here). Missing
    // folders are fine.
    std::vector<std::filesystem::path> font_dirs;
    // Noto Sans CJK KR and per-character fallback through fontconfig.
    bool use_system_fonts = true;
  };

  explicit FontLibrary(Options options);
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // The chain for a request, built once and memoized. Null only when no
  // usable font exists at all (the caller treats that as fatal at start-up).
  // When a named family is not found, the default chain is returned and the
  // miss is logged once.
  FontChain* chain(const FontRequest& request);

  const FaceInfo& info(FaceId face) const;
  bool has_char(FaceId face, char32_t c) const;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  friend class FontChain;
  FaceId fallback_for(char32_t c, FaceId primary);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annae::text
