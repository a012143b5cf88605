import CAduanShims
import Dispatch
import Foundation
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
    /// (nice 0); on an idle one they run as fast as ever. Measured on 2 cores with 1 M cases during intake: at nice 10
    /// `cases --overdue --limit 50` had a p99 of 4.2–5.2 ms, at 19 3.9–4.5 ms; but at 19, beside three busy
    /// processes at nice 0, intake stored nothing in 10 s and a graceful stop waited 6.5 s for the batch in
    /// progress (at 10: 7,000 stored, 1.4 s), so 10.
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

    /// Runs `body` at ``bulkNiceValue`` and puts the thread's priority back after, where a thread can be seen to go
    /// back (``canReturnFromBulk``); elsewhere it runs `body` as it is, because intake runs on Dispatch workers that
    /// later run other work (deadlines, deliveries), which must not be left at low priority.
    static func runAsBulkWork<Result>(_ body: () throws -> Result) rethrows -> Result {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        // On Linux the process id 0 means the calling thread, not the whole process.
        let previous = getpriority(which, 0)
        guard errno == 0, previous == 0, canReturnFromBulk, setpriority(which, 0, bulkNiceValue) == 0 else {
            return try body()
        }
        defer { _ = setpriority(which, 0, previous) }
        return try body()
    }

    /// Whether a thread at nice 0 that went to ``bulkNiceValue`` may come back: tried once on a thread of its own,
    /// since neither the user id nor `RLIMIT_NICE` tells (root without `CAP_SYS_NICE`, in a container or under a
    /// bounding set, cannot; a unit with `LimitNICE=20` can).
    private static let canReturnFromBulk: Bool = {
        let outcome = Atomic(false)
        let ended = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            if getpriority(which, 0) == 0, setpriority(which, 0, bulkNiceValue) == 0 {
                outcome.store(setpriority(which, 0, 0) == 0, ordering: .relaxed)
            }
            ended.signal()
        }
        ended.wait()
        return outcome.load(ordering: .relaxed)
    }()
}
