import AduanCore
import Foundation

/// A Maildir (`new/`, `cur/`, `tmp/`): each message file is one complaint or update.
///
/// Waiting: every message in `new/`, and those in `cur/` without the `S` (seen) flag. Done: moved to `cur/` with
/// `S` added to its flags (`name:2,S`), as the Maildir specification has a client mark a message it has read;
/// the flags stay in ASCII order. Files whose names start with `.` are skipped, as the specification asks.
struct MaildirLayout: FolderLayout {
    /// The Maildir's folder.
    let root: String
    private let mapper: MailItemMapper

    /// Creates the layout, making `new/`, `cur/` and `tmp/` when missing (a delivery agent creates them too).
    init(directory: String, sourceName: String) throws {
        root = directory
        mapper = MailItemMapper(source: sourceName)
        for folder in ["new", "cur", "tmp"] {
            try DurableFiles.makeDirectory(directory + "/" + folder)
        }
    }

    var requeueDirectory: String { root + "/new" }

    func waitingFiles() throws -> [String] {
        let fresh = try FileManager.default.contentsOfDirectory(atPath: root + "/new")
            .filter { !$0.hasPrefix(".") }.sorted().map { root + "/new/" + $0 }
        let unseen = try FileManager.default.contentsOfDirectory(atPath: root + "/cur")
            .filter { !$0.hasPrefix(".") && !Self.flags(of: $0).contains("S") }.sorted().map { root + "/cur/" + $0 }
        return fresh + unseen
    }

    func read(path: String, now: Date) -> SpoolFile {
        var file = SpoolFile(name: (path as NSString).lastPathComponent, path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            file.fileError = "cannot read the message"
            return file
        }
        switch mapper.item(fromMail: [UInt8](data), receivedDefault: now) {
        case .success(let item): file.items.append(SpoolFile.Item(line: 1, item: item))
        case .failure(let error): file.fileError = error.description
        }
        return file
    }

    func markDone(path: String) throws {
        let name = (path as NSString).lastPathComponent
        let unique = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
        let flags = Set(Self.flags(of: name) + "S").sorted()
        try DurableFiles.move(path, into: root + "/cur", as: unique + ":2," + String(flags))
    }

    /// The flags of a Maildir name's `:2,FLAGS` info part (empty without one).
    private static func flags(of name: String) -> String {
        guard let range = name.range(of: ":2,") else { return "" }
        return String(name[range.upperBound...])
    }
}
