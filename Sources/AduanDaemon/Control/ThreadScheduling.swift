import CAduanShims
import Glibc
import Synchronization

/// How the daemon's threads ask the kernel for CPU time, so that an operator's question is answered at once while a
/// backlog import keeps both cores busy.
enum ThreadScheduling {
    /// The time slice of a thread that answers control requests: shorter than any other thread's, so that when it
    /// wakes it preempts the running one (intake) instead of waiting for that slice to end. Its share of CPU time
    /// stays that of any thread at its nice value.
    static let promptSliceNanoseconds: UInt64 = 100_000

    /// The nice value of threads that do bulk work (intake): on a saturated CPU they yield to the control threads
    /// (nice 0), which then get most of a core when they need it; on an idle one they run as fast as ever.
    static let bulkNiceValue: Int32 = 10

    private static let hasWarned = Atomic(false)

    /// Gives the calling thread the prompt slice; where the kernel or a seccomp filter refuses, says so once and
    /// carries on with the default scheduling.
    static func preferPromptWakeups(logger: Logger) {
        guard aduan_set_thread_slice(promptSliceNanoseconds) != 0 else { return }
        let error = errno
        guard !hasWarned.exchange(true, ordering: .relaxed) else { return }
        logger.info(
            "control threads keep the default time slice; answers may wait behind intake on a busy CPU",
            ["error": String(cString: strerror(error))]
        )
    }

    /// Lowers the calling thread's priority to ``bulkNiceValue``, once: a thread can lower its own priority without
    /// privilege, but not raise it back, so the thread (a Dispatch worker of the intake queues) stays at that value.
    /// Where a seccomp filter refuses, intake keeps the default priority.
    static func runAsBulkWork() {
        errno = 0
        let current = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        guard errno == 0, current < bulkNiceValue else { return }
        // On Linux the process id 0 means the calling thread, not the whole process.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, bulkNiceValue)
    }
}
