#pragma once
// Internal to src/text: the FreeType and HarfBuzz objects behind a FaceId.
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "text/fonts.hpp"

struct _FcConfig;

namespace annae::text {

struct LoadedFace {
  FT_Face ft = nullptr;
  hb_font_t* hb = nullptr;
  FaceInfo info;
  int current_size_px = 0;  // last FT_Set_Pixel_Sizes, to skip redundant calls
};

struct FontLibrary::Impl {
  Options options;
  FT_Library ft = nullptr;
  std::vector<LoadedFace> faces;
  std::map<std::pair<std::string, int>, FaceId> by_file;
  std::vector<std::unique_ptr<FontChain>> chains;
  std::vector<std::pair<FontRequest, FontChain*>> chain_index;
  std::vector<FaceId> dir_faces;  // every face found in options.font_dirs
  bool dirs_scanned = false;
  _FcConfig* fc = nullptr;
  bool fc_tried = false;
  std::map<char32_t, FaceId> fallback_memo;  // no_face when nothing has it

  std::optional<FaceId> load(const std::string& path, int index);
  _FcConfig* fontconfig();
  void scan_dirs();
  std::optional<FaceId> match_family(const std::string& family, int weight);
};

inline constexpr FaceId no_face = 0xFFFF;

}  // namespace annae::text
