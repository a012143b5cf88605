public import Foundation

/// Turns one JSON object of a spool file into a ``SpoolItem``, or a one-line reason why it is invalid.
///
/// Field rules are those of DESIGN.md "Spool items"; unknown fields are ignored so that writers can add their own.
public struct SpoolItemDecoder: Sendable {
    /// The source whose items this decodes.
    public let source: String

    /// Creates a decoder for the items of `source`.
    public init(source: String) {
        self.source = source
    }

    /// Decodes one line or file body.
    ///
    /// - Parameter receivedDefault: `received_at` for complaints that do not carry one (time of intake).
    public func decode(_ bytes: some Collection<UInt8>, receivedDefault: Date) -> Result<SpoolItem, SpoolItemError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            return .failure(SpoolItemError("invalid JSON: \(Self.describe(error))"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(SpoolItemError("expected a JSON object, found \(Self.kindName(of: object))"))
        }
        return decode(fields: fields, original: bytes, receivedDefault: receivedDefault)
    }

    /// Decodes an item whose fields another format already split (CSV rows, Open311 requests), with the same rules
    /// as a JSON line.
    ///
    /// - Parameters:
    ///   - fields: the shape of a spool JSON object: `String`, `NSNumber` or `NSNull` values, and `[String: Any]`
    ///     for `reporter`, `location` and an `update_for` given as `{source, id}`.
    ///   - original: the item as it arrived, kept in an update for the quarantine.
    ///   - receivedDefault: `received_at` for complaints that do not carry one (time of intake).
    public func decode(
        fields: [String: Any],
        original: some Collection<UInt8>,
        receivedDefault: Date
    ) -> Result<SpoolItem, SpoolItemError> {
        do {
            return .success(try decode(fields, receivedDefault: receivedDefault, original: original))
        } catch var error as SpoolItemError {
            error.id = try? identifier(fields["id"], field: "id")
            return .failure(error)
        } catch {
            return .failure(SpoolItemError("\(error)"))
        }
    }

    /// Decodes one line that must be a complaint (replays: `rules route`, `rules diff --replay`); an update is an
    /// error there.
    public func decodeComplaint(
        _ bytes: some Collection<UInt8>,
        receivedDefault: Date
    ) -> Result<Complaint, SpoolItemError> {
        switch decode(bytes, receivedDefault: receivedDefault) {
        case .success(.complaint(let complaint)): .success(complaint)
        case .success(.update(let update)):
            .failure(SpoolItemError("an update ('update_for'), not a complaint", id: update.externalID))
        case .failure(let error): .failure(error)
        }
    }

    private func decode(
        _ fields: [String: Any],
        receivedDefault: Date,
        original: some Collection<UInt8>
    ) throws -> SpoolItem {
        let externalID = try identifier(fields["id"], field: "id")
        if let target = fields["update_for"] {
            var decoded = try update(fields, externalID: externalID, target: target)
            decoded.originalLine = String(decoding: original, as: UTF8.self)
            return .update(decoded)
        }
        guard let text = try string(fields, "text"), !text.allSatisfy(\.isWhitespace) else {
            throw SpoolItemError("missing required field 'text'")
        }
        var receivedAt = receivedDefault
        if let received = try string(fields, "received_at") {
            guard let date = RFC3339.parse(received) else {
                throw SpoolItemError(
                    "'received_at' is not an RFC 3339 date-time: '\(received)' (example: 2026-03-17T10:00:00+07:00)"
                )
            }
            receivedAt = date
        }
        var channel = Channel.other
        if let channelName = try string(fields, "channel") {
            guard let known = Channel(rawValue: channelName) else {
                throw SpoolItemError("unknown channel '\(channelName)': use one of \(Channel.acceptedNames)")
            }
            channel = known
        }
        let regionText = try string(fields, "region")
        return .complaint(
            Complaint(
                source: source,
                externalID: externalID,
                title: try string(fields, "title"),
                text: text,
                channel: channel,
                regionText: regionText,
                region: regionText.flatMap(Region.resolve),
                reporter: try reporter(fields["reporter"]),
                location: try location(fields["location"]),
                receivedAt: receivedAt
            )
        )
    }

    private func update(_ fields: [String: Any], externalID: String, target: Any) throws -> SpoolUpdate {
        let resolvedTarget: SpoolUpdate.Target
        if let object = target as? [String: Any] {
            let targetSource = try string(object, "source") ?? source
            resolvedTarget = .complaint(
                source: targetSource,
                externalID: try identifier(object["id"], field: "update_for.id")
            )
        } else {
            let caseText = try identifier(target, field: "update_for")
            guard let caseID = Int64(caseText), caseID > 0 else {
                throw SpoolItemError(
                    "'update_for' must be a case id or {\"source\": …, \"id\": …}, found '\(caseText)'"
                )
            }
            resolvedTarget = .caseID(caseID)
        }
        var status: CaseState?
        if let statusName = try string(fields, "status") {
            guard let state = CaseState(rawValue: statusName) else {
                let names = CaseState.acceptedNames
                throw SpoolItemError("unknown status '\(statusName)': use one of \(names)")
            }
            status = state
        }
        let note = try string(fields, "note")
        guard status != nil || note != nil else {
            throw SpoolItemError("an update needs 'status' or 'note'")
        }
        return SpoolUpdate(
            source: source,
            externalID: externalID,
            target: resolvedTarget,
            status: status,
            note: note,
            originalLine: ""
        )
    }

    private func reporter(_ value: Any?) throws -> Reporter? {
        guard let value, !(value is NSNull) else { return nil }
        guard let fields = value as? [String: Any] else {
            throw SpoolItemError("'reporter' must be an object {name, contact, kind, nik}")
        }
        return Reporter(
            name: try string(fields, "name"),
            contact: try string(fields, "contact"),
            kind: try string(fields, "kind"),
            nik: try string(fields, "nik")
        )
    }

    private func location(_ value: Any?) throws -> GeoLocation? {
        guard let value, !(value is NSNull) else { return nil }
        guard let fields = value as? [String: Any] else {
            throw SpoolItemError("'location' must be an object {lat, lon, address}")
        }
        return GeoLocation(
            latitude: try coordinate(fields, "lat", range: -90...90),
            longitude: try coordinate(fields, "lon", range: -180...180),
            address: try string(fields, "address")
        )
    }

    private func coordinate(_ fields: [String: Any], _ key: String, range: ClosedRange<Double>) throws -> Double? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        let number: Double? =
            if let text = value as? String { Double(text) } else if Self.isBoolean(value) { nil } else {
                (value as? NSNumber)?.doubleValue
            }
        guard let number, range.contains(number) else {
            throw SpoolItemError(
                "'location.\(key)' must be a number in \(Int(range.lowerBound))…\(Int(range.upperBound))"
            )
        }
        return number
    }

    private func string(_ fields: [String: Any], _ key: String) throws -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else {
            throw SpoolItemError("'\(key)' must be a string, found \(Self.kindName(of: value))")
        }
        return text
    }

    /// Identifiers may be strings or integers (many exporters write numbers); both become strings.
    private func identifier(_ value: Any?, field: String) throws -> String {
        guard let value, !(value is NSNull) else { throw SpoolItemError("missing required field '\(field)'") }
        if let text = value as? String {
            guard !text.isEmpty else { throw SpoolItemError("'\(field)' is empty") }
            return text
        }
        if let text = Self.integerText(value) { return text }
        throw SpoolItemError("'\(field)' must be a string or an integer, found \(Self.kindName(of: value))")
    }

    /// A JSON number that is a whole number, as decimal digits; `nil` for anything else (booleans included).
    static func integerText(_ value: Any) -> String? {
        guard let number = value as? NSNumber, !isBoolean(value), number.doubleValue == number.doubleValue.rounded()
        else { return nil }
        return String(number.int64Value)
    }

    /// How a JSON value is named in error messages: "an array", "a boolean", ….
    static func kindName(of value: Any) -> String {
        switch value {
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case is String: "a string"
        case is NSNull: "null"
        case _ where isBoolean(value): "a boolean"
        case is NSNumber: "a number"
        default: "a value"
        }
    }

    /// Foundation on Linux bridges JSON `true` to an `NSNumber` that also casts to `Int`; its type code tells them apart.
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    /// The reason JSONSerialization gives for refusing a document.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}

/// Why a spool item is invalid: one line, written into the quarantine's `.reason` file.
public struct SpoolItemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One readable line.
    public let description: String
    /// The item's `id`, when it could be read.
    public var id: String?

    /// Creates an error; control characters of quoted input are escaped so that it stays one line.
    public init(_ description: String, id: String? = nil) {
        self.description = description.escapingControlCharacters
        self.id = id
    }
}
