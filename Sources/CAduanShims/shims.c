#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include "CAduanShims.h"

int aduan_peer_credentials_of(int fd, aduan_peer_credentials *out) {
    struct ucred credentials;
    socklen_t length = sizeof(credentials);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
        return -1;
    }
    out->pid = credentials.pid;
    out->uid = credentials.uid;
    out->gid = credentials.gid;
    return 0;
}

int aduan_accept_cloexec(int fd) {
    return accept4(fd, NULL, NULL, SOCK_CLOEXEC);
}

int aduan_set_thread_slice(unsigned long long nanoseconds) {
    struct sched_attr attributes;
    memset(&attributes, 0, sizeof(attributes));
    attributes.size = SCHED_ATTR_SIZE_VER0;
    attributes.sched_policy = SCHED_NORMAL;
    // Keep the thread's nice value: sched_setattr sets it too, and lowering it would need privilege.
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, 0);
    if (nice == -1 && errno != 0) {
        return -1;
    }
    attributes.sched_nice = nice;
    attributes.sched_runtime = nanoseconds;
    return (int)syscall(SYS_sched_setattr, 0, &attributes, 0);
}
