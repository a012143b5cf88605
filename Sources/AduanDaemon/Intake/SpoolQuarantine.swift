import Foundation

/// A spool source's `quarantine/` folder: items that cannot be ingested land here with a `.reason` file
/// naming each line and its problem, so that nothing is silently dropped and an operator can fix and retry.
struct SpoolQuarantine: Sendable {
    /// The folder.
    let directory: String

    /// Moves a whole file that cannot be read into quarantine, after writing its reason.
    func quarantine(file: SpoolFile, reason: String) throws {
        let destination = DurableFiles.uniqueName(file.name, in: directory)
        let destinationName = (destination as NSString).lastPathComponent
        try DurableFiles.write(
            Array("file \(file.name): \(reason)\n".utf8),
            to: directory,
            name: destinationName + ".reason"
        )
        try DurableFiles.move(file.path, into: directory, as: destinationName)
    }

    /// Writes the rejected lines of a file into quarantine (the file's valid lines are ingested separately).
    ///
    /// The quarantined copy holds only the rejected lines, so it can be fixed and dropped back into the inbox.
    func quarantine(lines rejections: [SpoolFile.Rejection], of file: SpoolFile) throws {
        guard !rejections.isEmpty else { return }
        let destination = DurableFiles.uniqueName(file.name, in: directory)
        let destinationName = (destination as NSString).lastPathComponent
        var reasons = ""
        var content: [UInt8] = []
        for (index, rejection) in rejections.enumerated() {
            reasons += "\(file.name) line \(rejection.line) (line \(index + 1) here): \(rejection.reason)\n"
            content += rejection.bytes
            content.append(UInt8(ascii: "\n"))
        }
        try DurableFiles.write(Array(reasons.utf8), to: directory, name: destinationName + ".reason")
        try DurableFiles.write(content, to: directory, name: destinationName)
    }
}
