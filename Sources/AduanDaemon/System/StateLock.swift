import AduanControl
import Foundation
import Glibc

/// The `flock` on `<state>/aduand.lock` held while a daemon runs, so that a second daemon on the same
/// state directory refuses to start instead of writing the same database and spool.
public final class StateLock: Sendable {
    /// Why the lock could not be taken.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// One readable line.
        public let description: String
    }

    /// The lock file's path.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock, writing this process's pid into the file.
    ///
    /// - Throws: ``Failure`` naming the holder's pid when another process holds it.
    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            if error == EWOULDBLOCK {
                let who = holder.map { $0.isEmpty ? "" : " (pid \($0))" } ?? ""
                throw Failure(description: "another aduand\(who) is running on this state directory: \(path) is locked")
            }
            throw Failure(description: "cannot lock \(path): \(String(cString: strerror(error)))")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
