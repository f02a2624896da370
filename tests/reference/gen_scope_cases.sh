#!/bin/sh
# Writes config_scope_cases.txt's cases to stdout: every keyword of mpx's
# keyword table, with a valid value, in every section, to learn from the
# reference's "invalid keyword in the ... section" warnings where it belongs.
#   tests/reference/gen_scope_cases.sh >tests/reference/config_scope_cases.txt
# One "keyword value" per line.
kv='vendor ACME
product X
revision 1
product_blacklist Y
wwid 36001
alias foo
polling_interval 7
path_grouping_policy multibus
uid_attribute ID_WWN
path_selector "round-robin 0"
path_checker readsector0
alias_prefix foo
features "1 queue_if_no_path"
hardware_handler "1 alua"
prio alua
prio_args "x"
failback immediate
rr_weight priorities
no_path_retry queue
rr_min_io_rq 5
user_friendly_names yes
retain_attached_hw_handler no
detect_prio no
find_multipaths greedy
find_multipaths_timeout 7
devnode "^x"
property "^x"
protocol "^x"'
echo "$kv" | while read -r k v; do
  printf '### scope %s in defaults\ndefaults {\n\t%s %s\n}\n' "$k" "$k" "$v"
  printf '### scope %s in device\ndevices {\n\tdevice {\n\t\tvendor ACME\n\t\tproduct X\n\t\t%s %s\n\t}\n}\n' "$k" "$k" "$v"
  printf '### scope %s in overrides\noverrides {\n\t%s %s\n}\n' "$k" "$k" "$v"
  printf '### scope %s in multipath\nmultipaths {\n\tmultipath {\n\t\twwid 36009\n\t\t%s %s\n\t}\n}\n' "$k" "$k" "$v"
  printf '### scope %s in blacklist\nblacklist {\n\t%s %s\n}\n' "$k" "$k" "$v"
  printf '### scope %s in blacklist device\nblacklist {\n\tdevice {\n\t\t%s %s\n\t}\n}\n' "$k" "$k" "$v"
done
