import AduanCore
import Testing

@Suite("HMAC-SHA-256")
struct HMACSHA256Tests {
    /// One RFC 4231 test case: key and data as bytes, the expected code as hex (case 5 keeps only 128 bits).
    struct Vector: Sendable, CustomTestStringConvertible {
        var number: Int
        var key: [UInt8]
        var data: [UInt8]
        var code: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static let vectors: [Vector] = [
        Vector(
            number: 1,
            key: Array(repeating: 0x0b, count: 20),
            data: Array("Hi There".utf8),
            code: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        Vector(
            number: 2,
            key: Array("Jefe".utf8),
            data: Array("what do ya want for nothing?".utf8),
            code: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        Vector(
            number: 3,
            key: Array(repeating: 0xaa, count: 20),
            data: Array(repeating: 0xdd, count: 50),
            code: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        Vector(
            number: 4,
            key: Array(1...25),
            data: Array(repeating: 0xcd, count: 50),
            code: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        Vector(
            number: 5,
            key: Array(repeating: 0x0c, count: 20),
            data: Array("Test With Truncation".utf8),
            code: "a3b6167473100ee06e0c796c2955552b"
        ),
        Vector(
            number: 6,
            key: Array(repeating: 0xaa, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            code: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        Vector(
            number: 7,
            key: Array(repeating: 0xaa, count: 131),
            data: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. The key needs to "
                    + "be hashed before being used by the HMAC algorithm.").utf8
            ),
            code: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ]

    @Test("codes match every RFC 4231 test case, the truncated one on its first 128 bits", arguments: vectors)
    func rfc4231(vector: Vector) {
        let code = HMACSHA256.hexAuthenticationCode(for: vector.data, key: vector.key)
        #expect(code.count == 64)
        #expect(code.hasPrefix(vector.code))
    }

    @Test("the raw code is 32 bytes and changes with one bit of the key")
    func rawCode() {
        let code = HMACSHA256.authenticationCode(for: Array("abc".utf8), key: Array("k".utf8))
        #expect(code.count == 32)
        #expect(code != HMACSHA256.authenticationCode(for: Array("abc".utf8), key: Array("j".utf8)))
    }
}
