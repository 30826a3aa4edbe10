#!/usr/bin/env bash
# Behind a load balancer every limit per address must still see each
# visitor's own address (docs/ARCHITECTURE.md, "Limits per address"): the
# production example inventory names its load balancer (nginx believes its
# X-Forwarded-For), has the hall daemon trust the web hosts' X-Real-IP, and
# exempts its flooders; masakarictl doctor warns when a configuration names
# load balancers but the daemon trusts no web host.
. "$(dirname "$0")/../lib.sh"
INV=$ROOT/ansible/inventories/production

# inventory EXPRESSION: a Python expression over hosts (hosts.yml) and vars
# (group_vars/all/main.yml), printed.
inventory() {
	python3 - "$INV" "$1" <<'PY'
import sys, yaml
inv, expr = sys.argv[1], sys.argv[2]
hosts = yaml.safe_load(open(inv + "/hosts.yml"))["all"]["children"]
vars = yaml.safe_load(open(inv + "/group_vars/all/main.yml"))
def addrs(group):
    return sorted(h["ansible_host"] for h in hosts[group]["hosts"].values() if h and "ansible_host" in h)
print(eval(expr))
PY
}

t "the production example names its load balancer, so nginx sees each visitor's address"
check "masakari_load_balancers is set ($(inventory 'vars.get("masakari_load_balancers")'))" \
	test "$(inventory 'bool(vars.get("masakari_load_balancers"))')" = True
check "and it is none of the application hosts" test "$(inventory \
	'not set(vars["masakari_load_balancers"]) & set(addrs("web") + addrs("flooder") + addrs("db"))')" = True

t "the hall daemon believes the X-Real-IP of every web host that proxies to it"
check "every web host is a trusted proxy ($(inventory 'vars.get("masakari_halld_trusted_proxies")'))" \
	test "$(inventory 'set(addrs("web")) <= set(vars.get("masakari_halld_trusted_proxies") or [])')" = True
check "and no load balancer is" test "$(inventory \
	'not set(vars.get("masakari_halld_trusted_proxies") or []) & set(vars["masakari_load_balancers"])')" = True

t "the flooders, which attack web1 directly, are exempt from the limits"
check "every flooder host is exempt ($(inventory 'vars.get("masakari_limit_exempt")'))" \
	test "$(inventory 'set(addrs("flooder")) <= set(vars.get("masakari_limit_exempt") or [])')" = True

t "the playbook hands the load balancers to the configuration, for doctor"
check "Site.LoadBalancers from masakari_load_balancers" \
	grep -q "for lb in masakari_load_balancers" "$ROOT/ansible/roles/app/templates/masakari.hdf.j2"

t "doctor warns when load balancers are configured and the hall daemon trusts no web host"
cfg=$TMP/lb.hdf
cp "$MASAKARI_CONFIG" "$cfg"
printf 'Site.LoadBalancers.0 = 10.0.0.2\n' >>"$cfg"
out=$(MASAKARI_CONFIG=$cfg "$ROOT/bin/masakarictl" doctor 2>&1)
check "a WARN line (got: $(grep proxies <<<"$out"))" \
	grep -q "^WARN proxies: Site.LoadBalancers is set but Halld.TrustedProxies names no web host" <<<"$out"
printf 'Halld.TrustedProxies.2 = 10.0.0.11\n' >>"$cfg"
out=$(MASAKARI_CONFIG=$cfg "$ROOT/bin/masakarictl" doctor 2>&1)
check "no warning once a web host is trusted (got: $(grep proxies <<<"$out"))" \
	grep -q "^ok   proxies: behind 1 load balancer, the hall daemon trusts 1 web host" <<<"$out"
out=$("$ROOT/bin/masakarictl" doctor 2>&1)
expect_eq "and nothing said without load balancers" 0 "$(grep -c "^[A-Za-z]* *proxies: " <<<"$out")"

done_testing
