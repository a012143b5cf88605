import AduanControl
import AduanCore
import AduanRules
import Foundation

/// `aduanctl rules diff OLD NEW [--replay FILE.jsonl] [--json]`: what a rules change changes, offline.
enum RulesDiffCommand {
    static let usage = """
        usage: aduanctl rules diff OLD NEW [--replay FILE.jsonl] [--json]
               aduanctl rules diff --live NEW [--replay FILE.jsonl] [--json]

        Compares two rules directories (with --live, the snapshot the running daemon serves and NEW): files, agencies, routes (added, removed, moved in the order that decides
        which route wins), priorities, escalation ladders and the calendar. With --replay, routes every complaint
        of FILE (spool-format JSON lines, as `aduanctl cases export` writes them) with both and lists those whose
        agency, route, priority or respond deadline would change. Exits 0 whether or not anything changed.
        """

    /// One replayed complaint whose routing differs.
    struct Change: Encodable {
        var id: String
        var fields: [String: [String?]]
    }

    /// The whole comparison, for `--json`.
    struct Report: Encodable {
        var files: [String: String]
        var agencies: [String: String]
        var routes: [String]
        var priorities: [String: String]
        var escalations: [String: String]
        var calendar: [String]
        var replayed: Int?
        var changed: [Change]?
    }

    static func run(_ scanner: inout ArgumentScanner, context: CommandContext) throws(CommandFailure) {
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        let isLive = scanner.flag("--live")
        let replayPath = try scanner.option("--replay")
        let first = try scanner.positional()
        let second = try scanner.positional()
        try scanner.finish()
        let old: RuleSet
        let new: RuleSet
        switch (isLive, first, second) {
        case (false, let oldDirectory?, let newDirectory?):
            old = try OfflineRules.compiled(oldDirectory)
            new = try OfflineRules.compiled(newDirectory)
        case (true, let newDirectory?, nil):
            old = try liveRules(context)
            new = try OfflineRules.compiled(newDirectory)
        default:
            throw .usage("give OLD NEW, or --live NEW", help: "aduanctl rules diff")
        }
        var report = compare(old, new)
        if let replayPath {
            let (count, changes) = try replay(replayPath, old: old, new: new)
            report.replayed = count
            report.changed = changes
        }
        if isJSON { return try CommandContext.printJSON(report) }
        print(render(report, oldHash: old.hash, newHash: new.hash))
    }

    /// The snapshot the daemon serves, rebuilt from the files it stored: each file is written under a temporary
    /// folder at its original path, so `file("../seeds/…")` references resolve as they did for the daemon.
    private static func liveRules(_ context: CommandContext) throws(CommandFailure) -> RuleSet {
        let status = try context.send(ControlRequest(op: .status), expecting: StatusReport.self)
        let snapshot = try context.send(
            ControlRequest(op: .rulesShow, hash: status.rules.hash),
            expecting: RuleSnapshot.self
        )
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("aduan-live-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        var rulesDirectory: String?
        for (path, text) in snapshot.files {
            let destination = ((root + "/" + path) as NSString).standardizingPath
            do {
                try FileManager.default.createDirectory(
                    atPath: (destination as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true
                )
                try text.write(toFile: destination, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot rebuild the live rules in \(root): \(error.localizedDescription)")
            }
            if path.hasSuffix(".rules") { rulesDirectory = (destination as NSString).deletingLastPathComponent }
        }
        guard let rulesDirectory else {
            throw CommandFailure("the live snapshot \(snapshot.hash.prefix(12)) has no rule files")
        }
        return try OfflineRules.compiled(rulesDirectory)
    }

    static func compare(_ old: RuleSet, _ new: RuleSet) -> Report {
        func name(_ path: String) -> String { (path as NSString).lastPathComponent }
        let oldFiles = Dictionary(old.files.map { (name($0.path), $0.text) }, uniquingKeysWith: { first, _ in first })
        let newFiles = Dictionary(new.files.map { (name($0.path), $0.text) }, uniquingKeysWith: { first, _ in first })
        let oldAgencies = Dictionary(old.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let newAgencies = Dictionary(new.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let oldPriorities = Dictionary(
            old.priorities.map { ($0.name, describe($0)) },
            uniquingKeysWith: { first, _ in first }
        )
        let newPriorities = Dictionary(
            new.priorities.map { ($0.name, describe($0)) },
            uniquingKeysWith: { first, _ in first }
        )
        let oldLadders = Dictionary(
            old.escalations.map { ($0.name, describe($0)) },
            uniquingKeysWith: { first, _ in first }
        )
        let newLadders = Dictionary(
            new.escalations.map { ($0.name, describe($0)) },
            uniquingKeysWith: { first, _ in first }
        )
        var calendar: [String] = []
        if old.calendar.timeZone.identifier != new.calendar.timeZone.identifier {
            calendar.append("time zone \(old.calendar.timeZone.identifier) → \(new.calendar.timeZone.identifier)")
        }
        if old.calendar.hours != new.calendar.hours {
            calendar.append("hours \(old.calendar.hours) → \(new.calendar.hours)")
        }
        if old.calendar.holidays != new.calendar.holidays {
            calendar.append("holidays: \(old.calendar.holidays.count) → \(new.calendar.holidays.count) days")
        }
        return Report(
            files: keyedChanges(oldFiles, newFiles) { _, _ in "changed" },
            agencies: keyedChanges(oldAgencies, newAgencies) { "\"\($0)\" → \"\($1)\"" },
            routes: routeChanges(old.routeLabels, new.routeLabels),
            priorities: keyedChanges(oldPriorities, newPriorities) { "\($0) → \($1)" },
            escalations: keyedChanges(oldLadders, newLadders) { "\($0) → \($1)" },
            calendar: calendar
        )
    }

    /// `added`, `removed`, or what `describeChange` says, for every key whose value differs.
    private static func keyedChanges(
        _ old: [String: String],
        _ new: [String: String],
        describeChange: (String, String) -> String
    ) -> [String: String] {
        var changes: [String: String] = [:]
        for key in Set(old.keys).union(new.keys) {
            switch (old[key], new[key]) {
            case (nil, _?): changes[key] = "added"
            case (_?, nil): changes[key] = "removed"
            case (let before?, let after?) where before != after: changes[key] = describeChange(before, after)
            default: break
            }
        }
        return changes
    }

    /// Routes added, removed, and moved in the order (which decides the winner).
    private static func routeChanges(_ old: [String], _ new: [String]) -> [String] {
        var changes: [String] = []
        for label in new where !old.contains(label) {
            changes.append("added \"\(label)\" at position \(new.firstIndex(of: label)! + 1)")
        }
        for label in old where !new.contains(label) { changes.append("removed \"\(label)\"") }
        let kept = new.filter(old.contains)
        let keptInOldOrder = old.filter(new.contains)
        for (index, label) in kept.enumerated() where keptInOldOrder[index] != label {
            changes.append(
                "moved \"\(label)\" from position \(old.firstIndex(of: label)! + 1) to \(new.firstIndex(of: label)! + 1)"
            )
        }
        return changes
    }

    private static func describe(_ priority: PriorityPolicy) -> String {
        "respond \(priority.respond?.description ?? "default"), resolve \(priority.resolve?.description ?? "none"), "
            + "escalation \(priority.escalation ?? "none")"
    }

    private static func describe(_ ladder: EscalationPolicy) -> String {
        ladder.steps.map { step in
            "\(step.anchor.deadlineName) \(step.isBeforeAnchor ? "-" : "+") \(step.offset): \(step.action)"
                + (step.isQuietOutsideWorkingHours ? " (quiet)" : "")
        }.joined(separator: "; ")
    }

    /// Routes every complaint of the file with both rule sets and keeps those whose routing differs.
    private static func replay(_ path: String, old: RuleSet, new: RuleSet) throws(CommandFailure) -> (Int, [Change]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path)")
        }
        let decoder = SpoolItemDecoder(source: "replay")
        var changes: [Change] = []
        var count = 0
        let now = Date()
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let complaint: Complaint
            switch decoder.decodeComplaint(line, receivedDefault: now) {
            case .success(let decoded): complaint = decoded
            case .failure(let error): throw CommandFailure("\(path):\(index + 1): \(error)")
            }
            count += 1
            let received = complaint.receivedAt
            let input = RoutingInput(complaint)
            let before = old.route(input)
            let after = new.route(input)
            let respondBefore = old.plannedDeadlines(for: before, receivedAt: received).respondBy.map(RFC3339.format)
            let respondAfter = new.plannedDeadlines(for: after, receivedAt: received).respondBy.map(RFC3339.format)
            var fields: [String: [String?]] = [:]
            if before.agency != after.agency { fields["to"] = [before.agency, after.agency] }
            if before.route != after.route { fields["route"] = [before.route, after.route] }
            if before.priority != after.priority { fields["priority"] = [before.priority, after.priority] }
            if respondBefore != respondAfter { fields["respond_by"] = [respondBefore, respondAfter] }
            if !fields.isEmpty { changes.append(Change(id: complaint.externalID, fields: fields)) }
        }
        return (count, changes)
    }

    static func render(_ report: Report, oldHash: String, newHash: String) -> String {
        var lines = ["rules \(oldHash.prefix(12)) → \(newHash.prefix(12))"]
        func section(_ title: String, _ entries: [String]) {
            guard !entries.isEmpty else { return }
            lines.append("\(title):")
            lines += entries.map { "  " + $0 }
        }
        func keyed(_ changes: [String: String]) -> [String] {
            changes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        }
        section("files", keyed(report.files))
        section("agencies", keyed(report.agencies))
        section("routes", report.routes)
        section("priorities", keyed(report.priorities))
        section("escalations", keyed(report.escalations))
        section("calendar", report.calendar)
        if lines.count == 1 { lines.append("no differences in the rules") }
        if let replayed = report.replayed, let changed = report.changed {
            lines.append("replayed \(replayed) complaints: \(changed.count) would change")
            for change in changed {
                let fields = change.fields.sorted { $0.key < $1.key }.map { key, values in
                    "\(key) \(values[0] ?? "none") → \(values[1] ?? "none")"
                }
                lines.append("  \(change.id): " + fields.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
