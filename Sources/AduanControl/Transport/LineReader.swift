import Glibc

/// Reads newline-terminated lines from a descriptor, refusing lines longer than a limit.
public struct LineReader {
    /// Why reading a line failed.
    public enum Failure: Error, Sendable, Hashable {
        /// The line grew past the limit before its newline.
        case lineTooLong(limit: Int)
        /// The read timed out or failed.
        case system(SystemCallError)
    }

    private let descriptor: Int32
    private let maximumLineLength: Int
    private var buffer: [UInt8] = []
    private var isAtEnd = false

    /// Creates a reader over a descriptor it does not own.
    public init(descriptor: Int32, maximumLineLength: Int) {
        self.descriptor = descriptor
        self.maximumLineLength = maximumLineLength
    }

    /// The next line without its newline, or `nil` at end of stream (a final unterminated line is returned).
    public mutating func nextLine() throws(Failure) -> [UInt8]? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return line
            }
            if buffer.count > maximumLineLength { throw .lineTooLong(limit: maximumLineLength) }
            if isAtEnd {
                if buffer.isEmpty { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
            var chunk = [UInt8](repeating: 0, count: 16_384)
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { raw in
                    try retryingOnInterrupt("recv") { recv(descriptor, raw.baseAddress, raw.count, 0) }
                }
            } catch let error as SystemCallError {
                throw .system(error)
            } catch {
                throw .system(SystemCallError(call: "recv", errno: EIO))
            }
            if count == 0 {
                isAtEnd = true
            } else {
                buffer.append(contentsOf: chunk[..<count])
            }
        }
    }
}
