// codec_test.cc: each value codec on its own: grammar, values, error kinds.
// (entry_points_test.cc checks that every reader gives the same verdicts.)
#include <string>
#include <string_view>

#include "codec/amount.h"
#include "codec/bool.h"
#include "codec/codec_error.h"
#include "codec/date.h"
#include "codec/enum.h"
#include "codec/id.h"
#include "codec/ratio.h"
#include "codec/text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "perfbudget/model/enums.h"

namespace perfbudget::codec {
namespace {

using ::testing::HasSubstr;

TEST(TrimTextTest, TrimsEveryWhiteSpaceAtBothEnds) {
  EXPECT_EQ(TrimText(""), "");
  EXPECT_EQ(TrimText("a"), "a");
  EXPECT_EQ(TrimText(" \t\n\v\f\ra b\r\n"), "a b");
  EXPECT_EQ(TrimText("\xE3\x80\x80P001\xE3\x80\x80"), "P001");  // U+3000
  EXPECT_EQ(TrimText("\xC2\xA0P001\xC2\xA0 "), "P001");         // U+00A0
  EXPECT_EQ(TrimText(" \xE3\x80\x80 \xC2\xA0 "), "");
  // Not white space: other characters ending in the same bytes.
  EXPECT_EQ(TrimText("\xC3\xA0"), "\xC3\xA0");          // à ends in A0
  EXPECT_EQ(TrimText("\xE4\xB8\x80"), "\xE4\xB8\x80");  // 一
  EXPECT_EQ(TrimText("\x01x\x01"), "\x01x\x01");        // controls are kept
  EXPECT_TRUE(IsBlank(" \xE3\x80\x80"));
  EXPECT_FALSE(IsBlank(" x "));
}

TEST(DecodeAmountTest, ReadsEveryWrittenForm) {
  EXPECT_EQ(DecodeAmount("1234.56")->fen(), 123456);
  EXPECT_EQ(DecodeAmount(" 1,234.5 ")->fen(), 123450);
  EXPECT_EQ(DecodeAmount("2400万元")->fen(), 2400000000);
  EXPECT_EQ(DecodeAmount("1.2亿元")->fen(), 12000000000);
  EXPECT_EQ(DecodeAmount("-12.5")->fen(), -1250);
  EXPECT_EQ(DecodeAmount("12", MoneyUnit::kWanYuan)->fen(), 12000000);
}

TEST(DecodeAmountTest, ErrorKinds) {
  EXPECT_EQ(DecodeAmount("").error(), CodecError::kEmpty);
  EXPECT_EQ(DecodeAmount(" \xE3\x80\x80").error(), CodecError::kEmpty);
  EXPECT_EQ(DecodeAmount("abc").error(), CodecError::kSyntax);
  EXPECT_EQ(DecodeAmount("1e3").error(), CodecError::kSyntax);
  EXPECT_THAT(DecodeAmount("1e3").message(), HasSubstr("exponent"));
  EXPECT_EQ(DecodeAmount("1/2").error(), CodecError::kSyntax);
  EXPECT_EQ(DecodeAmount("1.234").error(), CodecError::kSubFen);
  EXPECT_EQ(DecodeAmount("1.2345678万元").error(), CodecError::kSubFen);
  EXPECT_EQ(DecodeAmount("92233720368547758.08").error(), CodecError::kOverflow);
  EXPECT_EQ(DecodeAmount("1" + std::string(30, '0')).error(), CodecError::kOverflow);
  EXPECT_TRUE(DecodeAmount("92233720368547758.07").ok());
  EXPECT_EQ(DecodeAmount("1.234").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeAmount("1" + std::string(30, '0')).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(DecodeRatioTest, DecimalsAndFractions) {
  EXPECT_EQ(*DecodeRatio("0.5"), Ratio(1, 2));
  EXPECT_EQ(*DecodeRatio(" 2 "), Ratio(2));
  EXPECT_EQ(*DecodeRatio("-1"), Ratio(-1));
  EXPECT_EQ(*DecodeRatio("1,234.5"), Ratio(12345, 10));
  EXPECT_EQ(*DecodeRatio("１２．５"), Ratio(25, 2));
  EXPECT_EQ(*DecodeRatio("1/3"), Ratio(1, 3));
  EXPECT_EQ(*DecodeRatio("-7/2"), Ratio(-7, 2));
  EXPECT_EQ(*DecodeRatio(" 2 / 4 "), Ratio(1, 2));
  EXPECT_EQ(*DecodeRatio("+6/4"), Ratio(3, 2));
}

TEST(DecodeRatioTest, OneGrammarRefusesTheRest) {
  for (std::string_view bad : {"1.5/2", "1/-2", "1/+2", "1/0", "1/", "/2", "1/2/3", "1/2.0",
                               "1,000/3", "1e3", "1E3", "abc", "1.", ".5", "12%", "--1"}) {
    Decoded<Ratio> r = DecodeRatio(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error(), CodecError::kSyntax) << bad;
      EXPECT_THAT(r.message(), HasSubstr(std::string(bad))) << bad;
    }
  }
  EXPECT_EQ(DecodeRatio("").error(), CodecError::kEmpty);
  EXPECT_EQ(DecodeRatio("  ").error(), CodecError::kEmpty);
  EXPECT_EQ(DecodeRatio(std::string(39, '9')).error(), CodecError::kOverflow);
  EXPECT_EQ(DecodeRatio(std::string(39, '9') + "/2").error(), CodecError::kOverflow);
  EXPECT_EQ(DecodeRatio("1/" + std::string(39, '9')).error(), CodecError::kOverflow);
  EXPECT_TRUE(DecodeRatio(std::string(38, '9')).ok());
  EXPECT_TRUE(DecodeRatio("1/" + std::string(38, '9')).ok());
}

TEST(EncodeRatioTest, RoundTripsExactly) {
  for (const Ratio& r : {Ratio(1, 3), Ratio(-7, 2), Ratio(5), Ratio(1, 8), Ratio(0),
                         Ratio(1, int128_t{1} << 100), Ratio(2, 3) * Ratio(1, 1024)}) {
    const std::string text = EncodeRatio(r);
    Decoded<Ratio> back = DecodeRatio(text);
    ASSERT_TRUE(back.ok()) << text << ": " << back.message();
    EXPECT_EQ(*back, r) << text;
  }
  EXPECT_EQ(EncodeRatio(Ratio(1, 3)), "1/3");
  EXPECT_EQ(EncodeRatio(Ratio(25, 2)), "12.5");
}

TEST(DecodeDateTest, IsoOnly) {
  EXPECT_EQ(DecodeDate(" 2022-08-31 ")->ToString(), "2022-08-31");
  EXPECT_EQ(DecodeDate("").error(), CodecError::kEmpty);
  EXPECT_EQ(DecodeDate("2022/08/31").error(), CodecError::kSyntax);
  EXPECT_EQ(DecodeDate("2022-8-31").error(), CodecError::kSyntax);
  EXPECT_EQ(DecodeDate("2022年8月31日").error(), CodecError::kSyntax);
  EXPECT_EQ(DecodeDate("2022-02-30").error(), CodecError::kOutOfRange);
  EXPECT_EQ(DecodeDate("2022-13-01").error(), CodecError::kOutOfRange);
  EXPECT_EQ(DecodeDate("0999-01-01").error(), CodecError::kOutOfRange);
  EXPECT_EQ(DiagnosticKindOf(DecodeDate("x").failure()), DiagnosticKind::kDate);
  EXPECT_EQ(DiagnosticKindOf(DecodeDate("2022-02-30").failure()), DiagnosticKind::kDate);
}

TEST(DecodeEnumTest, CodesLabelsAliases) {
  EXPECT_EQ(*DecodeEnum(&ParseFundSource, " General_Budget "), FundSource::kGeneralBudget);
  EXPECT_EQ(*DecodeEnum(&ParseFundSource, "一般公共预算"), FundSource::kGeneralBudget);
  EXPECT_EQ(*DecodeEnum(&ParseFundSource, "\xE3\x80\x80一般公共预算资金"),
            FundSource::kGeneralBudget);
  EXPECT_EQ(*DecodeEnum(&ParseComparator, "不低于"), Comparator::kGe);
  EXPECT_EQ(DecodeEnum(&ParseFundSource, "lottery").error(), CodecError::kUnknownCode);
  EXPECT_EQ(DecodeEnum(&ParseFundSource, "lottery").message(), "unknown value \"lottery\"");
  EXPECT_EQ(DecodeEnum(&ParseFundSource, " ").error(), CodecError::kEmpty);
  EnumMemo memo;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(*memo.Decode(&ParseFundSource, "transfer"), FundSource::kTransfer);
    EXPECT_EQ(*memo.Decode(&ParseGrade, "良"), Grade::kGood);
    EXPECT_EQ(memo.Decode(&ParseGrade, "A+").error(), CodecError::kUnknownCode);
  }
}

TEST(DecodeBoolTest, Words) {
  for (std::string_view t : {"true", "TRUE", "1", "y", "Yes", "是", " true "}) {
    EXPECT_TRUE(*DecodeBool(t)) << t;
  }
  for (std::string_view f : {"false", "0", "N", "no", "否"}) EXPECT_FALSE(*DecodeBool(f)) << f;
  EXPECT_EQ(DecodeBool("maybe").error(), CodecError::kSyntax);
  EXPECT_EQ(DecodeBool("").error(), CodecError::kEmpty);
  EXPECT_EQ(DiagnosticKindOf(DecodeBool("maybe").failure()), DiagnosticKind::kType);
}

TEST(DecodeIdTest, TrimmedAndNonEmpty) {
  EXPECT_EQ(*DecodeId(" P001\xE3\x80\x80"), "P001");
  EXPECT_EQ(*DecodeId("P 001"), "P 001");
  EXPECT_EQ(DecodeId(" ").error(), CodecError::kEmpty);
  EXPECT_EQ(DiagnosticKindOf(DecodeId("").failure()), DiagnosticKind::kMissing);
  EXPECT_EQ(OptionalId(" U01 "), "U01");
}

TEST(CodecErrorTest, NamesAndDiagnosticKinds) {
  EXPECT_EQ(CodeOf(CodecError::kSubFen), "sub_fen");
  EXPECT_EQ(CodeOf(CodecError::kUnknownCode), "unknown_code");
  EXPECT_EQ(DiagnosticKindOf(DecodeAmount("1.234").failure()), DiagnosticKind::kSubFen);
  EXPECT_EQ(DiagnosticKindOf(DecodeAmount("1e40").failure()), DiagnosticKind::kType);
  EXPECT_EQ(DiagnosticKindOf(DecodeRatio(std::string(40, '1')).failure()),
            DiagnosticKind::kOverflow);
  EXPECT_EQ(DiagnosticKindOf(DecodeEnum(&ParseGrade, "A").failure()), DiagnosticKind::kEnumValue);
  EXPECT_EQ(DiagnosticKindOf(CodecFailure{ValueKind::kRatio, CodecError::kNegative, ""}),
            DiagnosticKind::kValue);
}

}  // namespace
}  // namespace perfbudget::codec
