import AduanRules

/// `aduand --check`: validates the configuration and the rules without touching state, and says what would run.
public enum DaemonCheck {
    /// The report printed on success, or the diagnostics on failure.
    ///
    /// - Returns: `true` with a summary when the daemon would start, `false` with every diagnostic otherwise.
    public static func run(_ configuration: DaemonConfiguration) -> (isValid: Bool, report: String) {
        let loaded = RuleLoader.load(directory: configuration.rulesDirectory)
        guard let ruleSet = loaded.ruleSet else { return (false, loaded.rendered()) }
        var report = loaded.diagnostics.isEmpty ? "" : loaded.rendered() + "\n"
        report += """
            ok: configuration and rules are valid
              state dir: \(configuration.stateDirectory)
              socket:    \(configuration.socketPath)
              rules:     \(configuration.rulesDirectory) (\(ruleSet.sources.count) files, \(ruleSet.routeLabels.count) routes, \
            \(ruleSet.agencies.count) agencies, hash \(ruleSet.hash.prefix(12)))
            """
        for source in configuration.sources {
            report +=
                "\n  source:    \(source.name) (\(source.kind.rawValue)) \(source.location) every \(source.interval)s"
        }
        let deliveries = configuration.deliveries
        for (agency, target) in deliveries.agencies.sorted(by: { $0.key < $1.key }) + [("*", deliveries.fallback)] {
            report += "\n  deliver:   \(agency) → \(target.channel.kind.rawValue)"
            if agency != "*", ruleSet.agency(id: agency) == nil { report += " (warning: not an agency of the rules)" }
        }
        return (true, report)
    }
}
