import Foundation

extension Open311ResponseDecoder {
    /// `[{…request…}, …]`, a wrapper or single request object, or an error document in any of its shapes.
    static func requestsFromJSON(_ body: [UInt8]) throws(Open311Error) -> [Open311Request] {
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        } catch {
            throw .invalidResponse(invalidJSONReason(SpoolItemDecoder.describe(error), body: body))
        }
        let elements: [Any]
        switch document {
        case let array as [Any]:
            elements = array
        case let object as [String: Any]:
            if let messages = serverMessages(in: object) { throw .server(messages) }
            if let wrapped = object["service_requests"] ?? object["requests"] {
                let inner = (wrapped as? [String: Any])?["request"] ?? wrapped
                elements = inner as? [Any] ?? [inner]
            } else if object["service_request_id"] != nil {
                elements = [object]
            } else {
                let keys = object.keys.sorted().prefix(5).joined(separator: ", ")
                throw .invalidResponse("expected an array of service requests, found an object with keys \(keys)")
            }
        default:
            throw .invalidResponse(
                "expected an array of service requests, found \(SpoolItemDecoder.kindName(of: document))"
            )
        }
        var objects: [[String: Any]] = []
        for (offset, element) in elements.enumerated() {
            guard let object = element as? [String: Any] else {
                let kind = SpoolItemDecoder.kindName(of: element)
                throw .invalidResponse("element \(offset + 1) of the array is \(kind), expected an object")
            }
            objects.append(object)
        }
        if !objects.isEmpty, objects.allSatisfy(isServerMessage) {
            throw .server(objects.map(serverMessage))
        }
        var requests: [Open311Request] = []
        for (offset, object) in objects.enumerated() {
            requests.append(try request(fields(of: object, number: offset + 1), number: offset + 1))
        }
        return requests
    }

    /// `{"errors": […]}`, `{"errors": {"error": …}}` or a single `{"code": …, "description": …}`.
    private static func serverMessages(in object: [String: Any]) -> [Open311ServerMessage]? {
        if let errors = object["errors"] {
            let inner = (errors as? [String: Any])?["error"] ?? errors
            let entries = (inner as? [Any] ?? [inner]).compactMap { $0 as? [String: Any] }
            guard !entries.isEmpty else { return [Open311ServerMessage(code: nil, description: "\(errors)")] }
            return entries.map(serverMessage)
        }
        return isServerMessage(object) ? [serverMessage(object)] : nil
    }

    /// Requests have `service_code`, never `code`; an error entry has `code` and no request id.
    private static func isServerMessage(_ object: [String: Any]) -> Bool {
        object["code"] != nil && object["service_request_id"] == nil
    }

    private static func serverMessage(_ object: [String: Any]) -> Open311ServerMessage {
        Open311ServerMessage(
            code: object["code"].flatMap(scalarText),
            description: object["description"].flatMap(scalarText) ?? "(no description)"
        )
    }

    private static func fields(of object: [String: Any], number: Int) throws(Open311Error) -> [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in object where fieldNames.contains(key) {
            if value is [Any] || value is [String: Any] {
                let kind = SpoolItemDecoder.kindName(of: value)
                throw .invalidResponse("request \(number): '\(key)' is \(kind), expected text or a number")
            }
            fields[key] = scalarText(value)
        }
        return fields
    }

    /// A JSON string, number or boolean as trimmed text; `null` and empty text are no value.
    private static func scalarText(_ value: Any) -> String? {
        if let text = value as? String { return trimmed(text) }
        if value is NSNull { return nil }
        if SpoolItemDecoder.isBoolean(value) { return (value as? Bool).map { $0 ? "true" : "false" } }
        if let integer = SpoolItemDecoder.integerText(value) { return integer }
        if let number = value as? NSNumber { return "\(number.doubleValue)" }
        return nil
    }

    /// JSONSerialization's reason with the line, column and text where it stopped: `invalid JSON near line 4,
    /// column 20 ("service_code":001,): number with leading zero`.
    static func invalidJSONReason(_ reason: String, body: [UInt8]) -> String {
        let marker = " around character "
        guard let range = reason.range(of: marker),
            let offset = Int(reason[range.upperBound...].prefix(while: \.isNumber)), offset <= body.count
        else {
            return "invalid JSON near the end of the body: \(lowercasingFirst(reason))"
        }
        let message = lowercasingFirst(String(reason[..<range.lowerBound]))
        let lineStart = body[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineEnd = body[offset...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? body.count
        let line = 1 + body[..<lineStart].count(where: { $0 == 0x0A })
        let column = 1 + String(decoding: body[lineStart..<offset], as: UTF8.self).count
        let excerptStart = max(lineStart, offset - 40)
        let excerpt = String(decoding: body[excerptStart..<min(lineEnd, offset + 20)], as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        return "invalid JSON near line \(line), column \(column) (\(excerpt)): \(message)"
    }

    private static func lowercasingFirst(_ text: String) -> String {
        var text = text
        if text.hasSuffix(".") { text.removeLast() }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
