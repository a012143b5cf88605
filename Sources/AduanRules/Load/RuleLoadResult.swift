/// The outcome of loading a rules snapshot: the compiled rules, or the reasons they were refused.
public struct RuleLoadResult: Sendable {
    /// The compiled snapshot; `nil` when there is any error.
    public var ruleSet: RuleSet?
    /// Every error and warning of every file, in load order then position.
    public var diagnostics: [Diagnostic]
    /// The files read (also when they had errors): the rule files in load order, then the list and holiday files
    /// they name.
    public var files: [RuleFile]
    /// The outcome of every `test` block in load order; empty when the rules had errors before the tests could run.
    public var testResults: [RuleTestResult]
    /// The snapshot as compiled before its tests ran, also when a test failed (then ``ruleSet`` is `nil`): for tools
    /// that explain or replay while the tests are being fixed. Never serve it.
    public var compiledRuleSet: RuleSet?

    /// Creates a result.
    public init(
        ruleSet: RuleSet?,
        diagnostics: [Diagnostic],
        files: [RuleFile],
        testResults: [RuleTestResult] = [],
        compiledRuleSet: RuleSet? = nil
    ) {
        self.ruleSet = ruleSet
        self.diagnostics = diagnostics
        self.files = files
        self.testResults = testResults
        self.compiledRuleSet = compiledRuleSet ?? ruleSet
    }

    /// File texts by path.
    public var sources: [String: String] {
        Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether any diagnostic is an error (then ``ruleSet`` is `nil`).
    public var hasErrors: Bool {
        diagnostics.contains(where: \.isError)
    }

    /// Every diagnostic rendered with its source line and caret, ready for stderr or a log.
    public func rendered() -> String {
        DiagnosticRenderer.render(diagnostics, sources: sources)
    }
}
