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
type scsi:fcp
verbosity 3
polling_interval 7
max_polling_interval 33
reassign_maps yes
uid_attrs "sd:ID_X"
max_fds 999
queue_without_daemon yes
checker_timeout 41
allow_usb_devices yes
bindings_file /x/b
wwids_file /x/w
prkeys_file /x/p
log_checker_err once
force_sync yes
strict_timing yes
partition_delimiter "-p"
find_multipaths greedy
uxsock_timeout 5000
retrigger_tries 4
retrigger_delay 12
missing_uev_wait_timeout 31
disable_changed_wwids yes
remove_retries 2
find_multipaths_timeout 7
enable_foreign "nvme"
marginal_pathgroups on
mode 0600
uid 0
gid 0
reservation_key 0x123
path_grouping_policy multibus
uid_attribute ID_WWN
path_selector "round-robin 0"
path_checker readsector0
checker directio
alias_prefix foo
features "1 queue_if_no_path"
hardware_handler "1 alua"
prio alua
prio_args "x"
failback immediate
rr_weight priorities
no_path_retry queue
rr_min_io 77
rr_min_io_rq 5
flush_on_last_del yes
fast_io_fail_tmo 11
dev_loss_tmo 222
eh_deadline 13
user_friendly_names yes
retain_attached_hw_handler no
detect_prio no
detect_checker no
deferred_remove yes
delay_watch_checks 10
delay_wait_checks 11
san_path_err_threshold 3
san_path_err_forget_rate 4
san_path_err_recovery_time 5
marginal_path_err_sample_time 120
marginal_path_err_rate_threshold 8
marginal_path_err_recheck_gap_time 9
marginal_path_double_failed_time 6
skip_kpartx yes
max_sectors_kb 512
ghost_delay 14
all_tg_pt yes
vpd_vendor hp3par
recheck_wwid yes
multipath_dir /x
config_dir /x/c
getuid_callout "/bin/x"
pg_timeout 10
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
  printf '### scope %s in protocol\noverrides {\n\tprotocol {\n\t\ttype scsi:fcp\n\t\t%s %s\n\t}\n}\n' "$k" "$k" "$v"
done
