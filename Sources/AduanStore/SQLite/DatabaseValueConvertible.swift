import Foundation

/// A Swift value that can be bound to a statement parameter and read back from a result column.
///
/// Reading a non-optional type from a NULL column yields SQLite's conversion (0, empty text, empty bytes); read an
/// `Optional` where NULL is possible.
protocol DatabaseValueConvertible {
    /// Binds the value to the statement's parameter at `index` (1-based).
    func bind(to statement: Statement, at index: Int32) throws

    /// Reads the value from the current row's column at `column` (0-based).
    init(row: Row, column: Int32)
}

extension Int64: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        try statement.bindInteger(self, at: index)
    }

    init(row: Row, column: Int32) {
        self = row.integer(column)
    }
}

extension Int: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        try statement.bindInteger(Int64(self), at: index)
    }

    init(row: Row, column: Int32) {
        self = Int(row.integer(column))
    }
}

extension Bool: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        try statement.bindInteger(self ? 1 : 0, at: index)
    }

    init(row: Row, column: Int32) {
        self = row.integer(column) != 0
    }
}

extension Double: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        try statement.bindReal(self, at: index)
    }

    init(row: Row, column: Int32) {
        self = row.real(column)
    }
}

extension String: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        try statement.bindText(self, at: index)
    }

    init(row: Row, column: Int32) {
        self = row.text(column)
    }
}

extension [UInt8]: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        try withUnsafeBytes { try statement.bindBlob($0, at: index) }
    }

    init(row: Row, column: Int32) {
        self = row.withBlob(column) { Array($0) }
    }
}

extension Data: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        try withUnsafeBytes { try statement.bindBlob($0, at: index) }
    }

    init(row: Row, column: Int32) {
        self = row.withBlob(column) { Data($0) }
    }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    func bind(to statement: Statement, at index: Int32) throws {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.bindNull(at: index)
        }
    }

    init(row: Row, column: Int32) {
        self = row.isNull(column) ? nil : Wrapped(row: row, column: column)
    }
}
