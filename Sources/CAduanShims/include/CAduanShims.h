#ifndef ADUAN_SHIMS_H
#define ADUAN_SHIMS_H

#include <sys/types.h>

/// Credentials of the process at the other end of a connected Unix socket (`SO_PEERCRED`).
typedef struct {
    pid_t pid;
    uid_t uid;
    gid_t gid;
} aduan_peer_credentials;

/// Reads the peer's credentials of a connected `AF_UNIX` socket. Returns 0, or -1 with `errno` set.
int aduan_peer_credentials_of(int fd, aduan_peer_credentials *out);

/// `accept4(2)` with `SOCK_CLOEXEC`; Glibc does not export `accept4` to Swift.
int aduan_accept_cloexec(int fd);

#endif
