/// Base64 as mail writes it: line breaks every 76 characters, sometimes no `=` padding, sometimes stray junk.
enum Base64Decoder {
    /// Decodes `bytes`, skipping every byte outside the alphabet and stopping at the first `=`.
    ///
    /// A trailing group of two or three characters (missing padding) still yields its one or two bytes.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var sextets = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") { break }
            let value = table[Int(byte)]
            if value == invalid { continue }
            accumulator = accumulator << 6 | UInt32(value)
            sextets += 1
            if sextets == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                sextets = 0
            }
        }
        if sextets == 2 {
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        } else if sextets == 3 {
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        }
        return output
    }

    /// Whether every byte is in the alphabet or `=`: the test an RFC 2047 `B` word must pass to be decoded.
    static func isEncodedText(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: "=") || table[Int($0)] != invalid }
    }

    private static let invalid: UInt8 = 0xFF

    private static let table: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()
}
