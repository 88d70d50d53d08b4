// text_encoding_test.cc: UTF-8 validation, BOMs and GB18030 conversion.
#include "io/text_encoding.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace perfbudget {
namespace {

using ::testing::IsEmpty;

// "宿马园区" in GB18030 (GBK range): CB DE C2 ED D4 B0 C7 F8.
constexpr std::string_view kSumaGb = "\xCB\xDE\xC2\xED\xD4\xB0\xC7\xF8";

TEST(TextEncodingTest, Bom) {
  EXPECT_TRUE(
      HasUtf8Bom("\xEF\xBB\xBF"
                 "a"));
  EXPECT_EQ(StripUtf8Bom("\xEF\xBB\xBF"
                         "a,b"),
            "a,b");
  EXPECT_EQ(StripUtf8Bom("a,b"), "a,b");
}

TEST(TextEncodingTest, Utf8Validity) {
  EXPECT_TRUE(IsValidUtf8("ascii 宿马园区 ≥ 😀"));
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));          // bad continuation
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE5\xAE"));          // truncated
}

TEST(TextEncodingTest, SanitizeReportsLineAndColumn) {
  DecodedText d = SanitizeUtf8("ok\n园区\xFF,x\n\xC3");
  ASSERT_EQ(d.errors.size(), 2u);
  EXPECT_EQ(d.errors[0].line, 2);
  EXPECT_EQ(d.errors[0].column, 3);
  EXPECT_EQ(d.errors[0].bytes, "\\xFF");
  EXPECT_EQ(d.errors[1].line, 3);
  EXPECT_EQ(d.errors[1].column, 1);
  EXPECT_EQ(d.utf8, "ok\n园区\xEF\xBF\xBD,x\n\xEF\xBF\xBD");
}

TEST(TextEncodingTest, DecodesGb18030) {
  absl::StatusOr<DecodedText> d = DecodeGb18030(std::string("id,") + std::string(kSumaGb) + "\n");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_THAT(d->errors, IsEmpty());
  EXPECT_EQ(d->utf8, "id,宿马园区\n");
}

TEST(TextEncodingTest, DropsGb18030Bom) {
  absl::StatusOr<DecodedText> d = DecodeGb18030(std::string(kGb18030Bom) + std::string(kSumaGb));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "宿马园区");
}

TEST(TextEncodingTest, UndecodableGb18030BytesAreReportedAndReplaced) {
  // 0xFF is never valid in GB18030; a lone lead byte at the end is truncated.
  absl::StatusOr<DecodedText> d =
      DecodeGb18030(std::string("a,b\n") + std::string(kSumaGb.substr(0, 2)) + "\xFF" + "x\n\xCB");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->errors.size(), 2u);
  EXPECT_EQ(d->errors[0].line, 2);
  EXPECT_EQ(d->errors[0].column, 2);
  EXPECT_EQ(d->errors[1].line, 3);
  EXPECT_EQ(d->utf8, "a,b\n宿\xEF\xBF\xBDx\n\xEF\xBF\xBD");
}

TEST(TextEncodingTest, Gb18030RoundTripIncludingFourByteForms) {
  // 😀 and ₿ are outside GBK: GB18030 encodes them in four bytes.
  const std::string text = "宿马园区管委会,≥50个,😀₿,「引号」\n";
  absl::StatusOr<std::string> gb = EncodeGb18030(text);
  ASSERT_TRUE(gb.ok()) << gb.status();
  EXPECT_NE(*gb, text);
  EXPECT_EQ(gb->substr(0, kSumaGb.size()), kSumaGb);
  absl::StatusOr<DecodedText> back = DecodeGb18030(*gb);
  ASSERT_TRUE(back.ok());
  EXPECT_THAT(back->errors, IsEmpty());
  EXPECT_EQ(back->utf8, text);
}

TEST(TextEncodingTest, EncodeRejectsInvalidUtf8) { EXPECT_FALSE(EncodeGb18030("\xFF").ok()); }

TEST(TextEncodingTest, Utf8Length) { EXPECT_EQ(Utf8Length("a宿b"), 3); }

}  // namespace
}  // namespace perfbudget
