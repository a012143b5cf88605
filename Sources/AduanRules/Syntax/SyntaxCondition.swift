/// A condition after `when =`: tests on the complaint combined with `and`, `or`, `not` and parentheses.
public struct SyntaxCondition: Sendable, Hashable {
    /// Whether all or any phrases of a list must occur.
    public enum Quantifier: String, Sendable, Hashable {
        /// At least one phrase of the list.
        case any
        /// Every phrase of the list.
        case all
    }

    /// The forms a condition can take. Operands are values so that each keeps its own position.
    public indirect enum Kind: Sendable, Hashable {
        /// `text has any <list>` / `text has all <list>`; the list is an identifier value.
        case textHas(Quantifier, list: SyntaxValue)
        /// `text has phrase "…"`; a string value.
        case textHasPhrase(SyntaxValue)
        /// `channel is "sms"`; a string value.
        case channelIs(SyntaxValue)
        /// `region in <list>` or `region in ["Kota Serang", …]`.
        case regionIn(SyntaxValue)
        /// `reporter in <list>` or `reporter in [...]`.
        case reporterIn(SyntaxValue)
        /// `always`.
        case always
        /// A bare name: a named condition from a `define` block.
        case reference(String)
        /// `not <condition>`.
        case not(SyntaxCondition)
        /// `<condition> and <condition>`.
        case and(SyntaxCondition, SyntaxCondition)
        /// `<condition> or <condition>`.
        case or(SyntaxCondition, SyntaxCondition)
    }

    /// What the condition is.
    public var kind: Kind
    /// Where it starts.
    public var location: SourceLocation

    /// Creates a condition.
    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
