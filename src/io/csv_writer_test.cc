// csv_writer_test.cc: WriteDatasetCsv — byte-identical round trips (CSV and
// JSON), encodings, and atomic replacement of the output folder.
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_test_util.h"
#include "perfbudget/io/csv.h"
#include "perfbudget/io/json.h"

namespace perfbudget {
namespace {

namespace fs = std::filesystem;
using csv_test::FixtureDir;
using csv_test::ReadFolder;
using csv_test::TempDir;
using ::testing::HasSubstr;
using ::testing::SizeIs;

Dataset LoadFixture(const std::string& name, CsvLoadOptions options = {}) {
  absl::StatusOr<Dataset> ds = LoadDatasetCsv(FixtureDir(name), options);
  EXPECT_TRUE(ds.ok()) << ds.status();
  return ds.ok() ? *ds : Dataset();
}

void ExpectSameFolders(const fs::path& got, const fs::path& want) {
  const auto a = ReadFolder(got);
  const auto b = ReadFolder(want);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, content] : b) {
    ASSERT_TRUE(a.count(name)) << name;
    EXPECT_EQ(a.at(name), content) << name;
  }
}

// Entries of `dir` whose name starts with '.' (temporary or backup folders).
int HiddenEntries(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string()[0] == '.';
  return n;
}

TEST(CsvWriterTest, CsvToDatasetToCsvIsByteIdentical) {
  TempDir tmp;
  Dataset ds = LoadFixture("good");
  ASSERT_TRUE(WriteDatasetCsv(ds, tmp.str("out")).ok());
  ExpectSameFolders(tmp.path() / "out", FixtureDir("good"));
}

TEST(CsvWriterTest, WritesEveryTableWithAHeader) {
  TempDir tmp;
  Dataset ds = LoadFixture("aliases");
  ASSERT_TRUE(WriteDatasetCsv(ds, tmp.str("out")).ok());
  const auto files = ReadFolder(tmp.path() / "out");
  EXPECT_THAT(files, SizeIs(13));
  EXPECT_EQ(files.at("rectifications.csv"),
            "id,evaluation,unit,project,description,owner,due,status,closed\n");
  EXPECT_EQ(files.at("funds.csv"),
            "project,source,approved,origin_year\n"
            "P001,general_budget,10000000.00,0\n"
            "P001,land_transfer,12.50,0\n");
  // Written in canonical names, read back to the same bytes.
  absl::StatusOr<Dataset> back = LoadDatasetCsv(tmp.str("out"));
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_TRUE(WriteDatasetCsv(*back, tmp.str("again")).ok());
  ExpectSameFolders(tmp.path() / "again", tmp.path() / "out");
}

TEST(CsvWriterTest, Utf8BomOption) {
  TempDir tmp;
  Dataset ds = LoadFixture("good");
  CsvWriteOptions options;
  options.bom = true;
  ASSERT_TRUE(WriteDatasetCsv(ds, tmp.str("out"), options).ok());
  const std::string units = csv_test::ReadAll(tmp.path() / "out" / "units.csv");
  EXPECT_EQ(units.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(units.substr(3), csv_test::ReadAll(FixtureDir("good") + "/units.csv"));
  absl::StatusOr<Dataset> back = LoadDatasetCsv(tmp.str("out"));
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_TRUE(WriteDatasetCsv(*back, tmp.str("plain")).ok());
  ExpectSameFolders(tmp.path() / "plain", FixtureDir("good"));
}

TEST(CsvWriterTest, Gb18030RoundTripKeepsChineseNames) {
  TempDir tmp;
  Dataset ds = LoadFixture("good");
  CsvWriteOptions gb;
  gb.encoding = TextEncoding::kGb18030;
  ASSERT_TRUE(WriteDatasetCsv(ds, tmp.str("gb"), gb).ok());
  const std::string units = csv_test::ReadAll(tmp.path() / "gb" / "units.csv");
  // 宿马园区 in GB18030.
  EXPECT_THAT(units, HasSubstr("\xCB\xDE\xC2\xED\xD4\xB0\xC7\xF8"));
  EXPECT_THAT(units, ::testing::Not(HasSubstr("宿马园区")));

  CsvLoadOptions options;
  options.encoding = TextEncoding::kGb18030;
  absl::StatusOr<Dataset> back = LoadDatasetCsv(tmp.str("gb"), options);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->units()[1].name(), "宿州东部新城行政管理委员会");
  EXPECT_EQ(back->projects()[1].name(), "招商引资\"专项\"经费");
  ASSERT_TRUE(WriteDatasetCsv(*back, tmp.str("utf8")).ok());
  ExpectSameFolders(tmp.path() / "utf8", FixtureDir("good"));
}

// Twice in one process (a weak check of determinism: another process, other
// threads and records in another order are tests/cpp/determinism_test.cc).
TEST(CsvWriterTest, SameFolderTwiceInOneProcess) {
  TempDir tmp;
  Dataset ds = LoadFixture("good");
  ASSERT_TRUE(WriteDatasetCsv(ds, tmp.str("a")).ok());
  ASSERT_TRUE(WriteDatasetCsv(ds, tmp.str("b")).ok());
  ExpectSameFolders(tmp.path() / "a", tmp.path() / "b");
}

TEST(CsvWriterTest, ExactTargetFormWhenTheTextDoesNotReadBack) {
  DatasetBuilder b(DatasetInfo{"1", "x", 2022, 1, false, ""});
  b.AddUnit(Unit{"U1", "单位"});
  Project p;
  p.id = "P1";
  p.unit_id = "U1";
  p.name = "项目";
  b.AddProject(p);
  Goal g;
  g.id = "G1";
  g.project_id = "P1";
  b.AddGoal(g);
  Indicator ind;
  ind.id = "1";
  ind.name = "数量";
  ind.comparator = Comparator::kGe;
  ind.target_text = "约50台";
  ind.target = Ratio(50);
  ind.unit_of_measure = "台";
  b.AddIndicator("G1", ind);
  Indicator numeric_only;
  numeric_only.id = "2";
  numeric_only.name = "比例";
  numeric_only.comparator = Comparator::kRange;
  numeric_only.target = Ratio(1, 4);
  numeric_only.target_high = Ratio(1, 3);
  numeric_only.target_text = "一到三成";
  b.AddIndicator("G1", numeric_only);
  absl::StatusOr<Dataset> ds = b.Build();
  ASSERT_TRUE(ds.ok()) << ds.status();

  TempDir tmp;
  ASSERT_TRUE(WriteDatasetCsv(*ds, tmp.str("out")).ok());
  EXPECT_THAT(csv_test::ReadAll(tmp.path() / "out" / "indicators.csv"),
              HasSubstr("G1,1,output,quantity,数量,ge,50,,约50台,台,"));
  absl::StatusOr<Dataset> back = LoadDatasetCsv(tmp.str("out"));
  ASSERT_TRUE(back.ok()) << back.status();
  const Indicator& a = back->goals()[0].indicators[0];
  EXPECT_EQ(a.target_text, "约50台");
  EXPECT_EQ(a.target, Ratio(50));
  const Indicator& c = back->goals()[0].indicators[1];
  EXPECT_EQ(c.target, Ratio(1, 4));
  EXPECT_EQ(c.target_high, Ratio(1, 3));
  EXPECT_EQ(c.comparator, Comparator::kRange);
}

TEST(CsvWriterTest, CreatesMissingParents) {
  TempDir tmp;
  ASSERT_TRUE(WriteDatasetCsv(LoadFixture("good"), tmp.str("a/b/c/")).ok());
  EXPECT_TRUE(fs::exists(tmp.path() / "a" / "b" / "c" / "units.csv"));
  EXPECT_EQ(HiddenEntries(tmp.path() / "a" / "b"), 0);
}

TEST(CsvWriterTest, ReplacesAnEarlierOutputWholly) {
  TempDir tmp;
  ASSERT_TRUE(WriteDatasetCsv(LoadFixture("aliases"), tmp.str("out")).ok());
  ASSERT_TRUE(WriteDatasetCsv(LoadFixture("good"), tmp.str("out")).ok());
  ExpectSameFolders(tmp.path() / "out", FixtureDir("good"));
  EXPECT_EQ(HiddenEntries(tmp.path()), 0);
}

TEST(CsvWriterTest, KeepsOtherFilesOfAnExistingFolder) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "out");
  csv_test::WriteAll(tmp.path() / "out" / "README.txt", "keep me");
  csv_test::WriteAll(tmp.path() / "out" / "units.csv", "old");
  ASSERT_TRUE(WriteDatasetCsv(LoadFixture("good"), tmp.str("out")).ok());
  EXPECT_EQ(csv_test::ReadAll(tmp.path() / "out" / "README.txt"), "keep me");
  EXPECT_EQ(csv_test::ReadAll(tmp.path() / "out" / "units.csv"),
            csv_test::ReadAll(FixtureDir("good") + "/units.csv"));
  EXPECT_EQ(HiddenEntries(tmp.path()), 0);
}

TEST(CsvWriterTest, FailsCleanlyWhenTheTargetIsAFile) {
  TempDir tmp;
  csv_test::WriteAll(tmp.path() / "out", "a file");
  absl::Status s = WriteDatasetCsv(LoadFixture("good"), tmp.str("out"));
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("out"));
  EXPECT_EQ(csv_test::ReadAll(tmp.path() / "out"), "a file");
  EXPECT_EQ(HiddenEntries(tmp.path()), 0);
}

TEST(CsvWriterTest, FailsCleanlyWhenTheParentIsAFile) {
  TempDir tmp;
  csv_test::WriteAll(tmp.path() / "file", "x");
  absl::Status s = WriteDatasetCsv(LoadFixture("good"), tmp.str("file/out"));
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("file"));
  EXPECT_EQ(csv_test::ReadAll(tmp.path() / "file"), "x");
  EXPECT_EQ(HiddenEntries(tmp.path()), 0);
}

TEST(CsvWriterTest, WritesIntoTheCurrentFolderByDot) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "here");
  const fs::path old_cwd = fs::current_path();
  fs::current_path(tmp.path() / "here");
  absl::Status s = WriteDatasetCsv(LoadFixture("good"), ".");
  fs::current_path(old_cwd);
  ASSERT_TRUE(s.ok()) << s;
  ExpectSameFolders(tmp.path() / "here", FixtureDir("good"));
}

// Runs `attempt` as the unprivileged user nobody (65534) when the test runs
// as root (as CI does: root ignores permission bits), in a forked child that
// drops its groups, gid and uid before the attempt; otherwise in this
// process. Returns the attempt's status, or an Internal error when the
// privileges could not be dropped (the test then fails: it must not pass
// vacuously).
constexpr uid_t kNobody = 65534;
absl::Status AsUnprivileged(const std::function<absl::Status()>& attempt) {
  if (::geteuid() != 0) return attempt();
  int fds[2];
  if (::pipe(fds) != 0) return absl::InternalError("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    ::close(fds[0]);
    std::string report;
    if (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0 ||
        ::setresuid(kNobody, kNobody, kNobody) != 0 || ::geteuid() != kNobody) {
      report = "I|cannot drop root privileges to uid 65534";
    } else {
      const absl::Status st = attempt();
      report = std::to_string(static_cast<int>(st.code())) + "|" + std::string(st.message());
    }
    std::size_t at = 0;
    while (at < report.size()) {
      const ssize_t n = ::write(fds[1], report.data() + at, report.size() - at);
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string report;
  char buf[512];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) report.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  const std::size_t bar = report.find('|');
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0 || bar == std::string::npos) {
    return absl::InternalError("the unprivileged child failed: " + report);
  }
  if (report.substr(0, bar) == "I") return absl::InternalError(report.substr(bar + 1));
  return absl::Status(static_cast<absl::StatusCode>(std::stoi(report.substr(0, bar))),
                      report.substr(bar + 1));
}

// A folder the writer may not write in: nothing is created there, and the
// error says where. As root the write is attempted as nobody, owner of the
// read-only folder (so the 0555 mode, not mere ownership, is what refuses).
TEST(CsvWriterTest, PermissionDeniedLeavesNothing) {
  TempDir tmp;
  const Dataset ds = LoadFixture("good");  // read before privileges are dropped
  fs::create_directories(tmp.path() / "ro");
  if (::geteuid() == 0) {
    ASSERT_EQ(::chown((tmp.path() / "ro").c_str(), kNobody, kNobody), 0);
  }
  ::chmod((tmp.path() / "ro").c_str(), 0555);
  const std::string target = tmp.str("ro/out");
  absl::Status s = AsUnprivileged([&] { return WriteDatasetCsv(ds, target); });
  ::chmod((tmp.path() / "ro").c_str(), 0755);
  EXPECT_TRUE(absl::IsPermissionDenied(s)) << s;
  EXPECT_THAT(s.message(), HasSubstr("ro"));
  EXPECT_TRUE(fs::is_empty(tmp.path() / "ro"));
}

// The same folder made writable (mode 0755, owned by the same user): the
// write succeeds, so the refusal above comes from the mode alone.
TEST(CsvWriterTest, WritableFolderOfTheSameOwnerIsWritten) {
  TempDir tmp;
  const Dataset ds = LoadFixture("good");
  fs::create_directories(tmp.path() / "rw");
  if (::geteuid() == 0) {
    ASSERT_EQ(::chown((tmp.path() / "rw").c_str(), kNobody, kNobody), 0);
  }
  ::chmod((tmp.path() / "rw").c_str(), 0755);
  const std::string target = tmp.str("rw/out");
  absl::Status s = AsUnprivileged([&] { return WriteDatasetCsv(ds, target); });
  EXPECT_TRUE(s.ok()) << s;
  ExpectSameFolders(tmp.path() / "rw" / "out", FixtureDir("good"));
}

TEST(CsvWriterTest, JsonToCsvToJsonIsByteIdentical) {
  Dataset ds = LoadFixture("good");
  const std::string json = DatasetToJson(ds);
  absl::StatusOr<Dataset> from_json = LoadDatasetJson(json);
  ASSERT_TRUE(from_json.ok()) << from_json.status();
  TempDir tmp;
  ASSERT_TRUE(WriteDatasetCsv(*from_json, tmp.str("out")).ok());
  ExpectSameFolders(tmp.path() / "out", FixtureDir("good"));
  absl::StatusOr<Dataset> from_csv = LoadDatasetCsv(tmp.str("out"));
  ASSERT_TRUE(from_csv.ok()) << from_csv.status();
  EXPECT_EQ(DatasetToJson(*from_csv), json);
}

// Every JSON dataset in the tree (the example and the JSON fixtures) survives
// JSON → CSV → JSON, in UTF-8 and in GB18030.
TEST(CsvWriterTest, JsonDatasetsSurviveCsv) {
  std::vector<fs::path> files = {fs::path(csv_test::SourceDir()) / "examples" / "suma-park-2022" /
                                 "dataset.json"};
  const fs::path good_json = fs::path(csv_test::SourceDir()) / "tests" / "data" / "json" / "good";
  if (fs::is_directory(good_json)) {
    for (const auto& e : fs::directory_iterator(good_json)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
  }
  // The bundled example is required (docs/testing.md): missing, this fails.
  ASSERT_TRUE(fs::is_regular_file(files[0])) << files[0] << " is missing";
  int tried = 0;
  for (const fs::path& file : files) {
    absl::StatusOr<Dataset> ds = LoadDatasetJsonFile(file.string());
    if (!ds.ok()) continue;  // fixtures of other tests may be deliberately odd
    ++tried;
    const std::string json = DatasetToJson(*ds);
    for (TextEncoding enc : {TextEncoding::kUtf8, TextEncoding::kGb18030}) {
      TempDir tmp;
      CsvWriteOptions w;
      w.encoding = enc;
      ASSERT_TRUE(WriteDatasetCsv(*ds, tmp.str("out"), w).ok()) << file;
      CsvLoadOptions r;
      r.encoding = enc;
      absl::StatusOr<Dataset> back = LoadDatasetCsv(tmp.str("out"), r);
      ASSERT_TRUE(back.ok()) << file << ": " << back.status();
      EXPECT_EQ(DatasetToJson(*back), json) << file;
    }
  }
  EXPECT_GT(tried, 0);
}

}  // namespace
}  // namespace perfbudget
