/* netaddr.c — a client address as the key its limits are counted under. */
#include "netaddr.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

void netaddr_limit_key(const char *addr, char *out, size_t len)
{
	unsigned char bin[16];
	char text[INET6_ADDRSTRLEN];

	if (strncmp(addr, "::ffff:", 7) == 0 && inet_pton(AF_INET, addr + 7, bin) == 1)
		addr += 7;
	if (inet_pton(AF_INET, addr, bin) == 1 && inet_ntop(AF_INET, bin, text, sizeof(text))) {
		snprintf(out, len, "ip:%s", text);
		return;
	}
	if (inet_pton(AF_INET6, addr, bin) == 1) {
		memset(bin + 8, 0, 8);
		if (inet_ntop(AF_INET6, bin, text, sizeof(text))) {
			snprintf(out, len, "ip6:%s/64", text);
			return;
		}
	}
	snprintf(out, len, "ip:?%.40s", addr);
}
