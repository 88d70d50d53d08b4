// json_text_test.cc: the one JSON string escaper — every escape, UTF-8 kept,
// every kind of invalid UTF-8 replaced, and the output always valid JSON.
#include "perfbudget/io/json_text.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "io/text_encoding.h"

namespace perfbudget {
namespace {

using std::string_literals::operator""s;

TEST(JsonTextTest, PlainTextIsCopied) {
  EXPECT_EQ(JsonQuote(""), "\"\"");
  EXPECT_EQ(JsonQuote("abc 123 ~"), "\"abc 123 ~\"");
  EXPECT_EQ(JsonQuote("宿马园区 2022"), "\"宿马园区 2022\"");
  EXPECT_EQ(JsonQuote("≥50个 ￥"), "\"≥50个 ￥\"");
  EXPECT_EQ(JsonQuote("\xF0\x9F\x98\x80"), "\"\xF0\x9F\x98\x80\"");  // U+1F600, 4 bytes
  EXPECT_EQ(JsonQuote("\xF4\x8F\xBF\xBF"), "\"\xF4\x8F\xBF\xBF\"");  // U+10FFFF
}

TEST(JsonTextTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(JsonQuote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(JsonQuote("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(JsonQuote("\x01\x1F\x7F"), R"("\u0001\u001f\u007f")");
  EXPECT_EQ(JsonQuote("x\0y"s), R"("x\u0000y")");
}

TEST(JsonTextTest, ReplacesEachInvalidByteWithTheReplacementCharacter) {
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(JsonQuote("\x80"), "\"" + r + "\"");                          // stray continuation
  EXPECT_EQ(JsonQuote("a\xE5\xAE"), "\"a" + r + r + "\"");                // truncated 3-byte
  EXPECT_EQ(JsonQuote("\xC0\x80"), "\"" + r + r + "\"");                  // overlong NUL
  EXPECT_EQ(JsonQuote("\xE0\x80\x80"), "\"" + r + r + r + "\"");          // overlong 3-byte
  EXPECT_EQ(JsonQuote("\xED\xA0\x80"), "\"" + r + r + r + "\"");          // surrogate U+D800
  EXPECT_EQ(JsonQuote("\xF4\x90\x80\x80"), "\"" + r + r + r + r + "\"");  // > U+10FFFF
  EXPECT_EQ(JsonQuote("\xFF"
                      "宿"),
            "\"" + r + "宿\"");  // valid text after a bad byte
}

TEST(JsonTextTest, AppendsToWhatIsThere) {
  std::string out = "[";
  AppendJsonString(out, "a");
  out += ",";
  AppendJsonString(out, "\n");
  EXPECT_EQ(out, R"(["a","\n")");
}

// Every output is valid UTF-8 and holds no raw control character, whatever
// the input bytes: a walk over all one- and two-byte inputs.
TEST(JsonTextTest, OutputIsAlwaysValidUtf8WithoutRawControls) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string in = {static_cast<char>(a), static_cast<char>(b)};
      const std::string out = JsonQuote(in);
      ASSERT_TRUE(IsValidUtf8(out)) << a << " " << b;
      for (char c : out) ASSERT_GE(static_cast<unsigned char>(c), 0x20) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace perfbudget
