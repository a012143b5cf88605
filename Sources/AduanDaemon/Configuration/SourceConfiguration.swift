import AduanCore
public import Foundation

/// One intake source the daemon polls.
public struct SourceConfiguration: Sendable, Hashable {
    /// The kinds of source this build knows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A folder with `inbox/`, `processed/` and `quarantine/` (DESIGN.md "Spool items").
        case spool
        /// A Maildir (`new/`, `cur/`, `tmp/`): one complaint or update per message.
        case maildir
        /// An Open311 GeoReport v2 endpoint polled over HTTP.
        case open311
        /// A folder like the spool's whose files are RFC 4180 CSV exports.
        case csv

        /// The keys a `source` block of this kind accepts, besides `kind` and `every`.
        var keys: [String] {
            switch self {
            case .spool, .maildir: ["path", "backoff_max"]
            case .csv: ["path", "backoff_max", "delimiter"] + SourceConfiguration.csvColumnKeys
            case .open311:
                [
                    "url", "api_key", "api_key_file", "jurisdiction_id", "timeout", "backoff_max", "since",
                    "updated_after", "lookback",
                ]
            }
        }
    }

    /// The config keys that map a CSV source's item field to a header name: `column_<field>`.
    static let csvColumnKeys = CSVField.allCases.map { "column_" + $0.rawValue }

    /// The source's name, the `source` half of each item's key.
    public var name: String
    /// Its kind.
    public var kind: Kind
    /// Its folder (spool, maildir, csv).
    public var path: String
    /// Seconds between polls.
    public var interval: Double
    /// The longest wait between retries after failed polls, in seconds.
    public var maximumBackoff: Double
    /// Open311: the endpoint's base URL (the part before `/requests.json`).
    public var url: URL?
    /// Open311: the API key sent as `api_key`, if the server wants one.
    public var apiKey: String?
    /// Open311: the `jurisdiction_id` parameter, for servers that host several cities.
    public var jurisdictionID: String?
    /// Open311: seconds an HTTP request may take.
    public var timeout: Double
    /// Open311: where the first poll starts when the store holds no cursor yet (default: 90 days back, the
    /// specification's default window).
    public var initialWindowStart: Date?
    /// Open311: ask with `updated_after` (a common extension: new requests and changes to old ones) instead of
    /// `start_date` (new requests only).
    public var usesUpdatedAfter: Bool
    /// Open311: how far before the cursor each poll starts again, in seconds, so that changes to recent requests
    /// are seen on servers without `updated_after` (repeats are no-ops).
    public var lookback: Double?
    /// CSV: the field separator; `nil` detects `,` or `;` from the header line.
    public var csvDelimiter: UInt8?
    /// CSV: item field → header name, for the fields whose header differs from the field's name.
    public var csvColumns: [String: String]

    /// Creates a source configuration.
    public init(
        name: String,
        kind: Kind,
        path: String,
        interval: Double,
        maximumBackoff: Double = 300,
        url: URL? = nil,
        apiKey: String? = nil,
        jurisdictionID: String? = nil,
        timeout: Double = 30,
        initialWindowStart: Date? = nil,
        usesUpdatedAfter: Bool = false,
        lookback: Double? = nil,
        csvDelimiter: UInt8? = nil,
        csvColumns: [String: String] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.path = path
        self.interval = interval
        self.maximumBackoff = maximumBackoff
        self.url = url
        self.apiKey = apiKey
        self.jurisdictionID = jurisdictionID
        self.timeout = timeout
        self.initialWindowStart = initialWindowStart
        self.usesUpdatedAfter = usesUpdatedAfter
        self.lookback = lookback
        self.csvDelimiter = csvDelimiter
        self.csvColumns = csvColumns
    }

    /// Where the source's items go when they cannot be ingested: beside the inbox for spool and CSV folders, under
    /// the state directory for the others.
    public func quarantineDirectory(stateDirectory: String) -> String {
        switch kind {
        case .spool, .csv: path + "/quarantine"
        case .maildir, .open311: workDirectory(stateDirectory: stateDirectory) + "/quarantine"
        }
    }

    /// The folder the daemon keeps for a source that has none of its own (Maildir, Open311): its quarantine and,
    /// for Open311, the inbox that quarantined items are put back into.
    public func workDirectory(stateDirectory: String) -> String {
        stateDirectory + "/sources/" + name
    }

    /// What the source reads, for logs and `aduand --check`.
    public var location: String {
        url?.absoluteString ?? path
    }

    /// Parses a poll interval such as `5s`, `500ms`, `2m` or `1h`.
    public static func parseInterval(_ text: String) -> Double? {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let amount = Double(text.dropLast(unit.suffix.count)), amount > 0 else { return nil }
            return amount * unit.seconds
        }
        return nil
    }
}
