import AduanCore
import Testing

@Suite("hex digits")
struct HexTests {
    @Test("every byte value is written as two lowercase digits and read back")
    func everyByte() {
        let bytes = (0...255).map { UInt8($0) }
        let text = Hex.string(bytes)
        #expect(text.count == 512)
        #expect(text.hasPrefix("000102030405060708090a0b0c0d0e0f10"))
        #expect(text.hasSuffix("f9fafbfcfdfeff"))
        #expect(Hex.bytes(text) == bytes)
        #expect(Hex.bytes(text.uppercased()) == bytes)
    }

    @Test("no bytes are no digits")
    func empty() {
        #expect(Hex.string([]) == "")
        #expect(Hex.bytes("") == [])
    }

    @Test("odd lengths and non-hex characters are not hex", arguments: ["abc", "0g", "zz", "0x12"])
    func invalid(text: String) {
        #expect(Hex.bytes(text) == nil)
    }
}
