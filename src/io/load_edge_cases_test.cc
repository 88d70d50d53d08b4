// load_edge_cases_test.cc: loading edge cases across the streaming CSV
// tokenizer, the guarded table reader, indicators attached while reading,
// mapped JSON files and early freeing in Build: RFC 4180 corners, places of
// every error, GB18030, split and unknown goals, mapped vs in-memory JSON.
// The tokenizer is also checked against a simple byte-by-byte reference
// (below) on random texts.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_table.h"
#include "io/csv_test_util.h"
#include "io/json_internal.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget {
namespace {

using csv_test::CopyFixture;
using csv_test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

// ---- reference: a simple byte-by-byte tokenizer (the one the streaming tokenizer replaced) ----

class RefCursor {
 public:
  explicit RefCursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool at_newline() const { return !done() && (peek() == '\n' || peek() == '\r'); }
  int line() const { return line_; }
  int column() const { return column_; }
  void Advance() {
    const char c = text_[pos_++];
    if (c == '\r' && !done() && text_[pos_] == '\n') ++pos_;
    if (c == '\n' || c == '\r') {
      ++line_;
      column_ = 1;
    } else if (done() || (static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
      ++column_;
    }
  }
  std::string_view newline() const {
    if (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      return text_.substr(pos_, 2);
    }
    return text_.substr(pos_, 1);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

CsvParseResult RefParseCsv(std::string_view text) {
  CsvParseResult result;
  RefCursor cur(text);
  while (!cur.done()) {
    if (cur.at_newline()) {
      cur.Advance();
      continue;
    }
    CsvRecord record;
    record.line = cur.line();
    bool spoiled = false;
    bool record_done = false;
    while (!record_done) {
      CsvCell cell;
      cell.line = cur.line();
      cell.column = cur.column();
      if (!cur.done() && cur.peek() == '"') {
        cur.Advance();
        bool closed = false;
        while (!cur.done()) {
          const char c = cur.peek();
          if (c == '"') {
            cur.Advance();
            if (!cur.done() && cur.peek() == '"') {
              cell.text.push_back('"');
              cur.Advance();
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\r' || c == '\n') {
            cell.text.append(cur.newline());
          } else {
            cell.text.push_back(c);
          }
          cur.Advance();
        }
        if (!closed) {
          result.errors.push_back({cell.line, cell.column, "unterminated"});
          return result;
        }
        if (!cur.done() && cur.peek() != ',' && !cur.at_newline()) {
          if (!spoiled) result.errors.push_back({cur.line(), cur.column(), "after quote"});
          spoiled = true;
          while (!cur.done() && cur.peek() != ',' && !cur.at_newline()) cur.Advance();
        }
      } else {
        while (!cur.done() && cur.peek() != ',' && !cur.at_newline()) {
          if (cur.peek() == '"' && !spoiled) {
            result.errors.push_back({cur.line(), cur.column(), "quote inside"});
            spoiled = true;
          }
          cell.text.push_back(cur.peek());
          cur.Advance();
        }
      }
      record.cells.push_back(std::move(cell));
      if (!cur.done() && cur.peek() == ',') {
        cur.Advance();
      } else {
        if (!cur.done()) cur.Advance();
        record_done = true;
      }
    }
    if (!spoiled) result.records.push_back(std::move(record));
  }
  return result;
}

std::string Show(const CsvParseResult& r) {
  std::string s;
  for (const CsvRecord& rec : r.records) {
    s += "rec@" + std::to_string(rec.line) + ":";
    for (const CsvCell& c : rec.cells) {
      s += " [" + c.text + "]@" + std::to_string(c.line) + "." + std::to_string(c.column);
    }
    s += "\n";
  }
  for (const CsvSyntaxError& e : r.errors) {
    s += "err@" + std::to_string(e.line) + "." + std::to_string(e.column) + "\n";
  }
  return s;
}

std::string Escape(std::string_view t) {
  std::string s;
  for (char c : t) {
    if (c == '\n') {
      s += "\\n";
    } else if (c == '\r') {
      s += "\\r";
    } else {
      s += c;
    }
  }
  return s;
}

// the streaming tokenizer gives the same records, texts, lines,
// columns and error places as the byte-by-byte one on random short texts
// over the alphabet that matters (comma, quote, CR, LF, a CJK character).
TEST(LoadEdgeCsvTokenizer, SameAsByteByByteTokenizerOnRandomTexts) {
  const std::vector<std::string> alphabet = {"a", ",", "\"", "\n", "\r", "名", " "};
  std::mt19937 rng(12345);
  int mismatches = 0;
  for (int iter = 0; iter < 200000 && mismatches < 5; ++iter) {
    std::string text;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
    const std::string got = Show(ParseCsv(text));
    const std::string want = Show(RefParseCsv(text));
    if (got != want) {
      ++mismatches;
      ADD_FAILURE() << "text: " << Escape(text) << "\ngot:\n"
                    << Escape(got) << "\nwant:\n"
                    << Escape(want);
    }
  }
}

// the quick quote check never says "well formed" for a text the
// tokenizer finds an error in (else syntax errors would go unreported and
// their records silently dropped).
TEST(LoadEdgeCsvTokenizer, QuickCheckNeverHidesAnError) {
  const std::vector<std::string> alphabet = {"a", ",", "\"", "\n", "\r", "名"};
  std::mt19937 rng(777);
  for (int iter = 0; iter < 200000; ++iter) {
    std::string text;
    const int len = static_cast<int>(rng() % 10);
    for (int i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
    CsvTokenizer t(text);
    while (t.Next()) {
    }
    if (CsvQuotesWellFormed(text)) {
      ASSERT_TRUE(t.errors().empty()) << Escape(text);
    }
  }
}

// RFC 4180 edge cases, field texts and places.
TEST(LoadEdgeCsvTokenizer, Rfc4180EdgeCases) {
  // quoted comma, doubled quote, newline in quotes, CRLF, no final newline
  const CsvParseResult r =
      ParseCsv("h1,h2\r\n\"a,b\",\"x\"\"y\"\r\n\"l1\r\nl2\",z\r\n\r\nlast,\"\"");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[1].cells[0].text, "a,b");
  EXPECT_EQ(r.records[1].cells[1].text, "x\"y");
  EXPECT_EQ(r.records[2].cells[0].text, "l1\r\nl2");
  EXPECT_EQ(r.records[2].line, 3);
  EXPECT_EQ(r.records[2].cells[1].line, 4);
  EXPECT_EQ(r.records[2].cells[1].column, 5);
  EXPECT_EQ(r.records[3].line, 6);  // after an empty line
  EXPECT_EQ(r.records[3].cells[1].text, "");
}

// several syntax errors in one text are all reported, with places.
TEST(LoadEdgeCsvTokenizer, EverySyntaxErrorIsReported) {
  const CsvParseResult r = ParseCsv("a,b\nx\"y,1\n\"q\"z,2\nok,3\n\"open,4\n");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_EQ(r.errors[0].column, 2);
  EXPECT_EQ(r.errors[1].line, 3);
  EXPECT_EQ(r.errors[1].column, 4);
  EXPECT_EQ(r.errors[2].line, 5);
  EXPECT_EQ(r.errors[2].column, 1);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].cells[0].text, "ok");
}

// ---- CSV folders -------------------------------------------------------------

struct Loaded {
  absl::StatusOr<Dataset> dataset;
  Diagnostics diagnostics;
  std::string All() const {
    std::string s;
    for (const Diagnostic& d : diagnostics.items()) s += d.ToString() + "\n";
    return s;
  }
  const Diagnostic* Find(DiagnosticKind kind) const {
    for (const Diagnostic& d : diagnostics.items()) {
      if (d.kind == kind) return &d;
    }
    return nullptr;
  }
};

Loaded LoadGoodWith(const TempDir& tmp, const std::map<std::string, std::string>& files,
                    CsvLoadOptions options = {}) {
  Loaded l;
  const std::string dir = tmp.str("ds");
  CopyFixture("good", dir, files);
  l.dataset = LoadDatasetCsv(dir, options, &l.diagnostics);
  return l;
}

const Goal* GoalById(const Dataset& ds, std::string_view id) {
  for (const Goal& g : ds.goals()) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

// a unit name with a quoted newline, CRLF ends, a BOM and no final
// newline load; a bad row after the quoted newline is placed on its line.
TEST(LoadEdgeCsvFolder, QuotedNewlineCrlfBomNoFinalNewline) {
  TempDir tmp;
  Loaded ok = LoadGoodWith(tmp, {{"units.csv",
                                  "\xEF\xBB\xBFid,name\r\nU01,\"宿马园区\r\n管委会\"\r\n"
                                  "U02,\"东部\"\"新城\"\"\""}});
  ASSERT_TRUE(ok.dataset.ok()) << ok.All();
  EXPECT_EQ(ok.dataset->units()[0].name(), "宿马园区\r\n管委会");
  EXPECT_EQ(ok.dataset->units()[1].name(), "东部\"新城\"");
}

TEST(LoadEdgeCsvFolder, RowAfterQuotedNewlineIsPlacedOnItsLine) {
  TempDir tmp;
  Loaded bad = LoadGoodWith(
      tmp, {{"projects.csv",
             "id,unit,name,category,kind,key,status,start_year,requested,disclose_with_budget,"
             "disclose_with_approval\n"
             "P001,U01,\"两行\n名称\",c,continuing,true,in_progress,2020,5200000.00,true,false\n"
             "P002,U02,名,c,bogus,false,planned,2022,300.00,false,true\n"
             "P003,U01,名,c,new,true,not_implemented,0,0.00,false,false\n"}});
  ASSERT_FALSE(bad.dataset.ok());
  const Diagnostic* d = bad.Find(DiagnosticKind::kEnumValue);
  ASSERT_NE(d, nullptr) << bad.All();
  EXPECT_EQ(d->where.line, 4);
  EXPECT_EQ(d->where.column, 14);  // P002,U02,名,c, = 13 characters
  EXPECT_EQ(d->field, "kind");
  EXPECT_EQ(d->value, "bogus");
}

// every syntax error of a table is reported (not only the first), each
// with its line and column, and the other rows are still read.
TEST(LoadEdgeCsvFolder, AllSyntaxErrorsOfATableAreReported) {
  TempDir tmp;
  Loaded bad = LoadGoodWith(tmp, {{"units.csv", "id,name\nU01,a\"b\n\"U02\"x,c\nU03,ok\n"}});
  ASSERT_FALSE(bad.dataset.ok());
  std::vector<const Diagnostic*> syntax;
  for (const Diagnostic& d : bad.diagnostics.items()) {
    if (d.kind == DiagnosticKind::kSyntax) syntax.push_back(&d);
  }
  ASSERT_EQ(syntax.size(), 2u) << bad.All();
  EXPECT_EQ(syntax[0]->where.line, 2);
  EXPECT_EQ(syntax[0]->where.column, 6);
  EXPECT_EQ(syntax[1]->where.line, 3);
  EXPECT_EQ(syntax[1]->where.column, 6);
}

// an unterminated quote is reported at the quote's place.
TEST(LoadEdgeCsvFolder, UnterminatedQuoteIsReported) {
  TempDir tmp;
  Loaded bad = LoadGoodWith(tmp, {{"units.csv", "id,name\nU01,甲\nU02,\"乙\n"}});
  ASSERT_FALSE(bad.dataset.ok());
  const Diagnostic* d = bad.Find(DiagnosticKind::kSyntax);
  ASSERT_NE(d, nullptr) << bad.All();
  EXPECT_EQ(d->where.line, 3);
  EXPECT_EQ(d->where.column, 5);
  EXPECT_THAT(d->message, HasSubstr("unterminated"));
}

// a GB18030 table loads with --encoding gb18030, and a bad value in it
// is placed by characters.
TEST(LoadEdgeCsvFolder, Gb18030TableLoadsAndPlacesByCharacters) {
  TempDir tmp;
  // "单位" in GB18030: B5 A5 CE BB.
  CsvLoadOptions gb;
  gb.encoding = TextEncoding::kGb18030;
  const std::string dir = tmp.str("ds");
  CopyFixture("good", dir);
  // A minimal folder written in GB18030.
  for (const char* name :
       {"dataset.csv", "units.csv", "projects.csv", "goals.csv", "indicators.csv", "actuals.csv",
        "evaluations.csv", "rectifications.csv", "ex_ante.csv", "adjustments.csv", "funds.csv",
        "payment_plan.csv", "disbursements.csv"}) {
    std::filesystem::remove(std::filesystem::path(dir) / name);
  }
  csv_test::WriteAll(std::filesystem::path(dir) / "dataset.csv",
                     "format,version,fiscal_year\nperfbudget-dataset,1,2022\n");
  csv_test::WriteAll(std::filesystem::path(dir) / "units.csv", "id,name\nU01,\xB5\xA5\xCE\xBB\n");
  csv_test::WriteAll(std::filesystem::path(dir) / "projects.csv",
                     "id,unit,name,start_year\nP1,U01,\xB5\xA5\xCE\xBB,x\n");
  Diagnostics diags;
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(dir, gb, &diags);
  ASSERT_FALSE(ds.ok());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].field, "start_year");
  EXPECT_EQ(diags.items()[0].where.line, 2);
  EXPECT_EQ(diags.items()[0].where.column, 11);  // P1,U01,单位, → 3+4+3 = col 11
}

// an indicator naming an unknown goal is reported with its row; those
// of a duplicate goal id join the first goal; a goal's rows split apart keep
// row order; duplicate indicator ids are placed on their own row.
TEST(LoadEdgeCsvFolder, IndicatorsUnknownGoalDuplicateGoalAndSplitRuns) {
  TempDir tmp;
  const std::string header =
      "goal,id,level1,level2,name,comparator,target,target_high,target_text,unit_of_measure,"
      "weight,baseline,value_source,evaluation_standard\n";
  Loaded bad =
      LoadGoodWith(tmp, {{"goals.csv",
                          "id,owner,project,unit,text\n"
                          "G-P001,project,P001,U01,一\n"
                          "G-U01,unit,,U01,二\n"
                          "G-P001,project,P001,U01,重复\n"},
                         {"indicators.csv", header + "G-P001,1,output,quantity,甲,ge,1,,,,,,,\n"
                                                     "G-U01,1,output,quantity,乙,ge,1,,,,,,,\n"
                                                     "G-NONE,1,output,quantity,丙,ge,1,,,,,,,\n"
                                                     "G-P001,1,output,quantity,丁,ge,1,,,,,,,\n"},
                         {"actuals.csv", "goal,indicator,date,value,grade,text\n"}});
  ASSERT_FALSE(bad.dataset.ok());
  int unknown = 0, dup_goal = 0, dup_ind = 0;
  for (const Diagnostic& d : bad.diagnostics.items()) {
    if (d.kind == DiagnosticKind::kUnknownReference) {
      ++unknown;
      EXPECT_EQ(d.where.line, 4) << d.ToString();
      EXPECT_EQ(d.value, "G-NONE");
      EXPECT_THAT(d.where.file, HasSubstr("indicators.csv"));
    }
    if (d.kind == DiagnosticKind::kDuplicateId && d.field == "id" &&
        d.message.find("indicator") != std::string::npos) {
      ++dup_ind;
      EXPECT_EQ(d.where.line, 5) << d.ToString();
      EXPECT_THAT(d.where.file, HasSubstr("indicators.csv"));
    } else if (d.kind == DiagnosticKind::kDuplicateId) {
      ++dup_goal;
      EXPECT_EQ(d.where.line, 4) << d.ToString();
      EXPECT_THAT(d.where.file, HasSubstr("goals.csv"));
    }
  }
  EXPECT_EQ(unknown, 1) << bad.All();
  EXPECT_EQ(dup_goal, 1) << bad.All();
  EXPECT_EQ(dup_ind, 1) << bad.All();
}

// indicators join their goals in row order even when a goal's rows
// are split by another goal's.
TEST(LoadEdgeCsvFolder, SplitRunsKeepRowOrder) {
  TempDir tmp;
  const std::string header =
      "goal,id,level1,level2,name,comparator,target,target_high,target_text,unit_of_measure,"
      "weight,baseline,value_source,evaluation_standard\n";
  Loaded ok =
      LoadGoodWith(tmp, {{"indicators.csv", header + "G-P001,1,output,quantity,甲,ge,1,,,,,,,\n"
                                                     "G-U01,9,output,quantity,乙,ge,1,,,,,,,\n"
                                                     "G-P001,3,output,quantity,丙,ge,1,,,,,,,\n"
                                                     "G-U01,8,output,quantity,丁,ge,1,,,,,,,\n"},
                         {"actuals.csv", "goal,indicator,date,value,grade,text\n"}});
  ASSERT_TRUE(ok.dataset.ok()) << ok.All();
  const Goal* p = GoalById(*ok.dataset, "G-P001");
  const Goal* u = GoalById(*ok.dataset, "G-U01");
  ASSERT_NE(p, nullptr);
  ASSERT_NE(u, nullptr);
  ASSERT_EQ(p->indicators.size(), 2u);
  EXPECT_EQ(p->indicators[0].name, "甲");
  EXPECT_EQ(p->indicators[1].name, "丙");
  ASSERT_EQ(u->indicators.size(), 2u);
  EXPECT_EQ(u->indicators[0].name, "乙");
  EXPECT_EQ(u->indicators[1].name, "丁");
}

// a table that is a folder is a kIo problem naming the file.
TEST(LoadEdgeCsvFolder, TableThatIsAFolderIsAnIoProblem) {
  TempDir tmp;
  const std::string dir = tmp.str("ds");
  CopyFixture("good", dir);
  std::filesystem::remove(std::filesystem::path(dir) / "units.csv");
  std::filesystem::create_directory(std::filesystem::path(dir) / "units.csv");
  Diagnostics diags;
  ASSERT_FALSE(LoadDatasetCsv(dir, {}, &diags).ok());
  bool found = false;
  for (const Diagnostic& d : diags.items()) {
    if (d.kind == DiagnosticKind::kIo && d.where.file == dir + "/units.csv") found = true;
  }
  EXPECT_TRUE(found);
}

// CR-only line ends (with a CR inside a quoted field) place a bad value
// on its line; max_errors caps what is kept and the rest are counted.
TEST(LoadEdgeCsvFolder, CrOnlyLineEndsAndMaxErrors) {
  TempDir tmp;
  Loaded bad = LoadGoodWith(tmp,
                            {{"funds.csv",
                              "project,source,approved,origin_year\r"
                              "P001,general_budget,\"1\r\",0\r"
                              "P001,general_budget,x1,0\r"
                              "P001,general_budget,x2,0\r"
                              "P001,general_budget,x3,0\r"}},
                            CsvLoadOptions{.max_errors = 2});
  ASSERT_FALSE(bad.dataset.ok());
  ASSERT_EQ(bad.diagnostics.size(), 2u) << bad.All();
  EXPECT_EQ(bad.diagnostics.items()[0].where.line, 4);
  EXPECT_EQ(bad.diagnostics.items()[0].value, "x1");
  EXPECT_EQ(bad.diagnostics.items()[1].where.line, 5);
  EXPECT_GE(bad.diagnostics.dropped(), 1u);
}

// ---- DatasetBuilder: row-by-row indicators after the early freeing ----------

Origin At(const char* file, int line) {
  Origin o;
  o.file = file;
  o.line = line;
  return o;
}

Indicator Ind(const char* id, const char* name) {
  Indicator i;
  i.id = id;
  i.name = name;
  return i;
}

// an indicator added before its goal joins it; one naming no goal is
// reported at its own place; a duplicate id between an inline indicator and
// a row-by-row one is placed at the row (its place kept after the rows are
// freed); the dataset builds once the problems are gone.
TEST(LoadEdgeBuilder, RowByRowIndicatorsBeforeAndWithoutTheirGoal) {
  const auto make = [](bool with_problems) {
    DatasetBuilder b;
    DatasetInfo info;
    info.fiscal_year = 2022;
    b.SetInfo(info, At("d", 1));
    Unit u;
    u.id = "U1";
    u.name = "甲";
    b.AddUnit(u, At("u", 1));
    b.AddIndicator("G1", Ind("a", "先"), At("ind", 10));
    if (with_problems) b.AddIndicator("G9", Ind("x", "无"), At("ind", 11));
    Goal g;
    g.id = "G1";
    g.owner = GoalOwner::kUnit;
    g.unit_id = "U1";
    g.indicators.push_back(Ind(with_problems ? "a" : "b", "内"));
    const Origin inline_at[] = {At("goal-ind", 5)};
    b.AddGoal(g, At("goal", 3), inline_at);
    return b;
  };
  Diagnostics diags;
  DatasetBuilder bad = make(true);
  absl::StatusOr<Dataset> ds = bad.Build({}, &diags);
  ASSERT_FALSE(ds.ok());
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags.items()[0].where.file, "ind");
  EXPECT_EQ(diags.items()[0].where.line, 11);
  EXPECT_EQ(diags.items()[0].kind, DiagnosticKind::kUnknownReference);
  EXPECT_EQ(diags.items()[1].kind, DiagnosticKind::kDuplicateId);
  EXPECT_EQ(diags.items()[1].where.file, "ind");
  EXPECT_EQ(diags.items()[1].where.line, 10);

  DatasetBuilder good = make(false);
  absl::StatusOr<Dataset> ok = good.Build();
  ASSERT_TRUE(ok.ok()) << ok.status();
  ASSERT_EQ(ok->goals().size(), 1u);
  ASSERT_EQ(ok->goals()[0].indicators.size(), 2u);
  EXPECT_EQ(ok->goals()[0].indicators[0].name, "内");  // inline first, then rows
  EXPECT_EQ(ok->goals()[0].indicators[1].name, "先");
}

// A header row spoiled by a syntax error is reported at its place, and the
// table's rows are not read: the next row is not taken for the header (which
// gave follow-on "unknown column \"u01\"" / "required column missing"
// problems).
TEST(LoadEdgeCsvFolder, SyntaxErrorInHeaderIsReportedWithItsPlace) {
  TempDir tmp;
  Loaded bad = LoadGoodWith(tmp, {{"units.csv", "id,na\"me\nU01,甲\n"}});
  ASSERT_FALSE(bad.dataset.ok());
  const Diagnostic* d = bad.Find(DiagnosticKind::kSyntax);
  ASSERT_NE(d, nullptr) << bad.All();
  EXPECT_EQ(d->where.line, 1);
  EXPECT_EQ(d->where.column, 6);
  EXPECT_THAT(d->where.file, HasSubstr("units.csv"));
  EXPECT_THAT(bad.All(), Not(HasSubstr("unknown column")));
  EXPECT_THAT(bad.All(), Not(HasSubstr("required column")));
  // A syntax error after a clean header still lets the other rows be read.
  Loaded later = LoadGoodWith(tmp, {{"units.csv", "id,name\nU01,\"甲\"x\nU02,乙\n"}});
  ASSERT_FALSE(later.dataset.ok());
  EXPECT_NE(later.Find(DiagnosticKind::kSyntax), nullptr) << later.All();
  EXPECT_THAT(later.All(), HasSubstr("\"U01\""));       // U01's row was spoiled: unknown
  EXPECT_THAT(later.All(), Not(HasSubstr("\"U02\"")));  // U02's row was read
}

// ---- JSON: a mapped file and the same text from memory -----------------------

std::vector<std::string> Lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) out.push_back(x.ToString());
  return out;
}

// About `units` units, problems (an unknown field, a duplicate) near the
// start and at the end; padded so the padding fits in the last page.
std::string BigJson(int units, std::string_view prefix, std::string_view nl, bool syntax_error) {
  std::string s(prefix);
  s += "{\"format\": \"perfbudget-dataset\", \"version\": 1,";
  s += nl;
  s += " \"fiscal_year\": {\"year\": 2022},";
  s += nl;
  s += " \"units\": [";
  s += nl;
  for (int i = 0; i < units; ++i) {
    if (i > 0) {
      s += ",";
      s += nl;
    }
    std::string id = "U" + std::to_string(i);
    if (i == units - 1) id = "U7";
    s += "  {\"id\": \"" + id + "\", \"name\": \"单\\u4f4d" + std::to_string(i) + "\"";
    if (i == 3) s += ", \"colour\": \"red\"";
    s += "}";
  }
  s += nl;
  s += " ]";
  s += syntax_error ? "," : "";
  s += nl;
  s += "}";
  s += nl;
  const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  while (s.size() % page != 100) s += ' ';
  return s;
}

class LoadEdgeJsonFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::path(::testing::TempDir()) /
             ("pfb_load_edge_" + std::to_string(::getpid()) + ".json"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  void ExpectSame(const std::string& text) {
    {
      std::ofstream out(path_, std::ios::binary | std::ios::trunc);
      out << text;
    }
    Diagnostics from_file, from_memory;
    // The parsed pages handed back in steps of 256 KiB (the default, 16 MiB,
    // would need files of 20 MB, slow under the sanitizers).
    absl::StatusOr<Dataset> a = json_internal::LoadDatasetJsonFileObserved(
        path_, {}, &from_file, nullptr, std::size_t{256} << 10);
    absl::StatusOr<Dataset> b = LoadDatasetJson(text, {}, &from_memory, path_);
    EXPECT_EQ(a.ok(), b.ok());
    EXPECT_EQ(Lines(from_file), Lines(from_memory));
    EXPECT_FALSE(from_file.empty());
  }
  std::string path_;
};

// a BOM, CRLF line ends, escaped strings: mapped file == memory.
TEST_F(LoadEdgeJsonFile, BomCrlfEscapesSameAsMemory) {
  ExpectSame(BigJson(60000, "\xEF\xBB\xBF", "\r\n", false));
}

// a syntax error at the very end of a mapped file (found by the
// validator after pages were released) is placed as from memory.
TEST_F(LoadEdgeJsonFile, SyntaxErrorAtTheEndSameAsMemory) {
  ExpectSame(BigJson(60000, "", "\n", true));
}

}  // namespace
}  // namespace perfbudget
