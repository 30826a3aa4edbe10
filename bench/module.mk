# bench/: benchmark programs, each listed in bench/<name>/module.mk. They are
# not part of `make`; each bench/<name>/run.sh builds what it needs.
include $(sort $(wildcard bench/*/module.mk))
