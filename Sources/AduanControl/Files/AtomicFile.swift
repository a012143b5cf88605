public import Glibc

/// Replaces a file in one step: readers see the old content or the new, never a part (node_exporter's textfile
/// collector, spool inboxes), and after a crash the file holds one of them.
public enum AtomicFile {
    /// Writes `bytes` to a hidden temporary file in the same folder, fsyncs it, renames it over `path`, and
    /// fsyncs the folder so that the rename survives a power cut.
    ///
    /// The temporary name starts with `.` and ends with `.tmp`, so collectors matching `*.prom` or `*.json`
    /// never read it.
    /// - Throws: ``SystemCallError`` naming the call and the path.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o640) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = (directory == "/" ? "" : directory) + "/.\(name).\(getpid()).tmp"
        let descriptor = try retryingOnInterrupt("open \(temporary)") {
            open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        }
        do {
            var offset = 0
            while offset < bytes.count {
                offset += try bytes.withUnsafeBytes { buffer in
                    try retryingOnInterrupt("write \(temporary)") {
                        Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    }
                }
            }
            // The umask may have narrowed the mode at creation; readers such as node_exporter need it as asked.
            try retryingOnInterrupt("fchmod \(temporary)") { fchmod(descriptor, mode) }
            try retryingOnInterrupt("fsync \(temporary)") { fsync(descriptor) }
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        do {
            try retryingOnInterrupt("rename \(temporary)") { rename(temporary, path) }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(directory)
    }

    /// Flushes a folder's entries to disk.
    public static func syncDirectory(_ path: String) throws {
        let descriptor = try retryingOnInterrupt("open \(path)") { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { close(descriptor) }
        try retryingOnInterrupt("fsync \(path)") { fsync(descriptor) }
    }

    /// Flushes a file's data to disk.
    public static func syncFile(_ path: String) throws {
        let descriptor = try retryingOnInterrupt("open \(path)") { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(descriptor) }
        try retryingOnInterrupt("fsync \(path)") { fsync(descriptor) }
    }
}
