/* sha256.h — SHA-256 (FIPS 180-4), for hashing identity secrets before they
 * are stored: small enough to need no crypto library in every program. */
#ifndef MASAKARI_SHA256_H
#define MASAKARI_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32

void sha256(const void *data, size_t len, uint8_t out[SHA256_LEN]);

/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[2 * SHA256_LEN + 1]);

#endif
