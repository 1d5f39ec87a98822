// The \p{name} classes of Go's regexp (Go 1.25, Unicode 15.0) in the
// spelling of this RE2 release (2022-06-01, Unicode 14.0).
//
// Go 1.25 (regexp/syntax unicodeTable) looks a name up after canonicalName:
// case-insensitively, ignoring '_', '-' and ' ', so \p{greek} and \pl work.
// It knows the general categories (with Cn and LC), the scripts, the long
// category aliases of unicode.CategoryAliases (\p{Letter}, \p{digit}) and
// three extras: Any, Assigned (not Cn) and ASCII. RE2 knows the categories
// without Cn and LC, the scripts of Unicode 14 and Any, each spelled exactly.
// Go 1.25's lookup compares the canonical name with the scripts' own
// spellings, which would miss \p{Old_Italic}; the scripts are matched here
// with or without their underscores, as every Go before 1.25 and the Go 1.25
// release notes have them.
#include "rules/go_regexp_syntax.hpp"

#include <cstdint>
#include <cstdio>
#include <utility>

namespace edgegen::rules::detail {

namespace {

using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;

// A class RE2 cannot name: code point ranges, or a union of RE2 classes,
// optionally complemented (Cn is everything Assigned is not).
struct Composite
{
  std::string_view name;
  Ranges ranges;
  std::string_view classes;
  bool complement = false;
};

const Composite k_composites[] = {
    {"ASCII", {{0, 0x7F}}, "", false},
    {"Assigned", {}, R"(\pL\pM\pN\pP\pS\pZ\pC)", false},
    {"Cn", {}, R"(\pL\pM\pN\pP\pS\pZ\pC)", true},
    {"LC", {}, R"(\p{Lu}\p{Ll}\p{Lt})", false},
    // Scripts new in Unicode 15.0, from Go's unicode tables.
    {"Kawi", {{0x11F00, 0x11F10}, {0x11F12, 0x11F3A}, {0x11F3E, 0x11F59}}, "", false},
    {"Nag_Mundari", {{0x1E4D0, 0x1E4F9}}, "", false},
};

// Names RE2 spells as Go does: Any, the categories, the scripts of Unicode 14.
const char* const k_re2_names[] = {
    "Any",
    "C",
    "Cc",
    "Cf",
    "Co",
    "Cs",
    "L",
    "Ll",
    "Lm",
    "Lo",
    "Lt",
    "Lu",
    "M",
    "Mc",
    "Me",
    "Mn",
    "N",
    "Nd",
    "Nl",
    "No",
    "P",
    "Pc",
    "Pd",
    "Pe",
    "Pf",
    "Pi",
    "Po",
    "Ps",
    "S",
    "Sc",
    "Sk",
    "Sm",
    "So",
    "Z",
    "Zl",
    "Zp",
    "Zs",
    "Adlam",
    "Ahom",
    "Anatolian_Hieroglyphs",
    "Arabic",
    "Armenian",
    "Avestan",
    "Balinese",
    "Bamum",
    "Bassa_Vah",
    "Batak",
    "Bengali",
    "Bhaiksuki",
    "Bopomofo",
    "Brahmi",
    "Braille",
    "Buginese",
    "Buhid",
    "Canadian_Aboriginal",
    "Carian",
    "Caucasian_Albanian",
    "Chakma",
    "Cham",
    "Cherokee",
    "Chorasmian",
    "Common",
    "Coptic",
    "Cuneiform",
    "Cypriot",
    "Cypro_Minoan",
    "Cyrillic",
    "Deseret",
    "Devanagari",
    "Dives_Akuru",
    "Dogra",
    "Duployan",
    "Egyptian_Hieroglyphs",
    "Elbasan",
    "Elymaic",
    "Ethiopic",
    "Georgian",
    "Glagolitic",
    "Gothic",
    "Grantha",
    "Greek",
    "Gujarati",
    "Gunjala_Gondi",
    "Gurmukhi",
    "Han",
    "Hangul",
    "Hanifi_Rohingya",
    "Hanunoo",
    "Hatran",
    "Hebrew",
    "Hiragana",
    "Imperial_Aramaic",
    "Inherited",
    "Inscriptional_Pahlavi",
    "Inscriptional_Parthian",
    "Javanese",
    "Kaithi",
    "Kannada",
    "Katakana",
    "Kayah_Li",
    "Kharoshthi",
    "Khitan_Small_Script",
    "Khmer",
    "Khojki",
    "Khudawadi",
    "Lao",
    "Latin",
    "Lepcha",
    "Limbu",
    "Linear_A",
    "Linear_B",
    "Lisu",
    "Lycian",
    "Lydian",
    "Mahajani",
    "Makasar",
    "Malayalam",
    "Mandaic",
    "Manichaean",
    "Marchen",
    "Masaram_Gondi",
    "Medefaidrin",
    "Meetei_Mayek",
    "Mende_Kikakui",
    "Meroitic_Cursive",
    "Meroitic_Hieroglyphs",
    "Miao",
    "Modi",
    "Mongolian",
    "Mro",
    "Multani",
    "Myanmar",
    "Nabataean",
    "Nandinagari",
    "New_Tai_Lue",
    "Newa",
    "Nko",
    "Nushu",
    "Nyiakeng_Puachue_Hmong",
    "Ogham",
    "Ol_Chiki",
    "Old_Hungarian",
    "Old_Italic",
    "Old_North_Arabian",
    "Old_Permic",
    "Old_Persian",
    "Old_Sogdian",
    "Old_South_Arabian",
    "Old_Turkic",
    "Old_Uyghur",
    "Oriya",
    "Osage",
    "Osmanya",
    "Pahawh_Hmong",
    "Palmyrene",
    "Pau_Cin_Hau",
    "Phags_Pa",
    "Phoenician",
    "Psalter_Pahlavi",
    "Rejang",
    "Runic",
    "Samaritan",
    "Saurashtra",
    "Sharada",
    "Shavian",
    "Siddham",
    "SignWriting",
    "Sinhala",
    "Sogdian",
    "Sora_Sompeng",
    "Soyombo",
    "Sundanese",
    "Syloti_Nagri",
    "Syriac",
    "Tagalog",
    "Tagbanwa",
    "Tai_Le",
    "Tai_Tham",
    "Tai_Viet",
    "Takri",
    "Tamil",
    "Tangsa",
    "Tangut",
    "Telugu",
    "Thaana",
    "Thai",
    "Tibetan",
    "Tifinagh",
    "Tirhuta",
    "Toto",
    "Ugaritic",
    "Vai",
    "Vithkuqi",
    "Wancho",
    "Warang_Citi",
    "Yezidi",
    "Yi",
    "Zanabazar_Square",
};

// unicode.CategoryAliases (Unicode 15.0): each alias and its category.
const std::pair<const char*, const char*> k_aliases[] = {
    {"Cased_Letter", "LC"},
    {"Close_Punctuation", "Pe"},
    {"Combining_Mark", "M"},
    {"Connector_Punctuation", "Pc"},
    {"Control", "Cc"},
    {"Currency_Symbol", "Sc"},
    {"Dash_Punctuation", "Pd"},
    {"Decimal_Number", "Nd"},
    {"Enclosing_Mark", "Me"},
    {"Final_Punctuation", "Pf"},
    {"Format", "Cf"},
    {"Initial_Punctuation", "Pi"},
    {"Letter", "L"},
    {"Letter_Number", "Nl"},
    {"Line_Separator", "Zl"},
    {"Lowercase_Letter", "Ll"},
    {"Mark", "M"},
    {"Math_Symbol", "Sm"},
    {"Modifier_Letter", "Lm"},
    {"Modifier_Symbol", "Sk"},
    {"Nonspacing_Mark", "Mn"},
    {"Number", "N"},
    {"Open_Punctuation", "Ps"},
    {"Other", "C"},
    {"Other_Letter", "Lo"},
    {"Other_Number", "No"},
    {"Other_Punctuation", "Po"},
    {"Other_Symbol", "So"},
    {"Paragraph_Separator", "Zp"},
    {"Private_Use", "Co"},
    {"Punctuation", "P"},
    {"Separator", "Z"},
    {"Space_Separator", "Zs"},
    {"Spacing_Mark", "Mc"},
    {"Surrogate", "Cs"},
    {"Symbol", "S"},
    {"Titlecase_Letter", "Lt"},
    {"Unassigned", "Cn"},
    {"Uppercase_Letter", "Lu"},
    {"cntrl", "Cc"},
    {"digit", "Nd"},
    {"punct", "P"},
};

// Go's canonicalName: separators dropped, the first letter upper case, the
// rest lower case.
std::string canonical(std::string_view name)
{
  std::string out;
  for (char c : name) {
    if (c == '_' || c == '-' || c == ' ') {
      continue;
    }
    bool first = out.empty();
    if (first && c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    } else if (!first && c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    out += c;
  }
  return out;
}

std::string hex_rune(uint32_t rune)
{
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x{%X}", static_cast<unsigned>(rune));
  return buffer;
}

std::string ranges_text(const Ranges& ranges, bool complement)
{
  Ranges shown = ranges;
  if (complement) {
    shown.clear();
    uint32_t next = 0;
    for (const auto& [low, high] : ranges) {
      if (low > next) {
        shown.emplace_back(next, low - 1);
      }
      next = high + 1;
    }
    if (next <= 0x10FFFF) {
      shown.emplace_back(next, 0x10FFFF);
    }
  }
  std::string out;
  for (const auto& [low, high] : shown) {
    out += hex_rune(low) + "-" + hex_rune(high);
  }
  return out;
}

// The Go name `name` stands for, in the spelling of the tables above.
std::string_view go_name(std::string_view name)
{
  std::string key = canonical(name);
  for (const auto& c : k_composites) {
    if (canonical(c.name) == key) {
      return c.name;
    }
  }
  for (const char* n : k_re2_names) {
    if (canonical(n) == key) {
      return n;
    }
  }
  for (const auto& [alias, category] : k_aliases) {
    if (canonical(alias) == key) {
      return category;
    }
  }
  return {};
}

} // namespace

std::string re2_unicode_class(std::string_view name, bool negated, bool in_class, bool& inexpressible)
{
  inexpressible = false;
  std::string_view found = go_name(name);
  if (found.empty()) {
    return {};
  }
  for (const auto& c : k_composites) {
    if (c.name != found) {
      continue;
    }
    if (!c.ranges.empty()) {
      return in_class ? ranges_text(c.ranges, negated) : (negated ? "[^" : "[") + ranges_text(c.ranges, false) + "]";
    }
    bool outside = negated != c.complement; // the class is the complement of `classes`
    if (!in_class) {
      return (outside ? "[^" : "[") + std::string(c.classes) + "]";
    }
    // Inside [...], RE2 has no way to add the complement of a union.
    inexpressible = outside;
    return std::string(c.classes);
  }
  return (negated ? "\\P{" : "\\p{") + std::string(found) + "}";
}

} // namespace edgegen::rules::detail
