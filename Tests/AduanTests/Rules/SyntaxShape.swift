@testable import AduanRules

/// Syntax trees without positions or comments, to compare what two texts say regardless of their layout.
enum SyntaxShape {
    private static let nowhere = AduanRules.SourceLocation(path: "", line: 0, column: 0)

    static func of(_ document: SyntaxDocument) -> SyntaxDocument {
        SyntaxDocument(
            path: "",
            attributes: document.attributes.map(of),
            blocks: document.blocks.map(of),
            comments: []
        )
    }

    private static func of(_ block: SyntaxBlock) -> SyntaxBlock {
        SyntaxBlock(
            kind: block.kind,
            location: nowhere,
            labels: block.labels,
            labelLocations: [],
            attributes: block.attributes.map(of),
            blocks: block.blocks.map(of)
        )
    }

    private static func of(_ attribute: SyntaxAttribute) -> SyntaxAttribute {
        SyntaxAttribute(key: attribute.key, location: nowhere, value: of(attribute.value))
    }

    private static func of(_ value: SyntaxValue) -> SyntaxValue {
        let kind: SyntaxValue.Kind =
            switch value.kind {
            case .list(let items): .list(items.map(of))
            case .call(let name, let arguments): .call(name: name, arguments: arguments.map(of))
            case .offset(let base, let sign, let duration): .offset(base: base, sign: sign, duration: of(duration))
            case .condition(let condition): .condition(of(condition))
            case .string, .integer, .identifier, .duration, .invalid: value.kind
            }
        return SyntaxValue(kind: kind, location: nowhere)
    }

    private static func of(_ condition: SyntaxCondition) -> SyntaxCondition {
        let kind: SyntaxCondition.Kind =
            switch condition.kind {
            case .textHas(let quantifier, let list): .textHas(quantifier, list: of(list))
            case .textHasPhrase(let phrase): .textHasPhrase(of(phrase))
            case .channelIs(let channel): .channelIs(of(channel))
            case .regionIn(let regions): .regionIn(of(regions))
            case .reporterIn(let reporters): .reporterIn(of(reporters))
            case .not(let operand): .not(of(operand))
            case .and(let left, let right): .and(of(left), of(right))
            case .or(let left, let right): .or(of(left), of(right))
            case .always, .reference: condition.kind
            }
        return SyntaxCondition(kind: kind, location: nowhere)
    }

    /// The comments' texts in order, without white space at their ends (which the formatter drops).
    static func comments(of document: SyntaxDocument) -> [String] {
        document.comments.map { comment in
            var text = comment.text
            while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            return text
        }
    }
}
