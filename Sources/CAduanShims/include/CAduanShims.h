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

/// Gives the calling thread, kept in the normal (`SCHED_OTHER`) policy at its nice value, a time slice of
/// `nanoseconds` with `sched_setattr(2)`: since Linux 6.12 a thread with a shorter slice than the running one
/// preempts it when it wakes, instead of waiting for the running thread's slice to end. Returns 0, or -1 with
/// `errno` set (`EINVAL` on an older kernel, `EPERM` under a seccomp filter that denies it).
int aduan_set_thread_slice(unsigned long long nanoseconds);

#endif
