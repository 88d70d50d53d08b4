// A downstream program: loads a dataset and prints its approved total.
#include <iostream>

#include "perfbudget/io/json.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  perfbudget::Diagnostics diags;
  auto ds = perfbudget::LoadDatasetJsonFile(argv[1], {}, &diags);
  if (!ds.ok()) {
    std::cerr << ds.status() << "\n";
    return 1;
  }
  perfbudget::Money total;
  for (std::uint32_t p = 0; p < ds->projects().size(); ++p) {
    if (!total.TryAdd(ds->ApprovedOf(p))) return 1;
  }
  std::cout << "approved " << total.ToString() << "\n";
  return 0;
}
