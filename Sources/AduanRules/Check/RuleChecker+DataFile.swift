extension RuleChecker {
    /// The data files the rules name with `file("…")`, in the order first read: the abbreviation file and list files, then holiday files.
    var dataFiles: [RuleFile] {
        var seen: Set<String> = []
        return (listFiles.files + holidayFiles.files).filter { seen.insert($0.path).inserted }
    }

    /// Where `file("path")` written at `location` points: a relative path starts at the folder of the rules file.
    static func dataFilePath(_ path: String, namedAt location: SourceLocation) -> String {
        guard !path.hasPrefix("/"), let slash = location.path.lastIndex(of: "/") else { return path }
        return String(location.path[...slash]) + path
    }

    /// The entries of a list file, `file("x.csv")` in `phrases = …`, `regions = …` or `reporters = …`, as string
    /// values positioned in that file; `nil` after an error, reported where the file is named or in the file.
    ///
    /// - Parameters:
    ///   - key: The list's key, e.g. `phrases`; a CSV header holding it (or its singular) is skipped.
    mutating func listFileEntries(_ call: SyntaxValue, key: String, of block: SyntaxBlock) -> [SyntaxValue]? {
        let singular = String(key.dropLast())
        return dataFileRecords(
            call,
            key: key,
            noun: "list file",
            entry: singular,
            headers: [singular, key],
            formats: "a list file is a .csv (first column) or a .txt (one entry per line)",
            of: block
        )?
        .map { $0[0] }
    }

    /// The records of a data file, `file("x.csv")` written as the value of `key`, each field a string value
    /// positioned in that file; `nil` after an error, reported where the file is named or in the file.
    ///
    /// - Parameters:
    ///   - noun: What the file is, for messages, e.g. `list file`.
    ///   - entry: What one record is, for messages, e.g. `phrase`.
    ///   - headers: The words a CSV header's first field may hold; such a first record is skipped.
    ///   - formats: What the file may be, as help for an unknown file type.
    mutating func dataFileRecords(
        _ call: SyntaxValue,
        key: String,
        noun: String,
        entry: String,
        headers: [String],
        formats: String,
        of block: SyntaxBlock
    ) -> [[SyntaxValue]]? {
        guard case .call(_, let arguments) = call.kind, arguments.count == 1, let written = arguments[0].string,
            !written.isEmpty
        else {
            diagnostics.append(
                .error("file(…) takes one quoted path", at: call.location, help: "write \(key) = file(\"\(key).csv\")")
            )
            return nil
        }
        let path = Self.dataFilePath(written, namedAt: call.location)
        let lowercased = path.lowercased()
        guard lowercased.hasSuffix(".csv") || lowercased.hasSuffix(".txt") else {
            diagnostics.append(
                .error("cannot read \(noun) '\(path)': unknown file type", at: call.location, help: formats)
            )
            return nil
        }
        let (outcome, isFirstRead) = listFiles.read(path)
        switch outcome {
        case .unreadable(let reason, let help):
            diagnostics.append(.error("cannot read \(noun) '\(path)': \(reason)", at: call.location, help: help))
            return nil
        case .text(let text):
            let (records, fileDiagnostics) = ListFileParser.parseRecords(text, path: path, headers: headers)
            if isFirstRead {
                diagnostics += fileDiagnostics.map { diagnostic in
                    var diagnostic = diagnostic
                    diagnostic.help =
                        (diagnostic.help.map { $0 + "; " } ?? "")
                        + "read for \(describe(block)) at \(call.location)"
                    return diagnostic
                }
            }
            guard fileDiagnostics.isEmpty else { return nil }
            if records.isEmpty {
                diagnostics.append(
                    .error("\(noun) '\(path)' has no entries", at: call.location, help: "add one \(entry) a line")
                )
                return nil
            }
            return records
        }
    }
}
