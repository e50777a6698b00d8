#ifndef CFILESWAP_H
#define CFILESWAP_H

/// Atomically exchanges two paths (Linux renameat2(2) with RENAME_EXCHANGE):
/// both must exist; afterwards each name points at what the other did.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or
/// the kernel cannot exchange; the caller falls back then).
int planpress_exchange(const char *a, const char *b);

#endif
