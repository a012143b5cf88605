import AduanControl
import AduanRules
import AduanStore
import Dispatch
import Foundation
import Synchronization

/// Reloads the rules (SIGHUP or `aduanctl reload`): read every file, parse, check, compile; store the snapshot's
/// text by its hash; swap it in whole; recompute open cases' deadlines. Any failure keeps the old snapshot serving.
final class RulesReloader: @unchecked Sendable {
    // `@unchecked Sendable`: `store` is used only inside `storeQueue.sync`; everything else is immutable or
    // thread-safe (`rules`, `isReloading`).
    private let notifier: ServiceNotifier
    private let directory: String
    private let rules: RuleSetHolder
    private let store: Store
    private let storeQueue: DispatchQueue
    private let cases: CaseService
    private let logger: Logger
    /// One reload at a time: two overlapping reloads could otherwise swap in the older snapshot last.
    private let isReloading = Mutex(())

    init(
        notifier: ServiceNotifier,
        directory: String,
        rules: RuleSetHolder,
        store: Store,
        storeQueue: DispatchQueue,
        cases: CaseService,
        logger: Logger
    ) {
        self.notifier = notifier
        self.directory = directory
        self.rules = rules
        self.store = store
        self.storeQueue = storeQueue
        self.cases = cases
        self.logger = logger
    }

    /// Reloads and returns the outcome once the new snapshot serves, or the diagnostics when it was refused.
    func reload() -> ReloadOutcome {
        isReloading.withLock { _ in
            notifier.reloading()
            let outcome = load()
            let serving = rules.current
            notifier.ready(
                status: "serving \(serving.routeLabels.count) routes (rules \(serving.hash.prefix(12)))"
                    + (outcome.ok ? "" : "; last reload refused")
            )
            return outcome
        }
    }

    private func load() -> ReloadOutcome {
        let loaded = RuleLoader.load(directory: directory)
        let now = Date()
        guard let ruleSet = loaded.ruleSet else {
            return refuse(loaded.rendered(), at: now)
        }
        // `store` is confined to the store queue; the snapshot is saved there, between two intake batches.
        let saved: (any Error)? = storeQueue.sync { [store] in
            do {
                try store.write { try $0.saveRuleSnapshot(hash: ruleSet.hash, files: ruleSet.sources, at: now) }
                return nil
            } catch {
                return error
            }
        }
        if let saved { return refuse("cannot store the rule snapshot: \(saved)", at: now) }
        rules.replace(with: ruleSet, at: now)
        logger.notice("rules reloaded", ["rules_hash": String(ruleSet.hash.prefix(12)), "rules": directory])
        storeQueue.async { [cases] in cases.recomputeAll() }
        return ReloadOutcome(ok: true, at: now, errors: [], hash: ruleSet.hash)
    }

    private func refuse(_ diagnostics: String, at now: Date) -> ReloadOutcome {
        rules.recordRefusal(diagnostics: [diagnostics], at: now)
        logger.error("reload refused; the previous rules stay in service", ["rules": directory])
        for line in diagnostics.split(separator: "\n") { logger.error(String(line)) }
        return ReloadOutcome(ok: false, at: now, errors: [diagnostics], hash: rules.current.hash)
    }
}
