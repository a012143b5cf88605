import AduanRules

/// The rules language end to end from text in memory: parse, check, compile and run the `test` blocks, as a reload
/// does; then render every diagnostic as `aduanctl rules check` prints it.
///
/// The text poses as a file of `Tests/Fuzz/Data` (`run` starts in the repository's root), so the `file("…")` lists,
/// abbreviations and holidays that the seeds name are read from there.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // A rule file that is not UTF-8 is refused before parsing (RuleLoader.load).
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else {
        return 0
    }
    let path = "Tests/Fuzz/Data/fuzz.rules"
    let result = RuleLoader.compile([RuleFile(path: path, text: text)])
    if result.ruleSet != nil && result.diagnostics.contains(where: \.isError) {
        FuzzExpectation.fail("a rule set was compiled despite errors")
    }
    for diagnostic in result.diagnostics {
        FuzzExpectation.oneLine(diagnostic.message, "diagnostic message")
        if let help = diagnostic.help { FuzzExpectation.oneLine(help, "diagnostic help") }
    }
    _ = DiagnosticRenderer.render(result.diagnostics, sources: [path: text])
    return 0
}
