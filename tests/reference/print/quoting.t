defaults {
	verbosity 2
	polling_interval 5
	max_polling_interval 20
	reassign_maps "no"
	path_selector "round-robin	0"
	path_grouping_policy "failover"
	uid_attribute ""
	prio "const"
	prio_args " a b "
	features "2  pg_init_retries   50"
	path_checker "tur"
	alias_prefix "x""y"
	failback "manual"
	rr_min_io 1000
	rr_min_io_rq 1
	max_fds "max"
	rr_weight "uniform"
	queue_without_daemon "no"
	allow_usb_devices "no"
	flush_on_last_del "no"
	user_friendly_names "no"
	fast_io_fail_tmo 5
	bindings_file "/etc/multipath/bindings"
	wwids_file "/etc/multipath/wwids"
	prkeys_file "/etc/multipath/prkeys"
	log_checker_err "always"
	all_tg_pt "no"
	retain_attached_hw_handler "yes"
	detect_prio "yes"
	detect_checker "yes"
	force_sync "yes"
	strict_timing "no"
	deferred_remove "no"
	delay_watch_checks "no"
	delay_wait_checks "no"
	san_path_err_threshold "no"
	san_path_err_forget_rate "no"
	san_path_err_recovery_time "no"
	marginal_path_err_sample_time "no"
	marginal_path_err_rate_threshold "no"
	marginal_path_err_recheck_gap_time "no"
	marginal_path_double_failed_time "no"
	find_multipaths "strict"
	uxsock_timeout 4000
	retrigger_tries 0
	retrigger_delay 10
	missing_uev_wait_timeout 30
	skip_kpartx "no"
	disable_changed_wwids "ignored"
	remove_retries 0
	ghost_delay "no"
	find_multipaths_timeout -10
	enable_foreign "NONE"
	marginal_pathgroups "off"
	recheck_wwid "no"
}
blacklist {
	devnode "!^(sd[a-z]|dasd[a-z]|nvme[0-9])"
	device {
		vendor "SGI"
		product "Universal Xport"
	}
	device {
		vendor "^DGC"
		product "LUNZ"
	}
	device {
		vendor "EMC"
		product "LUNZ"
	}
	device {
		vendor "DELL"
		product "Universal Xport"
	}
	device {
		vendor "FUJITSU"
		product "Universal Xport"
	}
	device {
		vendor "IBM"
		product "Universal Xport"
	}
	device {
		vendor "IBM"
		product "S/390"
	}
	device {
		vendor "LENOVO"
		product "Universal Xport"
	}
	device {
		vendor "(NETAPP|LSI|ENGENIO)"
		product "Universal Xport"
	}
	device {
		vendor "STK"
		product "Universal Xport"
	}
	device {
		vendor "SUN"
		product "Universal Xport"
	}
	device {
		vendor "(Intel|INTEL)"
		product "VTrak V-LUN"
	}
	device {
		vendor "Promise"
		product "VTrak V-LUN"
	}
	device {
		vendor "Promise"
		product "Vess V-LUN"
	}
}
blacklist_exceptions {
	property "(SCSI_IDENT_|ID_WWN)"
}
devices {
	device {
		vendor "NVM[eE]"
		product ".*"
		path_grouping_policy "group_by_prio"
		uid_attribute "ID_WWN"
		path_checker "none"
		failback "immediate"
	}
	device {
		vendor "APPLE"
		product "Xserve RAID"
		path_grouping_policy "multibus"
	}
	device {
		vendor "3PARdata"
		product "VV"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 18
		fast_io_fail_tmo 10
		dev_loss_tmo "infinity"
		vpd_vendor "hp3par"
	}
	device {
		vendor "NVME"
		product "HPE Alletra"
		no_path_retry "queue"
	}
	device {
		vendor "DEC"
		product "HSG80"
		path_grouping_policy "group_by_prio"
		path_checker "hp_sw"
		hardware_handler "1 hp_sw"
		prio "hp_sw"
		no_path_retry "queue"
	}
	device {
		vendor "HP"
		product "A6189A"
		path_grouping_policy "multibus"
		no_path_retry 12
	}
	device {
		vendor "(COMPAQ|HP)"
		product "(MSA|HSV)1[01]0"
		path_grouping_policy "group_by_prio"
		path_checker "hp_sw"
		hardware_handler "1 hp_sw"
		prio "hp_sw"
		no_path_retry 12
	}
	device {
		vendor "(COMPAQ|HP)"
		product "MSA VOLUME"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 12
	}
	device {
		vendor "(COMPAQ|HP)"
		product "(HSV1[01]1|HSV2[01]0|HSV3[046]0|HSV4[05]0)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 12
	}
	device {
		vendor "HP"
		product "(MSA2[02]12fc|MSA2012i)"
		path_grouping_policy "multibus"
		no_path_retry 18
	}
	device {
		vendor "HP"
		product "(MSA2012sa|MSA23(12|24)(fc|i|sa)|MSA2000s VOLUME)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 18
	}
	device {
		vendor "(HP|HPE)"
		product "MSA [12]0[456]0 (SAN|SAS|FC|iSCSI)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 18
	}
	device {
		vendor "HP"
		product "(HSVX700|HSVX740)"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 12
	}
	device {
		vendor "HP"
		product "LOGICAL VOLUME"
		path_grouping_policy "multibus"
		no_path_retry 12
	}
	device {
		vendor "HP"
		product "(P2000 G3 FC|P2000G3 FC/iSCSI|P2000 G3 SAS|P2000 G3 iSCSI)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 18
	}
	device {
		vendor "LEFTHAND"
		product "(P4000|iSCSIDisk|FCDISK)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 18
	}
	device {
		vendor "Nimble"
		product "Server"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "SGI"
		product "TP9100"
		path_grouping_policy "multibus"
	}
	device {
		vendor "SGI"
		product "TP9[3457]00"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SGI"
		product "IS"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SGI"
		product "^DD[46]A-"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "DDN"
		product "SAN DataDirector"
		path_grouping_policy "multibus"
	}
	device {
		vendor "DDN"
		product "^EF3010"
		path_grouping_policy "multibus"
		no_path_retry 30
	}
	device {
		vendor "DDN"
		product "^(EF3015|S2A|SFA)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "NEXENTA"
		product "COMSTAR"
		path_grouping_policy "group_by_serial"
		no_path_retry 30
	}
	device {
		vendor "TEGILE"
		product "(ZEBI-(FC|ISCSI)|INTELLIFLASH)"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 10
	}
	device {
		vendor "EMC"
		product "SYMMETRIX"
		path_grouping_policy "multibus"
		no_path_retry 6
	}
	device {
		vendor "NVME"
		product "EMC PowerMax"
		no_path_retry "queue"
	}
	device {
		vendor "^DGC"
		product "^(RAID|DISK|VRAID)"
		product_blacklist "LUNZ"
		path_grouping_policy "group_by_prio"
		path_checker "emc_clariion"
		hardware_handler "1 emc"
		prio "emc"
		failback "immediate"
		no_path_retry 60
		detect_checker "no"
	}
	device {
		vendor "EMC"
		product "Invista"
		product_blacklist "LUNZ"
		path_grouping_policy "multibus"
		no_path_retry 5
	}
	device {
		vendor "XtremIO"
		product "XtremApp"
		path_grouping_policy "multibus"
	}
	device {
		vendor "COMPELNT"
		product "Compellent Vol"
		path_grouping_policy "group_by_prio"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "DELL"
		product "^MD3"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "DellEMC"
		product "PowerStore"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 3
		fast_io_fail_tmo 15
	}
	device {
		vendor ".*"
		product "dellemc-powerstore"
		no_path_retry 3
	}
	device {
		vendor "DellEMC"
		product "^ME"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
	}
	device {
		vendor "FSC"
		product "CentricStor"
		path_grouping_policy "group_by_serial"
	}
	device {
		vendor "FUJITSU"
		product "ETERNUS_DX(H|L|M|400|8000)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 10
	}
	device {
		vendor "(EUROLOGC|EuroLogc)"
		product "FC2502"
		path_grouping_policy "multibus"
	}
	device {
		vendor "FUJITSU"
		product "E[234]000"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 10
	}
	device {
		vendor "FUJITSU"
		product "E[68]000"
		path_grouping_policy "multibus"
		no_path_retry 10
	}
	device {
		vendor "FUJITSU"
		product "ETERNUS_AHB"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "(HITACHI|HP|HPE)"
		product "^OPEN-"
		path_grouping_policy "multibus"
	}
	device {
		vendor "HITACHI"
		product "^DF"
		path_grouping_policy "group_by_prio"
		prio "hds"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "HITACHI"
		product "^DF600F"
		path_grouping_policy "multibus"
	}
	device {
		vendor "IBM"
		product "ProFibre 4000R"
		path_grouping_policy "multibus"
	}
	device {
		vendor "IBM"
		product "^1722-600"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1724"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1726"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1742"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1746"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1813"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1814"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1815"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^1818"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^3526"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^(3542|3552)"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "IBM"
		product "^2105"
		path_grouping_policy "multibus"
		no_path_retry "queue"
	}
	device {
		vendor "IBM"
		product "^1750500"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "IBM"
		product "^2107900"
		path_grouping_policy "group_by_prio"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "IBM"
		product "^2145"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "NVME"
		product "IBM[ ]+2145"
		no_path_retry "queue"
	}
	device {
		vendor "IBM"
		product "S/390 DASD ECKD"
		product_blacklist "S/390"
		path_grouping_policy "multibus"
		uid_attribute "ID_UID"
		path_checker "directio"
		no_path_retry "queue"
	}
	device {
		vendor "IBM"
		product "S/390 DASD FBA"
		product_blacklist "S/390"
		path_grouping_policy "multibus"
		uid_attribute "ID_UID"
		path_checker "directio"
		no_path_retry "queue"
	}
	device {
		vendor "IBM"
		product "^IPR"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "IBM"
		product "1820N00"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "(XIV|IBM)"
		product "(NEXTRA|2810XIV)"
		path_grouping_policy "group_by_prio"
		failback 15
		no_path_retry "queue"
	}
	device {
		vendor "(TMS|IBM)"
		product "(RamSan|FlashSystem)"
		path_grouping_policy "multibus"
	}
	device {
		vendor "NVMe"
		product "FlashSystem"
		no_path_retry "fail"
	}
	device {
		vendor "IBM"
		product "^(DCS9900|2851)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "AIX"
		product "VDASD"
		path_grouping_policy "multibus"
		no_path_retry 60
	}
	device {
		vendor "IBM"
		product "3303[ ]+NVDISK"
		no_path_retry 60
	}
	device {
		vendor "AIX"
		product "NVDISK"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 60
	}
	device {
		vendor "LENOVO"
		product "DE_Series"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "NETAPP"
		product "LUN"
		path_grouping_policy "group_by_prio"
		features "2 pg_init_retries 50"
		prio "ontap"
		failback "immediate"
		no_path_retry "queue"
		flush_on_last_del "yes"
		dev_loss_tmo "infinity"
		user_friendly_names "no"
	}
	device {
		vendor "(NETAPP|LSI|ENGENIO)"
		product "INF-01-00"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SolidFir"
		product "SSD SAN"
		path_grouping_policy "multibus"
		no_path_retry 24
	}
	device {
		vendor "NVME"
		product "^NetApp ONTAP Controller"
		no_path_retry "queue"
	}
	device {
		vendor "NEC"
		product "DISK ARRAY"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
	}
	device {
		vendor "^Pillar"
		product "^Axiom"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
	}
	device {
		vendor "^Oracle"
		product "^Oracle FS"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
	}
	device {
		vendor "STK"
		product "BladeCtlr"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "STK"
		product "OPENstorage"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "STK"
		product "FLEXLINE 380"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SUN"
		product "StorEdge 3"
		path_grouping_policy "multibus"
	}
	device {
		vendor "SUN"
		product "STK6580_6780"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SUN"
		product "CSM[12]00_R"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SUN"
		product "LCSM100_[IEFS]"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SUN"
		product "SUN_6180"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SUN"
		product "ArrayStorage"
		product_blacklist "Universal Xport"
		path_grouping_policy "group_by_prio"
		path_checker "rdac"
		features "2 pg_init_retries 50"
		hardware_handler "1 rdac"
		prio "rdac"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "SUN"
		product "(Sun Storage|ZFS Storage|COMSTAR)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "PIVOT3"
		product "RAIGE VOLUME"
		path_grouping_policy "multibus"
		no_path_retry "queue"
	}
	device {
		vendor "(NexGen|Pivot3)"
		product "(TierStore|vSTAC)"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "(Intel|INTEL)"
		product "Multi-Flex"
		product_blacklist "VTrak V-LUN"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "(LIO-ORG|SUSE)"
		product ".*"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 12
	}
	device {
		vendor "DataCore"
		product "SANmelody"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "DataCore"
		product "Virtual Disk"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry "queue"
	}
	device {
		vendor "PURE"
		product "FlashArray"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		fast_io_fail_tmo 10
	}
	device {
		vendor "NVME"
		product "Pure Storage FlashArray"
		no_path_retry 10
	}
	device {
		vendor "HUAWEI"
		product "XSG1"
		path_grouping_policy "group_by_prio"
		failback "immediate"
		no_path_retry 15
	}
	device {
		vendor "NVM[eE]"
		product "Huawei-XSG1"
		path_checker "directio"
		no_path_retry 12
	}
	device {
		vendor "KOVE"
		product "XPD"
		path_grouping_policy "multibus"
	}
	device {
		vendor "NFINIDAT"
		product "InfiniBox"
		path_grouping_policy "group_by_prio"
		path_selector "round-robin 0"
		prio "alua"
		failback 30
		rr_weight "priorities"
		no_path_retry "fail"
		rr_min_io 1
		rr_min_io_rq 1
		flush_on_last_del "yes"
		fast_io_fail_tmo 15
		dev_loss_tmo 15
	}
	device {
		vendor "KMNRIO"
		product "K2"
		path_grouping_policy "multibus"
	}
	device {
		vendor "NEXSAN"
		product "NXS-B0"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 15
	}
	device {
		vendor "NEXSAN"
		product "SATAB"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 15
	}
	device {
		vendor "Nexsan"
		product "(NestOS|NST5000)"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "VIOLIN"
		product "SAN ARRAY$"
		path_grouping_policy "group_by_serial"
		no_path_retry 30
	}
	device {
		vendor "VIOLIN"
		product "SAN ARRAY ALUA"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "VIOLIN"
		product "CONCERTO ARRAY"
		path_grouping_policy "multibus"
		no_path_retry 30
	}
	device {
		vendor "(XIOTECH|XIOtech)"
		product "ISE"
		path_grouping_policy "multibus"
		no_path_retry 12
	}
	device {
		vendor "(XIOTECH|XIOtech)"
		product "IGLU DISK"
		path_grouping_policy "multibus"
		no_path_retry 30
	}
	device {
		vendor "(XIOTECH|XIOtech)"
		product "Magnitude"
		path_grouping_policy "multibus"
		no_path_retry 30
	}
	device {
		vendor "Vexata"
		product "VX"
		path_grouping_policy "multibus"
		no_path_retry 30
	}
	device {
		vendor "Promise"
		product "VTrak"
		product_blacklist "VTrak V-LUN"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "Promise"
		product "Vess"
		product_blacklist "Vess V-LUN"
		path_grouping_policy "group_by_prio"
		hardware_handler "1 alua"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "^IFT"
		product ".*"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "DotHill"
		product "SANnet"
		path_grouping_policy "multibus"
		no_path_retry 30
	}
	device {
		vendor "DotHill"
		product "R/Evo"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "DotHill"
		product "^DH"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "AStor"
		product "NeoSapphire"
		path_grouping_policy "multibus"
		no_path_retry 30
	}
	device {
		vendor "INSPUR"
		product "MCS"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
	}
	device {
		vendor "MacroSAN"
		product "LU"
		path_grouping_policy "group_by_prio"
		prio "alua"
		failback "immediate"
		no_path_retry 30
	}
	device {
		vendor "A B"
		product "C"
		features " 0 "
		hardware_handler "1  alua"
	}
}
overrides {
}
multipaths {
	multipath {
		wwid " 36001 "
		alias "a""b"
	}
}
