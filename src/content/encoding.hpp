#pragma once
// Turning the bytes of a text file, as Windows Notepad, macOS or a phone
// saved them, into UTF-8 for the TOML parser.
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace annae::content {

// Accepts UTF-8 with or without a BOM; converts CP949 (Korean "ANSI"),
// UTF-16 and UTF-32 (LE or BE, with a BOM or recognised by the zero bytes of
// their ASCII characters), warning once with the encoding's name. CRLF and
// lone CR become LF. Bytes that are valid CP949 but read as rare syllables
// and Hanja rather than Korean (Japanese Shift-JIS, mostly) are refused, not
// shown garbled. A file that is none of these (binary, damaged) gets an
// error at the line:column of the first bad character, naming its byte
// offset in the file, and nullopt is returned.
//
// The result is NOT Unicode-normalized: the TOML parser must see the original
// characters so that its line:column positions match what staff see in their
// editor. Strings are normalized one by one after parsing.
std::optional<std::string> decode_text_file(std::string_view bytes, const std::string& display_path,
                                            Diagnostics& out);

// Converts CP949 bytes to UTF-8; nullopt if any byte sequence is not CP949.
std::optional<std::string> cp949_to_utf8(std::string_view bytes);

}  // namespace annae::content
