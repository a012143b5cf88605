import Glibc

/// The process's open-file limit, which bounds how many control connections may wait.
///
/// systemd (and most shells) start services with a soft limit of 1,024 and a far higher hard one, expecting a
/// program that needs more to raise its own soft limit; aduand holds its store, spool files, webhook sockets and up
/// to a thousand waiting control connections.
enum DescriptorLimit {
    /// Descriptors kept free of control connections: the store and its WAL, the files a poll reads, outbox writes,
    /// webhook and Open311 sockets, the sendmail pipe, logs.
    static let reserved = 256

    /// Raises the soft limit to the hard one; returns the soft limit in force afterwards.
    @discardableResult
    static func raiseToHardLimit() -> Int {
        guard var limit = current() else { return 1_024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return soft(limit)
    }

    /// How many control connections may wait for a serving thread under the current limit, at most `wanted`.
    static func waitingConnections(wanted: Int, serving: Int) -> Int {
        guard let limit = current() else { return wanted }
        return max(0, min(wanted, soft(limit) - reserved - serving))
    }

    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)

    private static func current() -> rlimit? {
        var limit = rlimit()
        return getrlimit(resource, &limit) == 0 ? limit : nil
    }

    private static func soft(_ limit: rlimit) -> Int {
        limit.rlim_cur > UInt64(Int.max) ? Int.max : Int(limit.rlim_cur)
    }
}
