import Dispatch

/// Monotonic elapsed time since creation.
struct Stopwatch {
    private let start = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the stopwatch was created.
    var seconds: Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Milliseconds since the stopwatch was created.
    var milliseconds: Double { seconds * 1_000 }

    /// Runs `body` and returns its result with the seconds it took.
    static func measure<Result>(_ body: () throws -> Result) rethrows -> (Result, seconds: Double) {
        let stopwatch = Stopwatch()
        let result = try body()
        return (result, stopwatch.seconds)
    }
}
