import AduanCore
import Foundation

/// A folder of CSV exports laid out like the spool: `inbox/*.csv` in, `processed/` once stored. Each record is a
/// complaint or, with `update_for`, an update; a bad record goes to quarantine under the file's header line, so the
/// quarantined file can be fixed and put back as it is.
struct CSVLayout: FolderLayout {
    private let folders: InboxFolders
    private let decoder: CSVItemDecoder

    /// Creates the layout for `directory`, making `inbox/` and `processed/` when missing.
    init(directory: String, decoder: CSVItemDecoder) throws {
        folders = try InboxFolders(directory: directory)
        self.decoder = decoder
    }

    var requeueDirectory: String { folders.inbox }

    func waitingFiles() throws -> [String] {
        try folders.waitingFiles { $0.lowercased().hasSuffix(".csv") }
    }

    func read(path: String, now: Date) -> SpoolFile {
        var file = SpoolFile(name: (path as NSString).lastPathComponent, path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            file.fileError = "cannot read the file"
            return file
        }
        let bytes = [UInt8](data)
        switch decoder.decode(bytes, receivedDefault: now) {
        case .failure(let error):
            file.fileError = error.description
        case .success(let rows):
            file.header = Self.headerLine(of: bytes)
            for row in rows {
                switch row.result {
                case .success(let item): file.items.append(SpoolFile.Item(line: row.line, item: item))
                case .failure(let error):
                    file.rejections.append(
                        SpoolFile.Rejection(line: row.line, bytes: row.bytes, reason: error.description)
                    )
                }
            }
        }
        return file
    }

    func markDone(path: String) throws {
        try folders.markDone(path: path)
    }

    /// The file's first line with its line end (a header with a quoted line break is cut there: the quarantined
    /// copy then fails with a clear reason rather than losing rows).
    private static func headerLine(of bytes: [UInt8]) -> [UInt8] {
        guard let end = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return bytes + [UInt8(ascii: "\n")] }
        return Array(bytes[...end])
    }
}
