import AduanControl
import AduanRules
import AduanStore
import Foundation

/// The daemon's metrics for `aduanctl metrics`: what the store counts, the rules in service and their reloads,
/// the scheduler's queue, and the process.
struct MetricsCollector {
    let version: String
    /// The configured sources, listed even before their first item.
    let sources: [String]

    /// The metric families, in a stable order.
    func families(
        counts: StoreReader.MetricCounts,
        rules: RuleSetHolder,
        pendingDeadlines: Int,
        uptimeSeconds: Double
    ) -> [MetricFamily] {
        let (snapshot, lastAttempt) = rules.status
        let reloads = rules.reloadCounts
        let health = Dictionary(counts.sources.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let sourceNames = Set(sources).union(counts.complaintsBySource.keys).union(health.keys).sorted()
        return [
            MetricFamily(
                name: "aduan_build_info",
                help: "The running aduand's version (always 1).",
                kind: .gauge,
                samples: [MetricSample(labels: ["version": version], value: 1)]
            ),
            MetricFamily(
                name: "aduan_uptime_seconds",
                help: "Seconds since aduand started.",
                kind: .gauge,
                value: uptimeSeconds.rounded(.down)
            ),
            MetricFamily(
                name: "aduan_complaints_ingested_total",
                help: "Complaints stored, per source, over the store's life.",
                kind: .counter,
                samples: sourceNames.map {
                    MetricSample(labels: ["source": $0], value: Double(counts.complaintsBySource[$0] ?? 0))
                }
            ),
            MetricFamily(
                name: "aduan_cases",
                help: "Cases per lifecycle state and agency (agency \"\" = not routed).",
                kind: .gauge,
                samples: counts.casesByStateAndAgency.sorted {
                    ($0.key.state, $0.key.agency) < ($1.key.state, $1.key.agency)
                }
                .map {
                    MetricSample(labels: ["state": $0.key.state, "agency": $0.key.agency], value: Double($0.value))
                }
            ),
            MetricFamily(
                name: "aduan_cases_overdue",
                help: "Cases past a deadline or marked overdue, per agency.",
                kind: .gauge,
                samples: counts.overdueByAgency.sorted { $0.key < $1.key }
                    .map { MetricSample(labels: ["agency": $0.key], value: Double($0.value)) }
            ),
            MetricFamily(
                name: "aduan_deadlines_pending",
                help: "Clock deadlines and escalation steps waiting in the scheduler.",
                kind: .gauge,
                value: Double(pendingDeadlines)
            ),
            MetricFamily(
                name: "aduan_rules_info",
                help: "The rule snapshot in service, by hash (always 1).",
                kind: .gauge,
                samples: [MetricSample(labels: ["hash": snapshot.ruleSet.hash], value: 1)]
            ),
            MetricFamily(
                name: "aduan_rules_reloads_total",
                help: "Rule reloads since aduand started, accepted or refused.",
                kind: .counter,
                samples: [
                    MetricSample(labels: ["outcome": "accepted"], value: Double(reloads.accepted)),
                    MetricSample(labels: ["outcome": "refused"], value: Double(reloads.refused)),
                ]
            ),
            MetricFamily(
                name: "aduan_rules_last_reload_timestamp_seconds",
                help: "When rules were last loaded or a reload was refused, in Unix seconds.",
                kind: .gauge,
                value: lastAttempt.at.timeIntervalSince1970.rounded(.down)
            ),
            MetricFamily(
                name: "aduan_rules_last_reload_success",
                help: "1 when the last rules load was accepted, 0 when it was refused.",
                kind: .gauge,
                value: lastAttempt.isAccepted ? 1 : 0
            ),
            MetricFamily(
                name: "aduan_source_items_quarantined_total",
                help: "Items a source set aside in quarantine, over the store's life.",
                kind: .counter,
                samples: sourceNames.map {
                    MetricSample(labels: ["source": $0], value: Double(health[$0]?.itemsQuarantined ?? 0))
                }
            ),
            MetricFamily(
                name: "aduan_source_poll_failing",
                help: "1 when a source's last poll failed (see aduanctl status), 0 otherwise.",
                kind: .gauge,
                samples: sourceNames.map {
                    MetricSample(labels: ["source": $0], value: health[$0]?.lastError == nil ? 0 : 1)
                }
            ),
            MetricFamily(
                name: "aduan_source_last_poll_timestamp_seconds",
                help: "When a source was last polled, in Unix seconds.",
                kind: .gauge,
                samples: sourceNames.compactMap { name in
                    health[name]?.lastPollAt.map {
                        MetricSample(labels: ["source": name], value: $0.timeIntervalSince1970.rounded(.down))
                    }
                }
            ),
        ]
    }
}
