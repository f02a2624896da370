// devmap_name MAJOR MINOR: prints the name of a device-mapper device.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/devmap_name.h"
#include "kernel/devmapper.h"

int main(int argc, char** argv) {
  mpx::LibDevmapper dm(/*udev_sync=*/false);
  mpx::CliLogger log("devmap_name", 2, [](std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), stderr);
  });
  mpx::CommandOutput r =
      mpx::RunDevmapName(std::vector<std::string>(argv + 1, argv + argc), dm, log);
  std::fputs(r.out.c_str(), stdout);
  return r.exit_code;
}
