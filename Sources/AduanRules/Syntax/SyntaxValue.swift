/// A value after `=`, in a list or as a call argument, with where it starts.
public struct SyntaxValue: Sendable, Hashable {
    /// Which way an offset goes from its base.
    public enum Sign: String, Sendable, Hashable {
        /// `respond_deadline + 2 working_days`: after the base.
        case plus = "+"
        /// `respond_deadline - 1 working_day`: before the base.
        case minus = "-"
    }

    /// The forms a value can take.
    public indirect enum Kind: Sendable, Hashable {
        /// `"text"`, unescaped.
        case string(String)
        /// `42` or `-3`.
        case integer(Int)
        /// A bare word such as `auto` or `manual`.
        case identifier(String)
        /// `[value, value, …]`.
        case list([SyntaxValue])
        /// `name(argument, …)`, e.g. `file("jalan.csv")`.
        case call(name: String, arguments: [SyntaxValue])
        /// A number and a unit: `4 working_hours`.
        case duration(amount: Int, unit: DurationUnit)
        /// A name, a sign and a duration value: `respond_deadline - 1 working_day`.
        case offset(base: String, sign: Sign, duration: SyntaxValue)
        /// A condition; the key `when` holds one.
        case condition(SyntaxCondition)
        /// A value with a syntax error, already reported; checkers skip it without another message.
        case invalid
    }

    /// What the value is.
    public var kind: Kind
    /// Where it starts.
    public var location: SourceLocation

    /// Creates a value.
    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The text, if this is a string.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The number, if this is an integer.
    public var integer: Int? {
        if case .integer(let value) = kind { return value }
        return nil
    }

    /// The word, if this is an identifier.
    public var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// Whether the value had a syntax error (already reported).
    public var isInvalid: Bool { kind == .invalid }

    /// The items, if this is a list.
    public var list: [SyntaxValue]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    /// What kind of value this is, for messages such as "expected a string, found a list".
    public var kindDescription: String {
        switch kind {
        case .string: "a string"
        case .integer: "a number"
        case .identifier(let name): "the word '\(name)'"
        case .list: "a list"
        case .call(let name, _): "a call of '\(name)'"
        case .duration: "a duration"
        case .offset(let base, _, _): "an offset from '\(base)'"
        case .condition: "a condition"
        case .invalid: "an invalid value"
        }
    }
}
