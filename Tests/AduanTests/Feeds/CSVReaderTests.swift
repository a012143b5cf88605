import AduanCore
import Testing

/// RFC 4180 as exports really write it: each case is a file and exactly what the reader makes of it.
@Suite("CSV reader")
struct CSVReaderTests {
    /// A file and its expected records (line, fields), after the header `a,b`.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var records: [(line: Int, fields: [String])]
        var header = ["a", "b"]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "LF records, trailing newline",
            input: "a,b\n1,2\n3,4\n",
            records: [(2, ["1", "2"]), (3, ["3", "4"])]
        ),
        Case(
            name: "CRLF records, no trailing newline",
            input: "a,b\r\n1,2\r\n3,4",
            records: [(2, ["1", "2"]), (3, ["3", "4"])]
        ),
        Case(name: "quoted comma", input: "a,b\n\"x, y\",2\n", records: [(2, ["x, y", "2"])]),
        Case(
            name: "doubled quotes",
            input: "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n",
            records: [(2, ["say \"hi\"", "\""])]
        ),
        Case(
            name: "embedded CRLF and LF keep their bytes and count lines",
            input: "a,b\r\n\"one\r\ntwo\",\"three\nfour\"\r\n5,6\r\n",
            records: [(2, ["one\r\ntwo", "three\nfour"]), (5, ["5", "6"])]
        ),
        Case(name: "embedded lone CR", input: "a,b\n\"x\ry\",2\n", records: [(2, ["x\ry", "2"])]),
        Case(name: "empty fields", input: "a,b\n,\n\"\",x\n", records: [(2, ["", ""]), (3, ["", "x"])]),
        Case(
            name: "blank lines skipped",
            input: "\na,b\n\n1,2\n   \n\n3,4\n\n",
            records: [(4, ["1", "2"]), (7, ["3", "4"])]
        ),
        Case(name: "byte-order mark", input: "\u{FEFF}a,b\n1,2\n", records: [(2, ["1", "2"])]),
        Case(name: "semicolon detected", input: "a;b\n1,5;2\n", records: [(2, ["1,5", "2"])]),
        Case(
            name: "quoted semicolons do not decide",
            input: "\"a;x;y\",b\n1,2\n",
            records: [(2, ["1", "2"])],
            header: ["a;x;y", "b"]
        ),
        Case(
            name: "UTF-8 text",
            input: "a,b\nJl. Raya Serang–Cilegon,Ñ\n",
            records: [(2, ["Jl. Raya Serang–Cilegon", "Ñ"])]
        ),
        Case(name: "header only", input: "a,b\n", records: []),
    ]

    @Test("a file is split into exactly these records", arguments: cases)
    func splits(testCase: Case) throws {
        let document = try CSVReader.read(Array(testCase.input.utf8))
        #expect(document.header == testCase.header)
        #expect(document.records.count == testCase.records.count)
        for (record, expected) in zip(document.records, testCase.records) {
            #expect(record.line == expected.line)
            #expect(try record.fields.get() == expected.fields)
        }
    }

    @Test("the detected delimiter is reported, and a given one overrides detection")
    func delimiter() throws {
        #expect(try CSVReader.read(Array("a;b\n1;2".utf8)).delimiter == .semicolon)
        #expect(try CSVReader.read(Array("a,b\n1,2".utf8)).delimiter == .comma)
        let forced = try CSVReader.read(Array("a;b,c\n1;2,3".utf8), delimiter: .comma)
        #expect(forced.header == ["a;b", "c"])
        #expect(try forced.records[0].fields.get() == ["1;2", "3"])
    }

    @Test("a record keeps its bytes without the line break, for the quarantine")
    func recordBytes() throws {
        let document = try CSVReader.read(Array("a,b\r\n\"x\ny\",2\r\n".utf8))
        #expect(document.records[0].bytes == Array("\"x\ny\",2".utf8))
    }

    @Test(
        "a bad record is refused alone, with its first line and a reason",
        arguments: [
            ("a,b\n1,2,3\n4,5\n", 2, "the record has 3 fields, the header has 2"),
            ("a,b\n1\n4,5\n", 2, "the record has 1 fields, the header has 2"),
            ("a,b\nx\"y,2\n4,5\n", 2, "a quote inside unquoted field 1; quote the field and double the quote"),
            ("a,b\n\"x\nz\"y,2\n4,5\n", 2, "text after the closing quote of field 1; quote the whole field"),
        ]
    )
    func badRecord(input: String, line: Int, reason: String) throws {
        let document = try CSVReader.read(Array(input.utf8))
        #expect(document.records.count == 2)
        #expect(document.records[0].fields == .failure(CSVError(line: line, reason: reason)))
        #expect(try document.records[1].fields.get() == ["4", "5"])
    }

    @Test(
        "a file that cannot be read as a whole is refused with the line and the reason",
        arguments: [
            (
                "a,b\n1,2\n\"open,3\n4,5\n",
                "line 3: a quoted field is never closed; close it with '\"' and write quotes inside it as '\"\"'"
            ),
            ("", "line 1: no header row: the file is empty"),
            ("\n\n  \n", "line 4: no header row: the file is empty"),
            (
                "a,\"b\"c\n1,2\n",
                "line 1: in the header: text after the closing quote of field 2; quote the whole field"
            ),
        ]
    )
    func fileError(input: String, message: String) {
        #expect(throws: CSVError.self) { try CSVReader.read(Array(input.utf8)) }
        do {
            _ = try CSVReader.read(Array(input.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a field that is not UTF-8 makes its record invalid, not the file")
    func invalidUTF8() throws {
        let bytes = Array("a,b\n1,".utf8) + [0xFF, 0x0A] + Array("4,5\n".utf8)
        let document = try CSVReader.read(bytes)
        #expect(document.records[0].fields == .failure(CSVError(line: 2, reason: "field 2 is not valid UTF-8")))
        #expect(try document.records[1].fields.get() == ["4", "5"])
    }

    @Test("a UTF-16 file is refused with the fix")
    func utf16() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00]
        #expect(throws: CSVError(line: 1, reason: "the file is UTF-16; save it as UTF-8")) {
            try CSVReader.read(bytes)
        }
    }
}
