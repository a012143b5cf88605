import AduanCore

extension RuleChecker {
    private static let abbreviationsExample = "abbreviations { entries = file(\"singkatan.csv\") }"

    /// Checks the snapshot's `abbreviations` block, if any, and normalises phrases with its table from then on.
    ///
    /// The block wins over the normaliser the loader was given: the rules are the source of truth for how their
    /// phrases read. `builtin = true` (the default) starts from the built-in Indonesian table, which the file's
    /// entries extend and override; `builtin = false` keeps only the file's entries.
    mutating func checkAbbreviations(_ blocks: [SyntaxBlock]) {
        guard let block = blocks.first else { return }
        for duplicate in blocks.dropFirst() {
            diagnostics.append(
                .error(
                    "a snapshot has one 'abbreviations' block",
                    at: duplicate.location,
                    help: "first declared at \(block.location); put all entries in its file"
                )
            )
        }
        if !block.labels.isEmpty {
            diagnostics.append(
                .error(
                    "abbreviations takes no label",
                    at: block.labelLocations[0],
                    help: "write '\(Self.abbreviationsExample)'"
                )
            )
        }
        let attributes = attributes(of: block, allowed: RuleVocabulary.abbreviationKeys)
        var isBuiltinUsed: Bool? = true
        if let attribute = attributes["builtin"] { isBuiltinUsed = builtinFlag(attribute) }
        var fileEntries: [String: String]? = [:]
        if let attribute = attributes["entries"] { fileEntries = abbreviationEntries(attribute, of: block) }
        guard let isBuiltinUsed, let fileEntries else { return }
        var expansions: [String: String] = [:]
        if isBuiltinUsed {
            for (abbreviation, expansion) in AbbreviationTable.indonesian.entries {
                expansions[String(decoding: abbreviation, as: UTF8.self)] =
                    expansion.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            }
        }
        expansions.merge(fileEntries) { _, fromFile in fromFile }
        do throws(AbbreviationError) {
            normalizer = TextNormalizer(abbreviations: try AbbreviationTable(expansions))
        } catch {
            // Each entry was checked on its own; a failure here is a bug, still reported rather than trapped.
            diagnostics.append(.error("abbreviation '\(error.abbreviation)': \(error.reason)", at: block.location))
        }
    }

    /// `builtin = true` or `false`; `nil` after an error.
    private mutating func builtinFlag(_ attribute: SyntaxAttribute) -> Bool? {
        switch attribute.value.identifier {
        case "true": return true
        case "false": return false
        default:
            if !attribute.value.isInvalid {
                diagnostics.append(
                    .error(
                        "'builtin' must be true or false, found \(attribute.value.kindDescription)",
                        at: attribute.valueLocation,
                        help: "write 'builtin = false' to use only the file's entries"
                    )
                )
            }
            return nil
        }
    }

    /// The file's entries, keyed by folded abbreviation; `nil` after an error, reported at the entry in the file.
    private mutating func abbreviationEntries(_ attribute: SyntaxAttribute, of block: SyntaxBlock) -> [String: String]?
    {
        guard case .call(name: "file", _) = attribute.value.kind else {
            if !attribute.value.isInvalid {
                diagnostics.append(
                    .error(
                        "'entries' must be file(\"…\"), found \(attribute.value.kindDescription)",
                        at: attribute.valueLocation,
                        help: "write '\(Self.abbreviationsExample)'"
                    )
                )
            }
            return nil
        }
        guard
            let records = dataFileRecords(
                attribute.value,
                key: "entries",
                noun: "abbreviation file",
                entry: "abbreviation",
                headers: ["abbreviation"],
                formats: "an abbreviation file is a .csv (abbreviation,expansion) or a .txt (\"yg yang\" a line)",
                of: block
            )
        else { return nil }
        var entries: [String: String] = [:]
        var firstLocations: [String: SourceLocation] = [:]
        var isValid = true
        for record in records {
            let (abbreviation, expansion) = Self.abbreviationPair(record)
            guard let key = checkedAbbreviation(abbreviation, expansion: expansion.string ?? "") else {
                isValid = false
                continue
            }
            if let first = firstLocations[key] {
                diagnostics.append(
                    .warning(
                        "abbreviation \"\(abbreviation.string ?? "")\" repeats the one at line \(first.line)",
                        at: abbreviation.location,
                        help: "the first entry is used; abbreviations are compared without case"
                    )
                )
                continue
            }
            firstLocations[key] = abbreviation.location
            entries[key] = expansion.string
        }
        return isValid ? entries : nil
    }

    /// The folded abbreviation when the entry is valid by ``AbbreviationTable``'s rules; reports it otherwise.
    private mutating func checkedAbbreviation(_ abbreviation: SyntaxValue, expansion: String) -> String? {
        let written = abbreviation.string ?? ""
        do throws(AbbreviationError) {
            let table = try AbbreviationTable([written: expansion])
            return table.entries.first.map { String(decoding: $0.abbreviation, as: UTF8.self) }
        } catch {
            diagnostics.append(
                .error(
                    "abbreviation \"\(written)\": \(error.reason)",
                    at: abbreviation.location,
                    help: "write one abbreviation and what it stands for, e.g. 'jln,jalan' or 'jln jalan'"
                )
            )
            return nil
        }
    }

    /// A record's abbreviation and expansion: a CSV's first two fields, or a text line split at its first space.
    private static func abbreviationPair(_ record: [SyntaxValue]) -> (abbreviation: SyntaxValue, expansion: SyntaxValue)
    {
        let first = record[0]
        if record.count > 1 {
            return (first, record[1])
        }
        let line = first.string ?? ""
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return (first, SyntaxValue(kind: .string(""), location: first.location))
        }
        let expansionStart = line[space...].firstIndex(where: { $0 != " " && $0 != "\t" }) ?? line.endIndex
        var location = first.location
        location.column += line.distance(from: line.startIndex, to: expansionStart)
        return (
            SyntaxValue(kind: .string(String(line[..<space])), location: first.location),
            SyntaxValue(kind: .string(String(line[expansionStart...])), location: location)
        )
    }
}
