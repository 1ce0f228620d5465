#include "text/fonts.hpp"

#include "text/font_handles.hpp"  // first: ft2build.h defines the FT_* header macros

#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include <fontconfig/fontconfig.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "core/log.hpp"

namespace annae::text {
namespace {

constexpr const char* default_family = "Noto Sans CJK KR";

bool is_font_file(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
}

bool has_sfnt_table(FT_Face face, FT_ULong tag) {
  FT_ULong length = 0;
  return FT_Load_Sfnt_Table(face, tag, 0, nullptr, &length) == 0 && length > 0;
}

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

std::optional<FaceId> FontLibrary::Impl::load(const std::string& path, int index) {
  if (auto it = by_file.find({path, index}); it != by_file.end()) return it->second;
  if (faces.size() >= no_face) return std::nullopt;
  FT_Face ft_face = nullptr;
  if (FT_New_Face(ft, path.c_str(), index, &ft_face) != 0) {
    log::once(log::Level::warning, "cannot load font " + path + " (face " + std::to_string(index) + ")");
    return std::nullopt;
  }
  if (!FT_IS_SCALABLE(ft_face)) {
    FT_Done_Face(ft_face);
    log::once(log::Level::warning, "skipping bitmap-only font " + path);
    return std::nullopt;
  }
  hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
  hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(index));
  hb_blob_destroy(blob);
  hb_font_t* hb_font = hb_font_create(hb_face);
  hb_face_destroy(hb_face);
  const int upem = ft_face->units_per_EM > 0 ? ft_face->units_per_EM : 1000;
  hb_font_set_scale(hb_font, upem, upem);

  LoadedFace loaded;
  loaded.ft = ft_face;
  loaded.hb = hb_font;
  loaded.info.path = path;
  loaded.info.index = index;
  loaded.info.family = ft_face->family_name ? ft_face->family_name : "";
  loaded.info.units_per_em = upem;
  loaded.info.has_layout_tables =
      has_sfnt_table(ft_face, TTAG_GSUB) || has_sfnt_table(ft_face, TTAG_GPOS);
  // Typographic ascender/descender: what CSS uses for the content area.
  float ascender = static_cast<float>(ft_face->ascender);
  float descender = static_cast<float>(-ft_face->descender);
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ft_face, FT_SFNT_OS2))) {
    loaded.info.weight = os2->usWeightClass;
    if (os2->sTypoAscender > 0) {
      ascender = os2->sTypoAscender;
      descender = static_cast<float>(-os2->sTypoDescender);
    }
  }
  loaded.info.ascender_em = ascender / static_cast<float>(upem);
  loaded.info.descender_em = descender / static_cast<float>(upem);
  faces.push_back(loaded);
  const auto id = static_cast<FaceId>(faces.size() - 1);
  by_file[{path, index}] = id;
  return id;
}

_FcConfig* FontLibrary::Impl::fontconfig() {
  if (!fc_tried) {
    fc_tried = true;
    if (options.use_system_fonts) fc = FcInitLoadConfigAndFonts();
  }
  return fc;
}

void FontLibrary::Impl::scan_dirs() {
  if (dirs_scanned) return;
  dirs_scanned = true;
  for (const auto& dir : options.font_dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.is_regular_file(ec) && is_font_file(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      FT_Face probe = nullptr;
      if (FT_New_Face(ft, file.c_str(), -1, &probe) != 0) {
        log::once(log::Level::warning, "cannot read font file " + file.string());
        continue;
      }
      const auto count = probe->num_faces;
      FT_Done_Face(probe);
      for (FT_Long i = 0; i < count; ++i) {
        if (auto id = load(file.string(), static_cast<int>(i))) dir_faces.push_back(*id);
      }
    }
  }
}

std::optional<FaceId> FontLibrary::Impl::match_family(const std::string& family, int weight) {
  FcConfig* config = fontconfig();
  if (!config) return std::nullopt;
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT, static_cast<int>(FcWeightFromOpenType(weight)));
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  FcPatternDestroy(pattern);
  if (!match) return std::nullopt;
  // fontconfig always answers with something; accept it only if the family is the one asked for.
  bool family_matches = false;
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    if (FcStrCmpIgnoreCase(name, reinterpret_cast<const FcChar8*>(family.c_str())) == 0) family_matches = true;
  }
  FcChar8* file = nullptr;
  int index = 0;
  std::optional<FaceId> id;
  if (family_matches && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    id = load(reinterpret_cast<const char*>(file), index);
  }
  FcPatternDestroy(match);
  return id;
}

FontLibrary::FontLibrary(Options options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (FT_Init_FreeType(&impl_->ft) != 0) impl_->ft = nullptr;
}

FontLibrary::~FontLibrary() {
  for (auto& face : impl_->faces) {
    hb_font_destroy(face.hb);
    FT_Done_Face(face.ft);
  }
  if (impl_->ft) FT_Done_FreeType(impl_->ft);
  if (impl_->fc) FcConfigDestroy(impl_->fc);
}

const FaceInfo& FontLibrary::info(FaceId face) const { return impl_->faces.at(face).info; }

bool FontLibrary::has_char(FaceId face, char32_t c) const {
  return FT_Get_Char_Index(impl_->faces.at(face).ft, c) != 0;
}

FontChain* FontLibrary::chain(const FontRequest& request) {
  for (auto& [req, chain] : impl_->chain_index) {
    if (req == request) return chain;
  }
  if (!impl_->ft) return nullptr;
  impl_->scan_dirs();

  std::vector<FaceId> faces;
  const auto add = [&](std::optional<FaceId> id) {
    if (id && std::find(faces.begin(), faces.end(), *id) == faces.end()) faces.push_back(*id);
  };

  // 1. What was asked for, by file or by family.
  if (!request.file.empty()) {
    const std::optional<FaceId> asked = impl_->load(request.file, 0);
    if (!asked) log::once(log::Level::warning, "font file '" + request.file + "' cannot be used; using " + default_family);
    add(asked);
  }
  if (!request.family.empty()) {
    std::optional<FaceId> asked;
    for (FaceId id : impl_->dir_faces) {
      if (impl_->faces[id].info.family == request.family) asked = id;  // refined by weight below
    }
    if (!asked) asked = impl_->match_family(request.family, request.weight);
    if (!asked) log::once(log::Level::warning, "font '" + request.family + "' not found; using " + default_family);
    add(asked);
  }

  // 2. The fonts/ folders: per family, the face closest to the requested weight.
  std::map<std::string, FaceId> best_by_family;
  for (FaceId id : impl_->dir_faces) {
    const auto& info = impl_->faces[id].info;
    auto it = best_by_family.find(info.family);
    if (it == best_by_family.end() ||
        std::abs(info.weight - request.weight) < std::abs(impl_->faces[it->second].info.weight - request.weight)) {
      best_by_family[info.family] = id;
    }
  }
  for (FaceId id : impl_->dir_faces) {
    if (best_by_family[impl_->faces[id].info.family] == id) add(id);
  }

  // 3. Noto Sans CJK KR.
  add(impl_->match_family(default_family, request.weight));

  if (faces.empty()) return nullptr;
  auto chain = std::make_unique<FontChain>();
  chain->library_ = this;
  chain->faces_ = std::move(faces);
  FontChain* raw = chain.get();
  impl_->chains.push_back(std::move(chain));
  impl_->chain_index.emplace_back(request, raw);
  return raw;
}

FaceId FontLibrary::fallback_for(char32_t c, FaceId primary) {
  if (auto it = impl_->fallback_memo.find(c); it != impl_->fallback_memo.end()) {
    return it->second == no_face ? primary : it->second;
  }
  FaceId found = no_face;
  if (FcConfig* config = impl_->fontconfig()) {
    FcCharSet* charset = FcCharSetCreate();
    FcCharSetAddChar(charset, c);
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddCharSet(pattern, FC_CHARSET, charset);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    const bool emoji = u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION);
    if (emoji) FcPatternAddBool(pattern, FC_COLOR, FcTrue);
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("ko"));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcFontSet* set = FcFontSort(config, pattern, FcFalse, nullptr, &result);
    for (int i = 0; set && i < set->nfont && found == no_face; ++i) {
      FcCharSet* font_chars = nullptr;
      if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &font_chars) != FcResultMatch) continue;
      if (!FcCharSetHasChar(font_chars, c)) continue;
      FcChar8* file = nullptr;
      int index = 0;
      if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
      FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
      if (auto id = impl_->load(reinterpret_cast<const char*>(file), index); id && has_char(*id, c)) found = *id;
    }
    if (set) FcFontSetDestroy(set);
    FcPatternDestroy(pattern);
    FcCharSetDestroy(charset);
  }
  impl_->fallback_memo[c] = found;
  if (found == no_face) log::once(log::Level::warning, "no installed font has " + hex(c) + "; it shows as a box");
  return found == no_face ? primary : found;
}

FaceId FontChain::face_for(char32_t c) {
  if (auto it = memo_.find(c); it != memo_.end()) return it->second;
  FaceId chosen = no_face;
  for (FaceId id : faces_) {
    if (library_->has_char(id, c)) {
      chosen = id;
      break;
    }
  }
  if (chosen == no_face) chosen = library_->fallback_for(c, primary());
  memo_[c] = chosen;
  return chosen;
}

}  // namespace annae::text
