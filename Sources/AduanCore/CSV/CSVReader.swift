/// Splits CSV bytes into a header and records, following RFC 4180 with the deviations real exports need.
///
/// - Records end with CRLF, LF or a lone CR; the last record may lack one. Lines holding only spaces or tabs
///   are blank and skipped.
/// - A field that starts with `"` is quoted: it may hold delimiters, quotes written `""`, and line breaks (kept
///   as they are). A quoted field that never closes rejects the whole file, since every later record is lost.
/// - Strict about quotes: a `"` inside an unquoted field, or text after a closing quote, makes that record
///   invalid ("quote the field and double the quote"); reading goes on with the next record.
/// - UTF-8, with or without a byte-order mark; a field that is not valid UTF-8 makes its record invalid.
/// - The header row is required; a record with another number of fields than the header is invalid.
/// - The delimiter is `,` or `;`: given, or the one that occurs more often outside quotes in the header
///   (`,` when tied).
public struct CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private let bytes: [UInt8]
    private var delimiter: UInt8
    private var index: Int
    private var line = 1

    private init(bytes: [UInt8], delimiter: UInt8, index: Int) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.index = index
    }

    /// Reads a whole file.
    ///
    /// - Parameter delimiter: the field separator, or `nil` to detect it from the header.
    /// - Throws: ``CSVError`` when the file as a whole cannot be read: no header, an invalid header, UTF-16, or a
    ///   quoted field that is never closed.
    public static func read(_ bytes: [UInt8], delimiter: CSVDelimiter? = nil) throws(CSVError) -> CSVDocument {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw CSVError(line: 1, reason: "the file is UTF-16; save it as UTF-8")
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var reader = CSVReader(bytes: bytes, delimiter: CSVDelimiter.comma.rawValue, index: start)
        reader.skipBlankLines()
        reader.delimiter = delimiter?.rawValue ?? reader.detectDelimiter()
        guard let header = try reader.nextRecord() else {
            throw CSVError(line: reader.line, reason: "no header row: the file is empty")
        }
        let columns: [String]
        switch header.fields {
        case .success(let fields): columns = fields
        case .failure(let error): throw CSVError(line: error.line, reason: "in the header: \(error.reason)")
        }
        var records: [CSVRecord] = []
        while var record = try reader.nextRecord() {
            if case .success(let fields) = record.fields, fields.count != columns.count {
                record.fields = .failure(
                    CSVError(
                        line: record.line,
                        reason: "the record has \(fields.count) fields, the header has \(columns.count)"
                    )
                )
            }
            records.append(record)
        }
        return CSVDocument(delimiter: CSVDelimiter(rawValue: reader.delimiter)!, header: columns, records: records)
    }

    /// Counts `,` and `;` outside quotes up to the end of the header row, without consuming it.
    private func detectDelimiter() -> UInt8 {
        var commas = 0
        var semicolons = 0
        var isQuoted = false
        for byte in bytes[index...] {
            if byte == Self.quote {
                isQuoted.toggle()
            } else if !isQuoted {
                if byte == Self.lineFeed || byte == Self.carriageReturn { break }
                if byte == CSVDelimiter.comma.rawValue { commas += 1 }
                if byte == CSVDelimiter.semicolon.rawValue { semicolons += 1 }
            }
        }
        return semicolons > commas ? CSVDelimiter.semicolon.rawValue : CSVDelimiter.comma.rawValue
    }

    /// Skips lines that hold nothing but spaces and tabs.
    private mutating func skipBlankLines() {
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            if end == bytes.count {
                index = end
                return
            }
            guard bytes[end] == Self.lineFeed || bytes[end] == Self.carriageReturn else { return }
            index = end
            consumeLineBreak()
        }
    }

    /// Moves past CRLF, LF or CR at `index` and counts the line.
    private mutating func consumeLineBreak() {
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed {
            index += 1
        }
        index += 1
        line += 1
    }

    /// The next record, or `nil` at the end of the file.
    private mutating func nextRecord() throws(CSVError) -> CSVRecord? {
        skipBlankLines()
        guard index < bytes.count else { return nil }
        let startLine = line
        let startIndex = index
        var fields: [String] = []
        var problem: String?
        var field: [UInt8] = []
        while true {
            field.removeAll(keepingCapacity: true)
            let fieldNumber = fields.count + 1
            if index < bytes.count, bytes[index] == Self.quote {
                try readQuotedField(into: &field, startLine: startLine)
                if index < bytes.count, !isFieldEnd(bytes[index]) {
                    problem = problem ?? "text after the closing quote of field \(fieldNumber); quote the whole field"
                    while index < bytes.count, !isFieldEnd(bytes[index]) { index += 1 }
                }
            } else {
                while index < bytes.count, !isFieldEnd(bytes[index]) {
                    if bytes[index] == Self.quote, problem == nil {
                        problem = "a quote inside unquoted field \(fieldNumber); quote the field and double the quote"
                    }
                    field.append(bytes[index])
                    index += 1
                }
            }
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                problem = problem ?? "field \(fieldNumber) is not valid UTF-8"
                fields.append("")
            }
            guard index < bytes.count, bytes[index] == delimiter else { break }
            index += 1
        }
        let record = Array(bytes[startIndex..<index])
        if index < bytes.count { consumeLineBreak() }
        let result: Result<[String], CSVError> =
            if let problem { .failure(CSVError(line: startLine, reason: problem)) } else { .success(fields) }
        return CSVRecord(line: startLine, bytes: record, fields: result)
    }

    /// Reads a quoted field from its opening quote to its closing quote, unescaping `""` and counting lines.
    private mutating func readQuotedField(into field: inout [UInt8], startLine: Int) throws(CSVError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                index += 1
                guard index < bytes.count, bytes[index] == Self.quote else { return }
                field.append(Self.quote)
                index += 1
                continue
            }
            if byte == Self.lineFeed || (byte == Self.carriageReturn && bytes[safe: index + 1] != Self.lineFeed) {
                line += 1
            }
            field.append(byte)
            index += 1
        }
        throw CSVError(
            line: startLine,
            reason: "a quoted field is never closed; close it with '\"' and write quotes inside it as '\"\"'"
        )
    }

    private func isFieldEnd(_ byte: UInt8) -> Bool {
        byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn
    }
}

extension Array where Element == UInt8 {
    fileprivate subscript(safe position: Int) -> UInt8? {
        position < count ? self[position] : nil
    }
}
