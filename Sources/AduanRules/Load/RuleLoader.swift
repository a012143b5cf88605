public import AduanCore
import Foundation

/// Reads, parses, checks and compiles a rules snapshot.
public enum RuleLoader {
    /// Loads every `*.rules` file of `directory` (not hidden ones, not subdirectories), sorted by name, as one
    /// snapshot.
    ///
    /// - Parameters:
    ///   - directory: The rules directory; paths in diagnostics are `directory/name`.
    ///   - normalizer: How phrases and complaints are normalised; by default with the built-in abbreviations. An
    ///     `abbreviations` block in the rules wins over it.
    public static func load(directory: String, normalizer: TextNormalizer = TextNormalizer()) -> RuleLoadResult {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            return refusal("cannot read the rules directory '\(directory)'", at: directory, help: reason(error))
        }
        let ruleNames =
            names
            .filter { $0.hasSuffix(".rules") && !$0.hasPrefix(".") && !isDirectory(directory + "/" + $0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !ruleNames.isEmpty else {
            return refusal(
                "no *.rules files in '\(directory)'",
                at: directory,
                help: "a snapshot needs at least one file with agencies, routes and an 'otherwise'"
            )
        }
        var files: [RuleFile] = []
        var diagnostics: [Diagnostic] = []
        for name in ruleNames {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("cannot read '\(path)'", at: .wholeFile(path)))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(
                    .error("'\(path)' is not valid UTF-8", at: .wholeFile(path), help: "save the file as UTF-8")
                )
                continue
            }
            files.append(RuleFile(path: path, text: text))
        }
        var result = compile(files, normalizer: normalizer)
        if !diagnostics.isEmpty {
            result.ruleSet = nil
            result.compiledRuleSet = nil
            result.diagnostics = diagnostics + result.diagnostics
        }
        return result
    }

    /// Parses, checks, compiles and tests `files` (in the given order) as one snapshot; a failing `test` block refuses
    /// it like an error.
    ///
    /// For rules that are not on disk, e.g. in tests or from `aduanctl rules check -`. Files that lists and calendars
    /// name (`file("…")`) are read from disk, relative to the folder of the rule file's path; they join the result's
    /// files and the snapshot hash.
    ///
    /// - Parameters:
    ///   - normalizer: How phrases and complaints are normalised when the rules have no `abbreviations` block; with
    ///     one, the block's table wins, since the rules are the source of truth for how their phrases read.
    public static func compile(_ files: [RuleFile], normalizer: TextNormalizer = TextNormalizer()) -> RuleLoadResult {
        guard !files.isEmpty else {
            return refusal("no rule files", at: "", help: "a snapshot needs at least one file")
        }
        var diagnostics: [Diagnostic] = []
        var documents: [SyntaxDocument] = []
        for file in files {
            let (document, syntaxDiagnostics) = SyntaxParser.parse(file.text, path: file.path)
            documents.append(document)
            diagnostics += syntaxDiagnostics
        }
        let sources = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        var checker = RuleChecker(normalizer: normalizer, sources: sources)
        let program = checker.check(documents)
        diagnostics += checker.diagnostics
        let snapshotFiles = files + checker.dataFiles
        let compiled =
            diagnostics.contains(where: \.isError)
            ? nil : program.map { RuleSet(program: $0, files: snapshotFiles, normalizer: checker.normalizer) }
        let testResults = compiled.map { ruleSet in (program?.tests ?? []).map(ruleSet.run) } ?? []
        diagnostics += testResults.compactMap(\.diagnostic)
        let order = Dictionary(
            snapshotFiles.enumerated().map { ($1.path, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        // Load order, then position; a whole-file diagnostic comes after the file's positioned ones.
        func sortKey(_ entry: (offset: Int, element: Diagnostic)) -> (Int, Int, Int, Int) {
            let location = entry.element.location
            let line = location.line == 0 ? Int.max : location.line
            return (order[location.path] ?? -1, line, location.column, entry.offset)
        }
        diagnostics = diagnostics.enumerated().sorted { sortKey($0) < sortKey($1) }.map(\.element)
        return RuleLoadResult(
            ruleSet: diagnostics.contains(where: \.isError) ? nil : compiled,
            diagnostics: diagnostics,
            files: snapshotFiles,
            testResults: testResults,
            compiledRuleSet: compiled
        )
    }

    private static func refusal(_ message: String, at path: String, help: String?) -> RuleLoadResult {
        RuleLoadResult(ruleSet: nil, diagnostics: [.error(message, at: .wholeFile(path), help: help)], files: [])
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func reason(_ error: any Error) -> String? {
        let cocoaError = error as? CocoaError
        switch cocoaError?.code {
        case .fileReadNoSuchFile?: return "the directory does not exist"
        case .fileReadNoPermission?: return "permission denied"
        default: return nil
        }
    }
}
