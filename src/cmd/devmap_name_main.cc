// devmap_name MAJOR MINOR: prints the name of a device-mapper device.
#include <cstdio>
#include <string>
#include <vector>

#include "app/devmap_name.h"

int main(int argc, char** argv) {
  mpx::LibDevmapper dm(/*udev_sync=*/false);
  mpx::CommandOutput r = mpx::RunDevmapName(std::vector<std::string>(argv + 1, argv + argc), dm);
  std::fputs(r.out.c_str(), stdout);
  std::fputs(r.err.c_str(), stderr);
  return r.exit_code;
}
