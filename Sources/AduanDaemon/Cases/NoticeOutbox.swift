import AduanControl
import Foundation

/// `<state>/outbox/<agency>/`: escalation notices as JSON files, written atomically (temporary name, fsync, rename)
/// so that a reader never sees half a notice.
struct NoticeOutbox: Sendable {
    /// The outbox folder.
    let directory: String

    /// Writes a notice into its agency's folder and returns the file's path.
    func write(_ notice: EscalationNotice) throws -> String {
        let folder = directory + "/" + notice.agency
        try DurableFiles.makeDirectory(folder)
        let encoder = ControlCoding.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        var bytes = [UInt8](try encoder.encode(notice))
        bytes.append(UInt8(ascii: "\n"))
        try DurableFiles.write(bytes, to: folder, name: notice.fileName)
        return folder + "/" + notice.fileName
    }
}
