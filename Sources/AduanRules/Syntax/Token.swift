/// One lexical token of the block syntax.
struct Token: Sendable, Hashable {
    /// What the token is.
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case string(String)
        case integer(Int)
        case leftBrace
        case rightBrace
        case leftBracket
        case rightBracket
        case leftParenthesis
        case rightParenthesis
        case equals
        case comma
        case minus
        case plus
        case newline
        case endOfFile
    }

    var kind: Kind
    var location: SourceLocation

    /// How the token reads in an error message: `'='`, `"text"`, `'route'`, `end of line`.
    var quoted: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .string(let text): "string \"\(text)\""
        case .integer(let value): "'\(value)'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftParenthesis: "'('"
        case .rightParenthesis: "')'"
        case .equals: "'='"
        case .comma: "','"
        case .minus: "'-'"
        case .plus: "'+'"
        case .newline: "end of line"
        case .endOfFile: "end of file"
        }
    }

    /// The identifier's name, if this is one.
    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// Whether this is the identifier `word`.
    func isKeyword(_ word: String) -> Bool {
        identifier == word
    }
}
