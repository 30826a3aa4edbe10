#!/usr/bin/env bash
# Scoring needs MeCab's dictionary for Japanese: masakarictl doctor says
# whether MeCab starts, and when the configured dictionary is missing it says
# which and why; masakarictl score then refuses a Japanese critique with a
# clear message while English ones still score (they never need MeCab).
. "$(dirname "$0")/../lib.sh"
ctl=$ROOT/bin/masakarictl

t "doctor checks that MeCab starts with the installed dictionary"
"$ctl" doctor >"$TMP/out" 2>&1
check "ok line" grep -q '^ok   scoring: MeCab starts with the dictionary that /etc/mecabrc names' "$TMP/out"

# A copy of the stack's configuration naming a dictionary that is not there
# (its own MecabDictionary line removed: the later one would win).
broken=$TMP/broken.hdf
sed -e '/^ *MecabDictionary *=/d' -e 's/^Masakari {$/Masakari {\n  MecabDictionary = \/nonexistent\/mecab-dic/' "$MASAKARI_CONFIG" >"$broken"
check "the copy names the missing dictionary" grep -q 'MecabDictionary = /nonexistent/mecab-dic' "$broken"

t "doctor fails with the reason when the dictionary is missing"
MASAKARI_CONFIG=$broken "$ctl" doctor >"$TMP/out" 2>&1
expect_eq "exit" 1 "$?"
check "FAIL line names the directory and the package" \
	grep -q '^FAIL scoring: MeCab cannot start with the dictionary /nonexistent/mecab-dic: its sys.dic cannot be read (is mecab-ipadic-utf8 installed?)' "$TMP/out"

t "without the dictionary the catalog does not load, and says why"
MASAKARI_CONFIG=$broken "$ctl" score "bubble sort on every request" >"$TMP/out" 2>&1
expect_eq "exit" 1 "$?"
check "the reason is logged" grep -q 'tokenize: MeCab cannot start with the dictionary /nonexistent/mecab-dic' "$TMP/out"
check "and the catalog is refused" grep -q 'cannot load the weakness catalog' "$TMP/out"

t "a hostile dictionary setting is only a path that does not work"
sed -e '/^ *MecabDictionary *=/d' -e 's/^Masakari {$/Masakari {\n  MecabDictionary = "-r \/etc\/passwd; rm -rf \/"/' "$MASAKARI_CONFIG" >"$broken"
MASAKARI_CONFIG=$broken "$ctl" doctor >"$TMP/out" 2>&1
expect_eq "exit" 1 "$?"
check "FAIL, nothing run" grep -q '^FAIL scoring: MeCab cannot start' "$TMP/out"

done_testing
