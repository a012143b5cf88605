import AduanCore
public import Foundation

/// Reads complaints line by line from a replay in the spool format of DESIGN.md ("Spool items"), as
/// `aduanctl cases export` writes it and `aduanctl rules route` reads it.
///
/// The fields the router needs follow the spool's rules (`id` a string or an integer, `text` required, `channel`
/// one of the known names, `received_at` RFC 3339, `region` resolved when recognised); `reporter`, `location` and
/// unknown fields are not looked at. One decoder serves a whole replay: it keeps its JSON decoder and the regions it
/// has resolved, since a replay names the same few regions again and again.
public struct ReplayDecoder {
    /// Region names resolved so far are remembered up to this many; more distinct names than that are junk.
    private static let regionCacheLimit = 1_024

    private let decoder = JSONDecoder()
    private var regions: [String: Region?] = [:]

    /// Creates a decoder.
    public init() {}

    /// Decodes one line, a JSON object without its newline.
    ///
    /// - Throws: ``ReplayError`` naming the first problem, with the id when it could be read.
    public mutating func decode(_ line: Data) throws(ReplayError) -> ReplayComplaint {
        let fields: Fields
        do {
            fields = try decoder.decode(Fields.self, from: line)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw ReplayError(id: nil, message: "expected a JSON object")
        } catch {
            throw ReplayError(id: nil, message: "invalid JSON")
        }
        guard let id = fields.id else {
            throw ReplayError(id: nil, message: fields.problem ?? "missing required field 'id'")
        }
        if let problem = fields.problem { throw ReplayError(id: id, message: problem) }
        guard let text = fields.text, !text.allSatisfy(\.isWhitespace) else {
            throw ReplayError(id: id, message: "missing required field 'text'")
        }
        var receivedAt: Date?
        if let received = fields.receivedAt {
            guard let date = RFC3339.parse(received) else {
                throw ReplayError(
                    id: id,
                    message:
                        "'received_at' is not an RFC 3339 date-time: '\(received)' (example: 2026-03-17T10:00:00+07:00)"
                )
            }
            receivedAt = date
        }
        var channel = Channel.other
        if let name = fields.channel {
            guard let known = Channel(rawValue: name) else {
                throw ReplayError(id: id, message: "unknown channel '\(name)': use one of \(Channel.acceptedNames)")
            }
            channel = known
        }
        var region: Region?
        if let name = fields.region { region = self.region(named: name) }
        let input = RoutingInput(text: text, title: fields.title, channel: channel, region: region)
        return ReplayComplaint(id: id, input: input, receivedAt: receivedAt)
    }

    /// ``Region/resolve(_:)``, remembered.
    private mutating func region(named name: String) -> Region? {
        if let known = regions[name] { return known }
        let region = Region.resolve(name)
        if regions.count < Self.regionCacheLimit { regions[name] = region }
        return region
    }

    /// The fields as written; a wrong type is kept as ``problem`` rather than thrown, so that the id is still known.
    private struct Fields: Decodable {
        var id: String?
        var text: String?
        var title: String?
        var receivedAt: String?
        var channel: String?
        var region: String?
        /// The first problem found, as a one-line message.
        var problem: String?

        private enum Key: String, CodingKey {
            case id, text, title, channel, region
            case receivedAt = "received_at"
            case updateFor = "update_for"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var problems: [String] = []
            if let text = try? container.decodeIfPresent(String.self, forKey: .id) {
                if text.isEmpty { problems.append("'id' is empty") } else { id = text }
            } else if let number = try? container.decodeIfPresent(Int64.self, forKey: .id) {
                id = String(number)
            } else if container.contains(.id), (try? container.decodeNil(forKey: .id)) == false {
                problems.append("'id' must be a string or an integer")
            }
            if container.contains(.updateFor) {
                problems.append("an update ('update_for'), not a complaint")
            }
            func string(_ key: Key) -> String? {
                do {
                    return try container.decodeIfPresent(String.self, forKey: key)
                } catch {
                    problems.append("'\(key.stringValue)' must be a string")
                    return nil
                }
            }
            text = string(.text)
            title = string(.title)
            receivedAt = string(.receivedAt)
            channel = string(.channel)
            region = string(.region)
            problem = problems.first
        }
    }
}
