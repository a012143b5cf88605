import AduanCore
import Foundation

/// One intake file read and decoded (spool JSON lines, CSV, a mail): its valid items and its rejected ones, each
/// with its line number.
struct SpoolFile: Sendable {
    /// A valid item and the line it came from (1 for a `.json` file).
    struct Item: Sendable {
        var line: Int
        var item: SpoolItem
        /// The complaint's routing, made off the store queue (``IntakeWriter/route(_:)``).
        var routing: PreRouting? = nil
    }

    /// A line that could not be ingested, kept byte for byte for the quarantine.
    struct Rejection: Sendable {
        var line: Int
        var bytes: [UInt8]
        var reason: String
    }

    /// The file's name in the inbox.
    var name: String
    /// Its path.
    var path: String
    /// Valid items in file order.
    var items: [Item] = []
    /// Invalid lines in file order.
    var rejections: [Rejection] = []
    /// Set when the file as a whole cannot be read (the whole file then goes to quarantine).
    var fileError: String?
    /// Bytes every quarantined part of the file must start with to be read again (a CSV file's header line).
    var header: [UInt8] = []

    /// Whether a name in the inbox is a finished spool file: `*.json`, `*.jsonl` or `*.ndjson`, not hidden.
    /// Writers write under another name (`.x.json`, `x.json.tmp`) and rename, so partial files are never read.
    static func isSpoolFileName(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        return name.hasSuffix(".json") || name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson")
    }

    /// Reads and decodes the file at `path`.
    static func read(path: String, decoder: SpoolItemDecoder, now: Date) -> SpoolFile {
        let name = (path as NSString).lastPathComponent
        var file = SpoolFile(name: name, path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            file.fileError = "cannot read the file"
            return file
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if name.hasSuffix(".json") {
            switch decoder.decode(bytes, receivedDefault: now) {
            case .success(let item): file.items.append(Item(line: 1, item: item))
            case .failure(let error): file.fileError = error.description
            }
            return file
        }
        var lineNumber = 0
        for var line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            switch decoder.decode(line, receivedDefault: now) {
            case .success(let item): file.items.append(Item(line: lineNumber, item: item))
            case .failure(let error):
                file.rejections.append(Rejection(line: lineNumber, bytes: Array(line), reason: error.description))
            }
        }
        return file
    }
}
