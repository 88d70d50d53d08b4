// monitor_test_util.h (tests only): small datasets built in code.
#ifndef PERFBUDGET_SRC_MONITORING_MONITOR_TEST_UTIL_H_
#define PERFBUDGET_SRC_MONITORING_MONITOR_TEST_UTIL_H_

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "perfbudget/model/dataset.h"

namespace perfbudget::testing_monitor {

inline Date D(const char* iso) { return *Date::Parse(iso); }
inline Money Wan(std::int64_t wan) { return Money::FromFen(wan * 1000000); }
inline Money Fen(std::int64_t fen) { return Money::FromFen(fen); }

// A builder with one fiscal year and unit U1.
struct TestData {
  DatasetBuilder b;
  int next_disb = 1;
  explicit TestData(int year = 2022, int start_month = 1) {
    DatasetInfo info;
    info.jurisdiction_code = "J1";
    info.jurisdiction_name = "测试园区";
    info.fiscal_year = year;
    info.fiscal_year_start_month = start_month;
    b.SetInfo(info);
    b.AddUnit({"U1", "一号单位"});
  }
  // A project with one general-budget line of `wan` 万元.
  Project& NewProject(const std::string& id, std::int64_t wan,
                      ProjectStatus status = ProjectStatus::kInProgress,
                      const std::string& unit = "U1") {
    Project p;
    p.id = id;
    p.unit_id = unit;
    p.name = "项目" + id;
    p.status = status;
    if (wan > 0) p.funds.push_back({FundSource::kGeneralBudget, Wan(wan), 0});
    pending.push_back(std::move(p));
    return pending.back();
  }
  void Pay(const std::string& project, const char* date, Money amount,
           FundSource source = FundSource::kGeneralBudget) {
    Disbursement d;
    d.id = "V" + std::to_string(next_disb++);
    d.project_id = project;
    d.date = D(date);
    d.source = source;
    d.amount = amount;
    b.AddDisbursement(d);
  }
  Dataset Build() {
    for (Project& p : pending) b.AddProject(std::move(p));
    pending.clear();
    Diagnostics diags;
    auto ds = b.Build({}, &diags);
    EXPECT_TRUE(ds.ok()) << ds.status() << (diags.empty() ? "" : diags.items()[0].ToString());
    return ds.ok() ? *ds : Dataset();
  }
  std::vector<Project> pending;
};

}  // namespace perfbudget::testing_monitor

#endif  // PERFBUDGET_SRC_MONITORING_MONITOR_TEST_UTIL_H_
