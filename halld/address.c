/* address.c — where a hall connection comes from, and the caps on connections
 * per address.
 *
 * Behind nginx every connection comes from nginx, so the client's address is
 * the X-Real-IP header nginx sets on /ws (replacing whatever the client sent).
 * The header is believed only from the addresses in Halld.TrustedProxies
 * (loopback by default: the nginx in front); from anyone else it is ignored
 * and the connection's own address counts, so a client talking to the daemon
 * directly cannot name an address of its choosing. An IPv6 client is counted
 * under its /64, which one subscriber may fill with fresh addresses.
 *
 * Halld.MaxPerAddress (400) connections from one address are let in, a bound
 * against one address taking the daemon, sized well above a hundred people
 * behind one venue NAT with a tab or two each; within it, spectators (no
 * identity) are capped apart at Halld.SpectatorsPerAddress (50), so sockets
 * nobody stands behind cannot fill the address for the people who entered,
 * and each ID at Halld.ConnectionsPerIdentity (arrival.c). See
 * docs/ARCHITECTURE.md, "Limits per address". */
#include "hall.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "netaddr.h"

/* Writes the canonical text of an IPv4 or IPv6 address in text to out;
 * IPv4-mapped IPv6 addresses become IPv4. Returns 0, or -1 when text is not
 * an address. */
static int address_canonical(const char *text, char *out, size_t len)
{
	unsigned char bin[16];

	if (strncmp(text, "::ffff:", 7) == 0 && inet_pton(AF_INET, text + 7, bin) == 1)
		text += 7;
	if (inet_pton(AF_INET, text, bin) == 1)
		return inet_ntop(AF_INET, bin, out, (socklen_t)len) ? 0 : -1;
	if (inet_pton(AF_INET6, text, bin) == 1)
		return inet_ntop(AF_INET6, bin, out, (socklen_t)len) ? 0 : -1;
	return -1;
}

static int address_is_proxy(const struct hall *hall, const char *addr)
{
	for (size_t i = 0; i < hall->nproxies; i++)
		if (strcmp(hall->proxies[i], addr) == 0)
			return 1;
	return 0;
}

int address_add_proxy(struct hall *hall, const char *text)
{
	char addr[HALL_ADDR_MAX], **grown;

	if (address_canonical(text, addr, sizeof(addr)) != 0) {
		log_warn("Halld.TrustedProxies: \"%s\" is not an address; ignored", text);
		return 0;
	}
	grown = realloc(hall->proxies, (hall->nproxies + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	hall->proxies = grown;
	if (!(hall->proxies[hall->nproxies] = strdup(addr)))
		return -1;
	hall->nproxies++;
	return 0;
}

void address_free(struct hall *hall)
{
	for (size_t i = 0; i < hall->nproxies; i++)
		free(hall->proxies[i]);
	free(hall->proxies);
	hall->proxies = NULL;
	hall->nproxies = 0;
}

int address_of(const struct hall *hall, struct lws *wsi, char *out, size_t len)
{
	char peer[HALL_ADDR_MAX], real[HALL_ADDR_MAX + 1];
	int n;

	lws_get_peer_simple(wsi, peer, sizeof(peer));
	if (address_canonical(peer, out, len) != 0)
		return -1;
	if (!address_is_proxy(hall, out))
		return 0;
	n = lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_X_REAL_IP);
	if (n <= 0)
		return 0;
	/* From the proxy, a header that is not one address is a broken proxy. */
	if (n >= (int)sizeof(real) ||
	    lws_hdr_copy(wsi, real, sizeof(real), WSI_TOKEN_HTTP_X_REAL_IP) < 0 ||
	    address_canonical(real, out, len) != 0)
		return -1;
	return 0;
}

void address_key(const char *addr, char *out, size_t len)
{
	netaddr_limit_key(addr, out, len);
}

static unsigned count(struct hall *hall, const char *key, int spectators_only)
{
	unsigned n = 0;

	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		const struct hall_session *s = lws_container_of(d, struct hall_session, list);

		n += strcmp(s->addr_key, key) == 0 &&
		     (!spectators_only || (!s->user[0] && !s->arriving && !s->close_code));
	} lws_end_foreach_dll(d);
	return n;
}

unsigned address_count(struct hall *hall, const char *key)
{
	return count(hall, key, 0);
}

unsigned address_spectators(struct hall *hall, const char *key)
{
	return count(hall, key, 1);
}
