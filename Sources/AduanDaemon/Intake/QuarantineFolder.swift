import Foundation
import Glibc

/// A source's quarantine folder: items that cannot be ingested land here, each file `X` with a reason file
/// `X.reason` naming each item and its problem, so that nothing is silently dropped and an operator can fix the
/// file and put it back (`aduanctl quarantine retry`).
struct QuarantineFolder: Sendable {
    /// One quarantined file, as `aduanctl quarantine list` shows it.
    struct Entry: Sendable, Hashable {
        /// The file's name in the folder.
        var name: String
        /// Its size in bytes.
        var size: Int
        /// When it was quarantined.
        var quarantinedAt: Date?
        /// Why, as written in its reason file.
        var reason: String
    }

    /// The folder.
    let directory: String

    /// Moves a whole file that cannot be read into quarantine, after writing its reason.
    func quarantine(file: SpoolFile, reason: String) throws {
        let destinationName = freeName(for: file.name)
        try DurableFiles.write(
            Array("file \(file.name): \(reason)\n".utf8),
            to: directory,
            name: destinationName + ".reason"
        )
        _ = try DurableFiles.move(file.path, into: directory, as: destinationName)
    }

    /// Writes the rejected items of a file into quarantine (the file's valid items are ingested separately).
    ///
    /// The quarantined copy holds only the rejected items (after the file's header, if it has one), so it can be
    /// fixed and put back.
    func quarantine(items rejections: [SpoolFile.Rejection], of file: SpoolFile) throws {
        guard !rejections.isEmpty else { return }
        let destinationName = freeName(for: file.name)
        var reasons = ""
        var content = file.header
        for (index, rejection) in rejections.enumerated() {
            reasons += "\(file.name) line \(rejection.line) (item \(index + 1) here): \(rejection.reason)\n"
            content += rejection.bytes
            if content.last != UInt8(ascii: "\n") { content.append(UInt8(ascii: "\n")) }
        }
        // A crash between this write and the batch's commit makes the next poll reject the same items again: a copy
        // already here under the file's names is that earlier write, not a second problem for the operator.
        if isQuarantined(content, as: file.name) { return }
        try DurableFiles.write(Array(reasons.utf8), to: directory, name: destinationName + ".reason")
        do {
            try DurableFiles.write(content, to: directory, name: destinationName)
        } catch {
            // No reason without its items (a full disk): the next poll writes both again.
            unlink(directory + "/" + destinationName + ".reason")
            throw error
        }
    }

    /// Whether `content` already sits here under `name` or one of the numbered names taken after it.
    private func isQuarantined(_ content: [UInt8], as name: String) -> Bool {
        var counter = 0
        while let existing = FileManager.default.contents(
            atPath: directory + "/" + DurableFiles.numberedName(name, counter)
        ) {
            if existing.elementsEqual(content) { return true }
            counter += 1
        }
        return false
    }

    /// Removes temporary files a crash left in the middle of a quarantine write (`.NAME.PID.tmp`, see
    /// `AtomicFile`); called before the source's first poll, when no write of this daemon runs.
    func removeLeftoverTemporaries() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            unlink(directory + "/" + name)
        }
    }

    /// The quarantined files, oldest first.
    func entries() throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        return names.filter { !$0.hasSuffix(".reason") && !$0.hasPrefix(".") }.map { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)
            return Entry(
                name: name,
                size: (attributes?[.size] as? NSNumber)?.intValue ?? 0,
                quarantinedAt: attributes?[.modificationDate] as? Date,
                reason: reason(of: name)
            )
        }.sorted { ($0.quarantinedAt ?? .distantPast, $0.name) < ($1.quarantinedAt ?? .distantPast, $1.name) }
    }

    /// The reason file's text for a quarantined file (empty when it has none).
    func reason(of name: String) -> String {
        let data = FileManager.default.contents(atPath: directory + "/" + name + ".reason") ?? Data()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The path of a quarantined file, after checking that the name is a plain entry of this folder.
    func path(of name: String) throws(QuarantineError) -> String {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.hasSuffix(".reason") else {
            throw QuarantineError("'\(name)' is not a quarantined file's name")
        }
        let path = directory + "/" + name
        guard FileManager.default.fileExists(atPath: path) else {
            throw QuarantineError("no quarantined file '\(name)' in \(directory)")
        }
        return path
    }

    /// Moves a quarantined file back into `destination` (under a name the source reads) and removes its reason.
    func requeue(_ path: String, into destination: String) throws {
        let name = (path as NSString).lastPathComponent
        let freeName = (DurableFiles.uniqueName(name, in: destination) as NSString).lastPathComponent
        _ = try DurableFiles.move(path, into: destination, as: freeName)
        try? FileManager.default.removeItem(atPath: path + ".reason")
    }

    /// Deletes a quarantined file and its reason (the caller records who did it).
    func drop(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".reason")
    }

    private func freeName(for name: String) -> String {
        (DurableFiles.uniqueName(name, in: directory) as NSString).lastPathComponent
    }
}

/// A quarantine request that cannot be done: one readable line.
struct QuarantineError: Error, Sendable, CustomStringConvertible {
    /// The message.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
