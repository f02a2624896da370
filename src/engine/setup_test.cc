#include "engine/setup.h"

#include <gtest/gtest.h>

#include "config/hwtable.h"
#include "config/parser.h"

namespace mpx {
namespace {

Config Parse(const std::string& text) {
  auto p = ParseConfig(text, "multipath.conf");
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? p->config : Config{};
}

Path MakePath(std::string dev, std::string vendor, std::string model) {
  Path p;
  p.dev = std::move(dev);
  p.devnode = "/dev/" + p.dev;
  p.vendor = std::move(vendor);
  p.model = std::move(model);
  p.transport = "fc";
  return p;
}

TEST(UidAttributeForTest, DefaultIsIdSerial) {
  EXPECT_EQ(UidAttributeFor(Parse(""), MakePath("sdb", "ACME", "X")), "ID_SERIAL");
}

TEST(UidAttributeForTest, DefaultsDevicesAndOverridesInTheReferencesOrder) {
  const std::string devices = R"(devices {
  device {
    vendor "ACME"
    product "X"
    uid_attribute "ID_ACME"
  }
}
)";
  Config c = Parse("defaults {\n uid_attribute ID_DEF\n}\n" + devices);
  EXPECT_EQ(UidAttributeFor(c, MakePath("sdb", "ACME", "X")), "ID_ACME");
  EXPECT_EQ(UidAttributeFor(c, MakePath("sdc", "OTHER", "Y")), "ID_DEF");
  c = Parse(devices + "overrides {\n uid_attribute ID_OVR\n}\n");
  EXPECT_EQ(UidAttributeFor(c, MakePath("sdb", "ACME", "X")), "ID_OVR");
}

TEST(UidAttributeForTest, TheBuiltInTableCounts) {
  // The built-in S/390 DASD entries take ID_UID.
  Config c = Parse("");
  c.builtin_devices = BuiltinHardwareTable();
  EXPECT_EQ(UidAttributeFor(c, MakePath("sdb", "IBM", "S/390 DASD ECKD")), "ID_UID");
  EXPECT_EQ(UidAttributeFor(c, MakePath("sdb", "IBM", "2145")), "ID_SERIAL");
}

TEST(UidAttributeForTest, UidAttrsByKernelNameComeFirst) {
  Config c = Parse(R"(defaults {
  uid_attrs "vd:ID_VIRT sd:ID_WWN"
}
overrides {
  uid_attribute ID_OVR
}
)");
  EXPECT_EQ(UidAttributeFor(c, MakePath("sdb", "ACME", "X")), "ID_WWN");
  EXPECT_EQ(UidAttributeFor(c, MakePath("vda", "ACME", "X")), "ID_VIRT");
  // No record for this kind of device: uid_attribute as usual.
  EXPECT_EQ(UidAttributeFor(c, MakePath("dasda", "ACME", "X")), "ID_OVR");
}

}  // namespace
}  // namespace mpx
