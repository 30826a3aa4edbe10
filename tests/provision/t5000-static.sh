#!/usr/bin/env bash
# The provisioning files hold up before anything is installed: the playbook
# parses with both inventories, Debian's ansible-lint passes with its strictest
# profile and nothing skipped, `vagrant validate` passes (and fails on a broken
# Vagrantfile), the templates keep up with etc/ and scripts/deps.sh, and no
# secret has a value in the repository.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/provision.sh"
cd "$ROOT/ansible" || exit 1

t "the playbook parses with the Vagrant and the example inventories"
for inv in vagrant production; do
	if ansible-playbook -i "inventories/$inv/hosts.yml" site.yml --syntax-check >"$TMP/syntax" 2>&1; then
		pass
	else
		fail "$inv: $(tail -3 "$TMP/syntax" | tr '\n' ' ')"
	fi
done

t "Debian's ansible-lint passes with the production profile"
if ansible-lint --offline --profile production --strict -q >"$TMP/lint" 2>&1; then
	pass
else
	fail "ansible-lint: $(grep -v '^$' "$TMP/lint" | head -20)"
fi
t "no rule is skipped or silenced"
expect_eq "lint configuration files" "" "$(ls -a "$ROOT" "$ROOT/ansible" | grep -E '^\.ansible-lint' | tr '\n' ' ')"
expect_eq "noqa comments" "" "$(grep -rn 'noqa' "$ROOT/ansible" | head -3)"

t "vagrant validate passes"
export VAGRANT_DOTFILE_PATH=$TMP/vagrant-state
if VAGRANT_CWD=$ROOT/vagrant vagrant validate >"$TMP/validate" 2>&1; then
	pass
else
	fail "vagrant validate: $(tail -5 "$TMP/validate" | tr '\n' ' ')"
fi
t "vagrant validate fails on a misspelt setting (so the check above means something)"
mkdir -p "$TMP/broken"
sed 's/ansible.playbook = /ansible.playbok = /' "$ROOT/vagrant/Vagrantfile" >"$TMP/broken/Vagrantfile"
if VAGRANT_CWD=$TMP/broken vagrant validate >"$TMP/validate" 2>&1; then
	fail "a Vagrantfile with ansible.playbok validated"
else
	check "the complaint names the setting" grep -q 'playbok' "$TMP/validate"
fi
t "the Vagrant box is Debian 12, provisioned by the same playbook, the site on the host's port 8080"
check "debian/bookworm64" grep -q 'config.vm.box = "debian/bookworm64"' "$ROOT/vagrant/Vagrantfile"
check "ansible_local with site.yml" grep -q 'ansible.playbook = "site.yml"' "$ROOT/vagrant/Vagrantfile"
check "port 8080 on the host's loopback" \
	grep -q 'forwarded_port", guest: 80, host: 8080, host_ip: "127.0.0.1"' "$ROOT/vagrant/Vagrantfile"

t "the configuration template sets every key of etc/masakari.hdf.in"
if ansible localhost -i localhost, -c local -m ansible.builtin.template \
	-a "src=roles/app/templates/masakari.hdf.j2 dest=$TMP/rendered.hdf mode=0600" \
	-e @roles/common/defaults/main.yml -e @roles/app/defaults/main.yml \
	-e masakari_db_password=rendering-check-only >"$TMP/render" 2>&1; then
	missing=$(comm -23 <(hdf_keys "$ROOT/etc/masakari.hdf.in") <(hdf_keys "$TMP/rendered.hdf") | tr '\n' ' ')
	expect_eq "keys of etc/masakari.hdf.in missing from roles/app/templates/masakari.hdf.j2" "" "$missing"
else
	fail "the template did not render: $(tail -3 "$TMP/render" | tr '\n' ' ')"
fi
t "hdf_keys reads sections, assignments and lists as the programs do"
printf 'A {\n  # c\n  B = 1\n  C {\n    0 = x\n    1 = y\n  }\n}\nD = 2\n' >"$TMP/sample.hdf"
expect_eq "keys" "A.B A.C.# D" "$(hdf_keys "$TMP/sample.hdf" | tr '\n' ' ' | sed 's/ $//')"

t "the nginx server block has every route of etc/nginx.conf.in"
locations() { grep -oE 'location +(= +)?[^ {]+' "$1" | sed -E 's/ +/ /g' | sort -u; }
expect_eq "routes missing from roles/nginx/templates/masakari.conf.j2" "" \
	"$(comm -23 <(locations "$ROOT/etc/nginx.conf.in") <(locations roles/nginx/templates/masakari.conf.j2) | tr '\n' ' ')"

t "the nginx server block uses every directive of etc/nginx.conf.in"
# Less those that only a private nginx of its own needs (Debian's nginx.conf
# has them) and the http block around everything.
private="user worker_processes pid error_log daemon events worker_connections http include
	default_type access_log client_body_temp_path proxy_temp_path fastcgi_temp_path
	uwsgi_temp_path scgi_temp_path sendfile"
directives() { grep -oE '^[[:space:]]*[a-z_]+' "$1" | tr -d ' \t' | sort -u; }
expect_eq "directives missing from roles/nginx/templates/masakari.conf.j2" "" \
	"$(comm -23 <(directives "$ROOT/etc/nginx.conf.in" | grep -vxF -f <(tr -s ' \t' '\n\n' <<<"$private")) \
		<(directives roles/nginx/templates/masakari.conf.j2) | tr '\n' ' ')"

t "the build packages cover what scripts/deps.sh installs to build and run the programs"
# The rest of its run list: the servers and tools the other roles install
# (nginx for nginx-light, systemd sockets for spawn-fcgi), what every Debian
# has, and libcmocka-dev, which builds only the unit tests.
elsewhere="mariadb-server mariadb-client nginx-light spawn-fcgi curl cron util-linux procps
	ca-certificates libcmocka-dev"
needed=$(sed -n '/^run_pkgs=(/,/)/p' "$ROOT/scripts/deps.sh" | sed 's/#.*//' | tr ' \t()' '\n\n\n\n' |
	grep -E '^[a-z0-9][a-z0-9.+-]+$' | grep -vxF -f <(tr -s ' \t' '\n\n' <<<"$elsewhere") | sort -u)
check "some build dependencies found in scripts/deps.sh" test -n "$needed"
for p in $needed; do
	check "$p in masakari_build_packages" grep -qE "^  - $p\$" roles/app/defaults/main.yml
done

t "every variable with a default is documented in ansible/README.md"
for v in $(grep -hoE '^masakari_[a-z_]+' roles/*/defaults/main.yml | sort -u); do
	check "$v documented" grep -qF "\`$v\`" README.md
done

t "no secret has a value in the repository"
# Each assignment of a secret is a lookup, a vault variable or empty.
grep -rnE --include='*.yml' '^\s*(masakari_db_password|masakari_llm_key|vault_[a-z_]+):' "$ROOT/ansible" >"$TMP/secrets"
check "the secrets are assigned somewhere" test -s "$TMP/secrets"
expect_eq "literal secrets" "" "$(grep -vE ':\s*(""|'"''"'|"\{\{.*\}\}")\s*$' "$TMP/secrets" | head -3)"
expect_eq "unencrypted vault files" "" \
	"$(find "$ROOT/ansible" -name 'vault*' -type f ! -exec grep -q '^\$ANSIBLE_VAULT' {} \; -print)"

done_testing
