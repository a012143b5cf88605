import Foundation

/// The slow path of ``TextNormalizer``: NFKC, lowercase and Unicode-aware word splitting for text that is not ASCII.
enum UnicodeWordFolding {
    /// Calls `body` with each folded word of `run`, a stretch of valid UTF-8 that starts and ends at scalar boundaries.
    static func forEachWord(in run: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let folded = String(decoding: run, as: UTF8.self).precomposedStringWithCompatibilityMapping.lowercased()
        var word: [UInt8] = []
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) || (!word.isEmpty && isMark(scalar)) {
                word.append(contentsOf: scalar.utf8)
            } else if !word.isEmpty {
                word.withUnsafeBufferPointer(body)
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty {
            word.withUnsafeBufferPointer(body)
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
    }

    /// A combining mark belongs to the word it follows; on its own it is not a word.
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
