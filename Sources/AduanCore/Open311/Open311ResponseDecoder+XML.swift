extension Open311ResponseDecoder {
    /// `<service_requests><request>…</request>…</service_requests>`, or `<errors><error>…</error></errors>`.
    static func requestsFromXML(_ body: [UInt8]) throws(Open311Error) -> [Open311Request] {
        let root: XMLElementNode
        do {
            root = try XMLReader.parse(body)
        } catch {
            throw .invalidResponse(error.description)
        }
        switch root.name {
        case "errors", "error":
            let entries = root.name == "error" ? [root] : root.children.filter { $0.name == "error" }
            let messages = entries.map { entry in
                let text = { (name: String) in entry.children.first { $0.name == name }.flatMap { trimmed($0.text) } }
                return Open311ServerMessage(code: text("code"), description: text("description") ?? "(no description)")
            }
            throw .server(messages.isEmpty ? [Open311ServerMessage(code: nil, description: "(empty)")] : messages)
        case "service_requests", "requests":
            var requests: [Open311Request] = []
            for element in root.children where element.name == "request" {
                requests.append(
                    try request(fields(of: element, number: requests.count + 1), number: requests.count + 1)
                )
            }
            return requests
        case "request":
            return [try request(fields(of: root, number: 1), number: 1)]
        default:
            throw .invalidResponse("expected <service_requests> or <errors>, found <\(root.name)>")
        }
    }

    private static func fields(of element: XMLElementNode, number: Int) throws(Open311Error) -> [String: String] {
        var fields: [String: String] = [:]
        for child in element.children where fieldNames.contains(child.name) && fields[child.name] == nil {
            guard child.children.isEmpty else {
                throw .invalidResponse("request \(number): <\(child.name)> holds elements, expected text")
            }
            fields[child.name] = trimmed(child.text)
        }
        return fields
    }
}
