#!/bin/sh
# Writes config_value_cases.txt's cases to stdout: each keyword the reference
# documents, with a set of good and bad values, in defaults (or in a device
# section for device-only keywords), to learn how the reference reads them.
#   tests/reference/gen_value_cases.sh >tests/reference/config_value_cases.txt
keywords='defaults verbosity
defaults max_polling_interval
defaults reassign_maps
defaults uid_attrs
defaults rr_min_io
defaults max_fds
defaults queue_without_daemon
defaults checker_timeout
defaults allow_usb_devices
defaults flush_on_last_del
defaults fast_io_fail_tmo
defaults dev_loss_tmo
defaults eh_deadline
defaults bindings_file
defaults log_checker_err
defaults reservation_key
defaults all_tg_pt
defaults detect_checker
defaults force_sync
defaults strict_timing
defaults deferred_remove
defaults partition_delimiter
defaults san_path_err_threshold
defaults san_path_err_forget_rate
defaults san_path_err_recovery_time
defaults marginal_path_double_failed_time
defaults marginal_path_err_sample_time
defaults marginal_path_err_rate_threshold
defaults marginal_path_err_recheck_gap_time
defaults delay_watch_checks
defaults delay_wait_checks
defaults marginal_pathgroups
defaults uxsock_timeout
defaults retrigger_tries
defaults retrigger_delay
defaults missing_uev_wait_timeout
defaults skip_kpartx
defaults disable_changed_wwids
defaults remove_retries
defaults max_sectors_kb
defaults ghost_delay
defaults enable_foreign
defaults recheck_wwid
defaults mode
defaults uid
defaults gid
defaults multipath_dir
defaults bindings_file
defaults reservation_key
device vpd_vendor
device dev_loss_tmo
device fast_io_fail_tmo
device eh_deadline
device rr_min_io
device ghost_delay
multipath reservation_key
multipath mode'
values='abc
-1
0
1
7
99999999999
2147483648
4294967296
10x
""
" 7 "
+5
yes
no
on
off
max
infinity
once
fpin
file
0x1
0x1:aptpl
0xffffffffffffffff
0x10000000000000000
777
0800
-7'
echo "$keywords" | while read -r section k; do
  echo "$values" | while read -r v; do
    case $section in
      defaults) printf '### %s %s\ndefaults {\n\t%s %s\n}\n' "$k" "$v" "$k" "$v" ;;
      device) printf '### device %s %s\ndevices {\n\tdevice {\n\t\tvendor ACME\n\t\tproduct X\n\t\t%s %s\n\t}\n}\n' "$k" "$v" "$k" "$v" ;;
      multipath) printf '### multipath %s %s\nmultipaths {\n\tmultipath {\n\t\twwid 36001\n\t\t%s %s\n\t}\n}\n' "$k" "$v" "$k" "$v" ;;
    esac
  done
done
