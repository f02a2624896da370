#include "config/blacklist_config.h"

#include <gtest/gtest.h>

#include "config/parser.h"

namespace mpx {
namespace {

Blacklist Build(const std::string& text) {
  auto p = ParseConfig(text, "multipath.conf");
  EXPECT_TRUE(p.ok()) << p.error().message;
  auto b = BuildBlacklist(p.ok() ? p->config : Config{});
  EXPECT_TRUE(b.ok());
  return std::move(b).value();
}

TEST(BlacklistConfigTest, EveryKindAndItsException) {
  Blacklist b = Build(
      "blacklist {\n"
      "  devnode \"^sd[b-d]\"\n"
      "  wwid \"^3600\"\n"
      "  property \"^ID_ATA\"\n"
      "  protocol \"scsi:usb\"\n"
      "  device {\n    vendor \"^ACME\"\n    product \"Widget\"\n  }\n"
      "  device {\n    vendor \"^JUNK\"\n  }\n"
      "}\n"
      "blacklist_exceptions {\n"
      "  devnode \"^sdc\"\n"
      "  wwid \"beef$\"\n"
      "  property \"^ID_ATA_KEEP\"\n"
      "  protocol \"scsi:usb-uas\"\n"
      "  device {\n    vendor \"^ACME\"\n    product \"Widget 2\"\n  }\n"
      "}\n");
  // devnode: user entry, exception, and the built-in rule still applies.
  EXPECT_EQ(b.CheckDevnode("sdb").value_or(""),
            "devnode blacklisted by devnode \"^sd[b-d]\" (multipath.conf:2)");
  EXPECT_FALSE(b.CheckDevnode("sdc"));
  EXPECT_FALSE(b.CheckDevnode("sde"));
  EXPECT_EQ(b.CheckDevnode("loop0").value_or(""),
            "devnode blacklisted by devnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\" (built-in)");
  // wwid
  EXPECT_EQ(b.CheckWwid("3600a0980").value_or(""),
            "wwid blacklisted by wwid \"^3600\" (multipath.conf:3)");
  EXPECT_FALSE(
      b.CheckWwid("3600dead"
                  "beef"));
  EXPECT_FALSE(b.CheckWwid("35000c5"));
  // protocol
  EXPECT_TRUE(b.CheckProtocol("scsi:usb"));
  EXPECT_FALSE(b.CheckProtocol("scsi:usb-uas"));
  EXPECT_FALSE(b.CheckProtocol("scsi:fcp"));
  // device: both fields, exception, vendor-only entry
  EXPECT_EQ(b.CheckDevice("ACME", "Widget 1").value_or(""),
            "device blacklisted by device \"^ACME\":\"Widget\" (multipath.conf:6)");
  EXPECT_FALSE(b.CheckDevice("ACME", "Widget 2"));
  EXPECT_FALSE(b.CheckDevice("ACME", "Gadget"));
  EXPECT_EQ(b.CheckDevice("JUNK", "anything").value_or(""),
            "device blacklisted by device \"^JUNK\":\".*\" (multipath.conf:10)");
  // property: exception first, then entry, then the built-in "missing property" rule.
  EXPECT_FALSE(b.CheckProperties({"ID_ATA_KEEP", "ID_SERIAL"}));
  EXPECT_EQ(b.CheckProperties({"DEVNAME", "ID_ATA"}).value_or(""),
            "property blacklisted by property \"^ID_ATA\" (multipath.conf:4)");
  EXPECT_FALSE(b.CheckProperties({"DEVNAME", "ID_WWN"}));  // built-in exception
  EXPECT_EQ(b.CheckProperties({"DEVNAME"}).value_or(""),
            "property blacklisted: no udev property matches a property exception");
}

TEST(BlacklistConfigTest, ProductBlacklistOfADeviceEntry) {
  Blacklist b = Build(
      "devices {\n  device {\n    vendor DGC\n    product \".*\"\n"
      "    product_blacklist LUNZ\n  }\n}\n");
  EXPECT_EQ(b.CheckDevice("DGC", "LUNZ").value_or(""),
            "device blacklisted by device \"DGC\":\"LUNZ\" (multipath.conf:5)");
  EXPECT_FALSE(b.CheckDevice("DGC", "VRAID"));
}

TEST(BlacklistConfigTest, NoConfigMeansBuiltInRules) {
  Blacklist b = Build("");
  EXPECT_FALSE(b.CheckDevnode("sda"));
  EXPECT_TRUE(b.CheckDevnode("vda"));
  EXPECT_FALSE(b.CheckWwid("3600"));
  EXPECT_FALSE(b.CheckDevice("ACME", "W"));
  EXPECT_FALSE(b.CheckProtocol("scsi:fcp"));
  EXPECT_TRUE(b.CheckProperties({}));  // no udev data: blacklisted, as in the lab
}

}  // namespace
}  // namespace mpx
