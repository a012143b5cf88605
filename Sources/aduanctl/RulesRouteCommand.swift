import AduanControl
import AduanCore
import AduanRules
import Foundation

/// `aduanctl rules route`: routes spool-format complaints from stdin, one JSON line out per line in, offline.
enum RulesRouteCommand {
    static let usage = """
        usage: aduanctl rules route [DIR] [--rules DIR] < complaints.jsonl

        Reads complaints in the spool format (one JSON object per line: id, text, title, region, channel,
        received_at; as `aduanctl cases export` writes them) on stdin and routes each with the rules of DIR
        (default: $CONFIGURATION_DIRECTORY/rules, else ./rules), planning its deadlines as the daemon would.
        Writes one JSON line per complaint, in the order read:
          {"id":…,"route":…,"to":…,"priority":…,"respond_by":…}
        respond_by is RFC 3339 UTC, or null for a route that waits for verification (verify = manual); a complaint
        without received_at counts from now. A line that is not a valid complaint gives {"id":…,"error":"…"} and
        the command exits 1 once every line is done. Blank lines are skipped. Works offline, for replaying history
        at speed.
        """

    /// Input is read in chunks of at most this many bytes; the answers to each chunk are written at once.
    private static let chunkSize = 1 << 16

    static func run(_ scanner: inout ArgumentScanner) throws(CommandFailure) {
        if scanner.wantsHelp { return print(usage) }
        let directory = try OfflineRules.directory(&scanner, command: "aduanctl rules route")
        try scanner.finish()
        let ruleSet = try OfflineRules.compiled(directory)
        var replay = Replay(ruleSet: ruleSet, now: Date())
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var pending: [UInt8] = []
        while true {
            // Whatever the pipe has now, not a full chunk, so that answers follow a slow writer line by line.
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { buffer in
                    try retryingOnInterrupt("read") { read(STDIN_FILENO, buffer.baseAddress, buffer.count) }
                }
            } catch {
                throw CommandFailure("cannot read stdin: \(error)")
            }
            if count == 0 { break }
            pending += chunk[..<count]
            var lineStart = pending.startIndex
            while let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                replay.route(pending[lineStart..<newline])
                lineStart = newline + 1
            }
            pending.removeSubrange(..<lineStart)
            replay.flush()
        }
        replay.route(pending[...])
        replay.flush()
        if replay.invalidLines > 0 {
            let count = replay.invalidLines
            throw CommandFailure("\(count) line\(count == 1 ? " was" : "s were") not a valid complaint")
        }
    }

    /// Routes lines one by one into a buffer of output lines.
    private struct Replay {
        let ruleSet: RuleSet
        /// When complaints without `received_at` count from.
        let now: Date
        let decoder = SpoolItemDecoder(source: "replay")
        var output = JSONByteWriter()
        var invalidLines = 0

        /// Routes one line (without its newline) and appends its output line; skips a blank line.
        mutating func route(_ line: ArraySlice<UInt8>) {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
            switch decoder.decodeComplaint(line, receivedDefault: now) {
            case .success(let complaint):
                let decision = ruleSet.route(RoutingInput(complaint))
                let planned = ruleSet.plannedDeadlines(for: decision, receivedAt: complaint.receivedAt)
                output.raw(#"{"id":"#)
                output.string(complaint.externalID)
                output.raw(#","route":"#)
                output.string(decision.route)
                output.raw(#","to":"#)
                output.string(decision.agency)
                output.raw(#","priority":"#)
                output.string(decision.priority)
                output.raw(#","respond_by":"#)
                output.date(planned.respondBy)
                output.raw("}\n")
            case .failure(let error):
                invalidLines += 1
                output.raw(#"{"id":"#)
                output.string(error.id)
                output.raw(#","error":"#)
                output.string(error.description)
                output.raw("}\n")
            }
        }

        /// Writes the buffered lines to stdout.
        mutating func flush() {
            guard !output.bytes.isEmpty else { return }
            FileHandle.standardOutput.write(Data(output.bytes))
            output = JSONByteWriter()
        }
    }
}
