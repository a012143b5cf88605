/// Reads the small, flat XML documents of GeoReport v2 into a tree, without FoundationXML (and libxml2).
///
/// Supports elements, text, CDATA, the five predefined entities and numeric character references. Attributes are
/// checked for form and dropped; the XML declaration, processing instructions, comments and a DOCTYPE without an
/// internal subset are skipped. Anything else that is not well-formed is an error with its line.
struct XMLReader {
    /// Deep enough for any GeoReport document; keeps hostile input from building a tree that is costly to free.
    static let maximumDepth = 64

    private struct OpenElement {
        var name: String
        var text: [UInt8] = []
        var children: [XMLElementNode] = []
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a document and returns its root element.
    static func parse(_ bytes: [UInt8]) throws(XMLSyntaxError) -> XMLElementNode {
        var reader = XMLReader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        return try reader.document()
    }

    private mutating func document() throws(XMLSyntaxError) -> XMLElementNode {
        var stack: [OpenElement] = []
        var root: XMLElementNode?
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                if stack.isEmpty {
                    guard isWhitespace(bytes[index]) else { throw error("text outside the root element") }
                    index += 1
                } else {
                    try readText(into: &stack[stack.count - 1].text)
                }
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts(with: "<![CDATA[") {
                guard !stack.isEmpty else { throw error("CDATA outside the root element") }
                index += 9
                let start = index
                try skip(past: "]]>", what: "CDATA section")
                stack[stack.count - 1].text += bytes[start..<(index - 3)]
            } else if starts(with: "<!DOCTYPE") {
                guard root == nil, stack.isEmpty else { throw error("a DOCTYPE after the root element started") }
                try skipDoctype()
            } else if starts(with: "</") {
                index += 2
                let name = try readName()
                skipWhitespace()
                try expect(">")
                guard let open = stack.popLast() else { throw error("end tag </\(name)> without a start tag") }
                guard open.name == name else { throw error("end tag </\(name)> closes <\(open.name)>") }
                let element = try finish(open)
                if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
            } else {
                guard root == nil else { throw error("a second root element") }
                index += 1
                let name = try readName()
                let isEmpty = try skipAttributes()
                if isEmpty {
                    let element = XMLElementNode(name: name, text: "", children: [])
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                } else {
                    guard stack.count < Self.maximumDepth else {
                        throw error("elements nested deeper than \(Self.maximumDepth)")
                    }
                    stack.append(OpenElement(name: name))
                }
            }
        }
        if let open = stack.last { throw error("element <\(open.name)> is not closed") }
        guard let root else { throw error("no root element") }
        return root
    }

    private func finish(_ open: OpenElement) throws(XMLSyntaxError) -> XMLElementNode {
        guard let text = String(validating: open.text, as: UTF8.self) else {
            throw error("the text of <\(open.name)> is not valid UTF-8")
        }
        return XMLElementNode(name: open.name, text: text, children: open.children)
    }

    /// Reads text up to the next `<`, resolving entities and character references.
    private mutating func readText(into text: inout [UInt8]) throws(XMLSyntaxError) {
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: "&") {
                try readReference(into: &text)
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
    }

    private mutating func readReference(into text: inout [UInt8]) throws(XMLSyntaxError) {
        let start = index + 1
        guard let end = bytes[start..<min(bytes.count, start + 12)].firstIndex(of: UInt8(ascii: ";")) else {
            throw error("an '&' that starts no entity; write '&amp;'")
        }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        index = end + 1
        switch name {
        case "lt": text.append(UInt8(ascii: "<"))
        case "gt": text.append(UInt8(ascii: ">"))
        case "amp": text.append(UInt8(ascii: "&"))
        case "quot": text.append(UInt8(ascii: "\""))
        case "apos": text.append(UInt8(ascii: "'"))
        default:
            let value: UInt32? =
                if name.hasPrefix("#x") { UInt32(name.dropFirst(2), radix: 16) } else if name.hasPrefix("#") {
                    UInt32(name.dropFirst(), radix: 10)
                } else { nil }
            guard let value else { throw error("unknown entity '&\(name);'") }
            guard let scalar = Unicode.Scalar(value), value != 0 else {
                throw error("'&\(name);' is not a Unicode character")
            }
            text += Array(String(Character(scalar)).utf8)
        }
    }

    /// Reads a tag name: everything up to whitespace, `/`, `>` or `=`.
    private mutating func readName() throws(XMLSyntaxError) -> String {
        let start = index
        while index < bytes.count, !isWhitespace(bytes[index]),
            ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<")].contains(bytes[index])
        {
            index += 1
        }
        guard index > start else { throw error("a tag without a name") }
        guard let name = String(validating: bytes[start..<index], as: UTF8.self) else {
            throw error("a tag name that is not valid UTF-8")
        }
        return name
    }

    /// Skips `name="value"` pairs up to the tag's end; returns whether the tag closes itself (`/>`).
    private mutating func skipAttributes() throws(XMLSyntaxError) -> Bool {
        while true {
            skipWhitespace()
            if starts(with: "/>") {
                index += 2
                return true
            }
            if starts(with: ">") {
                index += 1
                return false
            }
            guard index < bytes.count else { throw error("a start tag that is not closed with '>'") }
            _ = try readName()
            skipWhitespace()
            try expect("=")
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw error("an attribute value without quotes")
            }
            let quote = bytes[index]
            guard let end = bytes[(index + 1)...].firstIndex(of: quote) else {
                throw error("an attribute value that is never closed")
            }
            index = end + 1
        }
    }

    /// Skips `<!DOCTYPE …>`, including an internal subset in brackets.
    private mutating func skipDoctype() throws(XMLSyntaxError) {
        var isInSubset = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["): isInSubset = true
            case UInt8(ascii: "]"): isInSubset = false
            case UInt8(ascii: ">") where !isInSubset:
                index += 1
                return
            default: break
            }
            index += 1
        }
        throw error("a DOCTYPE that is never closed")
    }

    private mutating func skip(past terminator: String, what: String) throws(XMLSyntaxError) {
        let pattern = Array(terminator.utf8)
        var position = index
        while position + pattern.count <= bytes.count {
            if bytes[position] == pattern[0], bytes[position..<(position + pattern.count)].elementsEqual(pattern) {
                index = position + pattern.count
                return
            }
            position += 1
        }
        throw error("a \(what) that is never closed with '\(terminator)'")
    }

    private mutating func expect(_ text: String) throws(XMLSyntaxError) {
        guard starts(with: text) else { throw error("expected '\(text)'") }
        index += text.utf8.count
    }

    private func starts(with text: String) -> Bool {
        bytes[index...].starts(with: text.utf8)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// An error at the current position; the line is counted only here, so reading stays one pass.
    private func error(_ reason: String) -> XMLSyntaxError {
        let line = 1 + bytes[..<min(index, bytes.count)].count(where: { $0 == 0x0A })
        return XMLSyntaxError(line: line, reason: reason)
    }
}
