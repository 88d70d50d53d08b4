// json_text_test.cc: the one JSON string escaper — every escape, UTF-8 kept,
// every kind of invalid UTF-8 replaced, and the output always valid JSON.
#include "perfbudget/io/json_text.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using std::string_literals::operator""s;

const std::string kR = "\xEF\xBF\xBD";  // U+FFFD

TEST(JsonTextTest, PlainTextIsCopied) {
  EXPECT_EQ(JsonQuote(""), "\"\"");
  EXPECT_EQ(JsonQuote("abc 123 ~/"), "\"abc 123 ~/\"");
  EXPECT_EQ(JsonQuote("宿马园区 2022"), "\"宿马园区 2022\"");
  EXPECT_EQ(JsonQuote("≥50个 ￥"), "\"≥50个 ￥\"");
}

TEST(JsonTextTest, ValidBoundarySequencesAreCopied) {
  for (const char* s : {"\xC2\x80",           // U+0080
                        "\xDF\xBF",           // U+07FF
                        "\xE0\xA0\x80",       // U+0800
                        "\xED\x9F\xBF",       // U+D7FF, below the surrogates
                        "\xEE\x80\x80",       // U+E000, above them
                        "\xEF\xBF\xBF",       // U+FFFF
                        "\xF0\x90\x80\x80",   // U+10000
                        "\xF0\x9F\x98\x80",   // U+1F600
                        "\xF4\x8F\xBF\xBF"})  // U+10FFFF
  {
    EXPECT_EQ(JsonQuote(s), "\"" + std::string(s) + "\"") << s;
  }
}

TEST(JsonTextTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(JsonQuote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(JsonQuote("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(JsonQuote("\x01\x1F\x7F"), R"("\u0001\u001f\u007f")");
  EXPECT_EQ(JsonQuote("x\0y"s), R"("x\u0000y")");
}

TEST(JsonTextTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(JsonQuote("\x80"), "\"" + kR + "\"");                       // stray continuation
  EXPECT_EQ(JsonQuote("\x80\x80\x80\x80\x80"), "\"" + kR + kR + "\"");  // 4 at most per U+FFFD
  EXPECT_EQ(JsonQuote("a\xE5\xAE"), "\"a" + kR + "\"");                 // truncated at the end
  EXPECT_EQ(JsonQuote("a\xE2\x82"
                      "b"),
            "\"a" + kR + "b\"");                               // truncated before ASCII
  EXPECT_EQ(JsonQuote("\xC0\x80"), "\"" + kR + "\"");          // overlong NUL
  EXPECT_EQ(JsonQuote("\xC1\xBF"), "\"" + kR + "\"");          // overlong 2-byte
  EXPECT_EQ(JsonQuote("\xE0\x9F\xBF"), "\"" + kR + "\"");      // overlong 3-byte
  EXPECT_EQ(JsonQuote("\xF0\x8F\xBF\xBF"), "\"" + kR + "\"");  // overlong 4-byte
  EXPECT_EQ(JsonQuote("\xED\xA0\x80"), "\"" + kR + "\"");      // surrogate U+D800
  EXPECT_EQ(JsonQuote("\xF4\x90\x80\x80"), "\"" + kR + "\"");  // U+110000
  EXPECT_EQ(JsonQuote("\xF5\x80"), "\"" + kR + "\"");          // no such lead byte
  EXPECT_EQ(JsonQuote("\xFF"
                      "宿"),
            "\"" + kR + "宿\"");  // valid text after a bad byte
}

TEST(JsonTextTest, AppendsToWhatIsThere) {
  std::string out = "[";
  AppendJsonString(out, "a");
  out += ",";
  AppendJsonString(out, "\n");
  EXPECT_EQ(out, R"(["a","\n")");
}

// An independent reference: decodes one code point, or returns -1.
std::int32_t RefDecode(std::string_view s, std::size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  int n = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (n == 0 || b0 > 0xF7 || *i + n > s.size()) return -1;
  std::int32_t cp = n == 1 ? b0 : b0 & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if (b < 0x80 || b > 0xBF) return -1;
    cp = cp * 64 + (b & 0x3F);
  }
  const std::int32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *i += static_cast<std::size_t>(n);
  return cp;
}

// The output is valid JSON string text: quoted, valid UTF-8 (by the
// reference), no raw control, DEL, quote or backslash between the quotes
// except in an escape; and valid input without specials is copied as is.
void ExpectWellFormed(const std::string& in) {
  const std::string out = JsonQuote(in);
  ASSERT_GE(out.size(), 2u);
  ASSERT_EQ(out.front(), '"');
  ASSERT_EQ(out.back(), '"');
  const std::string_view body(out.data() + 1, out.size() - 2);
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '\\') {
      ASSERT_LT(i + 1, body.size());
      const char e = body[i + 1];
      ASSERT_NE(std::string_view("\"\\bfnrtu").find(e), std::string_view::npos);
      i += e == 'u' ? 6 : 2;
      continue;
    }
    const auto c = static_cast<unsigned char>(body[i]);
    ASSERT_TRUE(c >= 0x20 && c != 0x7F && c != '"') << "raw byte " << int{c};
    ASSERT_GE(RefDecode(body, &i), 0) << "invalid UTF-8 in the output";
  }
  bool valid_plain = true;
  for (std::size_t i = 0; i < in.size() && valid_plain;) {
    const std::int32_t cp = RefDecode(in, &i);
    valid_plain = cp >= 0x20 && cp != 0x7F && cp != '"' && cp != '\\';
  }
  if (valid_plain) EXPECT_EQ(out, "\"" + in + "\"");
}

// All two-byte inputs, and every lead byte ≥ 0x80 with every second byte and
// the boundary values of the third and fourth.
TEST(JsonTextTest, OutputIsAlwaysWellFormed) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      ExpectWellFormed({static_cast<char>(a), static_cast<char>(b)});
      if (HasFatalFailure()) return;
    }
  }
  const unsigned char kTails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (int a = 0x80; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      for (unsigned char c : kTails) {
        for (unsigned char d : kTails) {
          ExpectWellFormed({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
                            static_cast<char>(d), 'x'});
          if (HasFatalFailure()) return;
        }
      }
    }
  }
}

// The one JSON writer: pretty (one member a line), one-line containers
// inside a pretty document, and compact.
TEST(JsonWriterTest, PrettyOneLineAndCompactLayouts) {
  const auto write = [](JsonWriter& w) {
    w.BeginObject();
    w.Key("a").Int(-1);
    w.Key("empty").BeginArray().EndArray();
    w.Key("row").BeginObject(/*one_line=*/true);
    w.Key("x").Raw("1.50").Key("list").BeginArray().String("省").Null().Bool(false).EndArray();
    w.Key("nested").BeginObject().EndObject();
    w.EndObject();
    w.Key("rows").BeginArray();
    w.BeginArray(/*one_line=*/true).Int(1).Int(2).EndArray();
    w.EndArray();
    w.EndObject();
    return w.Finish();
  };
  JsonWriter pretty;
  EXPECT_EQ(write(pretty),
            "{\n"
            "  \"a\": -1,\n"
            "  \"empty\": [],\n"
            "  \"row\": {\"x\": 1.50, \"list\": [\"省\", null, false], \"nested\": {}},\n"
            "  \"rows\": [\n"
            "    [1, 2]\n"
            "  ]\n"
            "}\n");
  // Finish leaves the writer ready for another document.
  EXPECT_EQ(write(pretty), write(pretty));
  JsonWriter compact(JsonWriter::Layout::kCompact);
  EXPECT_EQ(write(compact),
            "{\"a\":-1,\"empty\":[],\"row\":{\"x\":1.50,\"list\":[\"省\",null,false],"
            "\"nested\":{}},\"rows\":[[1,2]]}");
}

}  // namespace
}  // namespace perfbudget
