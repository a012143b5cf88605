import Testing

@testable import AduanCore

/// The small XML reader: enough of XML 1.0 for GeoReport documents, and a reason with a line for the rest.
@Suite("XML reader")
struct XMLReaderTests {
    func parse(_ text: String) throws(XMLSyntaxError) -> XMLElementNode {
        try XMLReader.parse(Array(text.utf8))
    }

    @Test("text with entities, character references and CDATA; attributes, comments, declaration and DOCTYPE skipped")
    func features() throws {
        let document = """
            \u{FEFF}<?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE service_requests [ <!ELEMENT x ANY> ]>
            <!-- list -->
            <service_requests xmlns="http://wiki.open311.org/GeoReport_v2" note='a > b'>
              <request id="1">
                <description>Got &lt;&gt;&amp;&quot;&apos; &#65;&#x1F6A7;<![CDATA[ <raw> & ]]></description>
                <account_id/>
                <!-- a comment -->
              </request>
            </service_requests>
            """
        let root = try parse(document)
        #expect(root.name == "service_requests")
        let request = try #require(root.children.first)
        #expect(request.children.map(\.name) == ["description", "account_id"])
        #expect(request.children[0].text == "Got <>&\"' A🚧 <raw> & ")
        #expect(request.children[1].text == "")
    }

    @Test(
        "malformed documents are refused with the line and the reason",
        arguments: [
            ("<a>\n<b></a>", "invalid XML at line 2: end tag </a> closes <b>"),
            ("<a>\n<b>", "invalid XML at line 2: element <b> is not closed"),
            ("<a>&nbsp;</a>", "invalid XML at line 1: unknown entity '&nbsp;'"),
            ("<a>fish & chips</a>", "invalid XML at line 1: an '&' that starts no entity; write '&amp;'"),
            ("<a>&#xD800;</a>", "invalid XML at line 1: '&#xD800;' is not a Unicode character"),
            ("hello <a/>", "invalid XML at line 1: text outside the root element"),
            ("<a/><b/>", "invalid XML at line 1: a second root element"),
            ("<a></a>\n</a>", "invalid XML at line 2: end tag </a> without a start tag"),
            ("<!-- only a comment -->", "invalid XML at line 1: no root element"),
            ("<a><!-- open", "invalid XML at line 1: a comment that is never closed with '-->'"),
            ("<a x=1></a>", "invalid XML at line 1: an attribute value without quotes"),
            ("<a><![CDATA[x</a>", "invalid XML at line 1: a CDATA section that is never closed with ']]>'"),
            ("<>", "invalid XML at line 1: a tag without a name"),
            ("<a", "invalid XML at line 1: a start tag that is not closed with '>'"),
        ]
    )
    func malformed(text: String, message: String) {
        #expect(throws: XMLSyntaxError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("text that is not UTF-8 is refused")
    func invalidUTF8() {
        #expect(throws: XMLSyntaxError(line: 1, reason: "the text of <a> is not valid UTF-8")) {
            try XMLReader.parse(Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8))
        }
    }

    @Test("deep nesting is refused instead of building a huge tree")
    func depth() {
        let text = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: XMLSyntaxError(line: 1, reason: "elements nested deeper than 64")) { try parse(text) }
    }
}
