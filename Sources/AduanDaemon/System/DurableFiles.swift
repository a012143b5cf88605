import AduanControl
import Foundation
import Glibc

/// File operations that survive a crash at any instant: data is fsync'd before it is renamed into place,
/// and directories are fsync'd after entries move, so a rename is never undone by a power cut.
enum DurableFiles {
    /// Writes `bytes` to `directory/name` through a hidden temporary name, fsync and rename.
    static func write(_ bytes: [UInt8], to directory: String, name: String) throws {
        try AtomicFile.write(bytes, to: directory + "/" + name)
    }

    /// Moves `path` into `directory` under `name` (default: its own name), or `name.1`, `name.2`, … when that
    /// is taken, so that nothing already there is overwritten. Returns the new path.
    @discardableResult
    static func move(_ path: String, into directory: String, as name: String? = nil) throws -> String {
        let destination = uniqueName(name ?? (path as NSString).lastPathComponent, in: directory)
        try retryingOnInterrupt("rename \(path)") { rename(path, destination) }
        try syncDirectory(directory)
        try syncDirectory((path as NSString).deletingLastPathComponent)
        return destination
    }

    /// `directory/name`, or the first free `directory/stem.N.ext` (`a.jsonl` → `a.1.jsonl`), so that a renamed
    /// file keeps the extension its reader looks for.
    static func uniqueName(_ name: String, in directory: String) -> String {
        var counter = 0
        while access(directory + "/" + numberedName(name, counter), F_OK) == 0 {
            counter += 1
        }
        return directory + "/" + numberedName(name, counter)
    }

    /// The `counter`-th name ``uniqueName(_:in:)`` tries for `name`: the name itself for 0, else `stem.N.ext`.
    static func numberedName(_ name: String, _ counter: Int) -> String {
        guard counter > 0 else { return name }
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        let suffix = dot.map { String(name[$0...]) } ?? ""
        return stem + ".\(counter)" + suffix
    }

    /// Creates a directory and its parents when missing.
    static func makeDirectory(_ path: String, mode: Int = 0o750) throws {
        try FileManager.default.createDirectory(
            atPath: path,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: mode]
        )
    }

    /// Flushes a directory's entries to disk.
    static func syncDirectory(_ path: String) throws {
        try AtomicFile.syncDirectory(path)
    }
}
