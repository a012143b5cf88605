public import AduanCore

/// The `cases` response, written by hand: the same bytes ``ControlCoding/makeEncoder()`` writes for a
/// `ControlResponse<[CaseSummary]>` (sorted keys, every summary key present, `null` for absent values), in a tenth
/// of the time.
public enum CaseListResponse {
    /// `{"id":…,"ok":true,"result":[…]}` (no `id` when the request had none).
    public static func encode(id: Int?, _ summaries: [CaseSummary]) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 64 + summaries.count * 400)
        writer.raw("{")
        if let id {
            writer.raw(#""id":"#)
            writer.number(id)
            writer.raw(",")
        }
        writer.raw(#""ok":true,"result":["#)
        for (index, summary) in summaries.enumerated() {
            if index > 0 { writer.raw(",") }
            write(summary, to: &writer)
        }
        writer.raw("]}")
        return writer.bytes
    }

    /// One summary, its keys in the byte order `.sortedKeys` puts them in.
    private static func write(_ summary: CaseSummary, to writer: inout JSONByteWriter) {
        writer.raw(#"{"agency":"#)
        writer.string(summary.agency)
        writer.raw(#","external_id":"#)
        writer.string(summary.externalID)
        writer.raw(#","id":"#)
        writer.string(summary.id)
        writer.raw(#","overdue_since":"#)
        writer.date(summary.overdueSince)
        writer.raw(#","priority":"#)
        writer.string(summary.priority)
        writer.raw(#","received_at":"#)
        writer.date(summary.receivedAt)
        writer.raw(#","region":"#)
        writer.string(summary.region)
        writer.raw(#","respond_by":"#)
        writer.date(summary.respondBy)
        writer.raw(#","route":"#)
        writer.string(summary.route)
        writer.raw(#","source":"#)
        writer.string(summary.source)
        writer.raw(#","state":"#)
        writer.string(summary.state.rawValue)
        writer.raw(#","title":"#)
        writer.string(summary.title)
        writer.raw("}")
    }
}
