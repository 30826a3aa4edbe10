/* netaddr.h — a client address as the key its limits are counted under.
 *
 * An IPv4 address is one subscriber (or one venue NAT). On IPv6 a subscriber
 * is given a whole /64 and may use any address in it, so counting by full
 * address would hand one person 2^64 fresh keys: the key is the /64. */
#ifndef MASAKARI_NETADDR_H
#define MASAKARI_NETADDR_H

#include <stddef.h>

/* Writes the limit key of the address text addr to out (len bytes; 64 are
 * enough): "ip:192.0.2.7" for IPv4 (IPv4-mapped IPv6 included),
 * "ip6:2001:db8:1:2::/64" for the /64 of an IPv6 address. Anything that is
 * not an address is kept as "ip:?" + its first 40 bytes, so it still limits
 * something. Never fails; out is always terminated. */
void netaddr_limit_key(const char *addr, char *out, size_t len);

#endif
