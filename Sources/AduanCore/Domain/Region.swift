/// A regency (kabupaten) or city (kota) of Banten, by its Kemendagri code.
public struct Region: Sendable, Hashable, Codable {
    /// Kemendagri code, e.g. `36.73`.
    public let code: String
    /// Official name, e.g. `Kota Serang`.
    public let name: String

    /// Creates a region from its code and official name.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The eight regencies and cities of Banten province (Kemendagri codes 36.xx).
    public static let banten: [Region] = [
        Region(code: "36.01", name: "Kabupaten Pandeglang"),
        Region(code: "36.02", name: "Kabupaten Lebak"),
        Region(code: "36.03", name: "Kabupaten Tangerang"),
        Region(code: "36.04", name: "Kabupaten Serang"),
        Region(code: "36.71", name: "Kota Tangerang"),
        Region(code: "36.72", name: "Kota Cilegon"),
        Region(code: "36.73", name: "Kota Serang"),
        Region(code: "36.74", name: "Kota Tangerang Selatan"),
    ]

    /// Finds a region by official name, `Kab.` abbreviation or Kemendagri code, ignoring case and spacing.
    ///
    /// A bare name that is both a kabupaten and a kota ("Serang", "Tangerang") is ambiguous and yields `nil`;
    /// use ``candidates(for:)`` to tell the user which names exist.
    public static func resolve(_ text: String) -> Region? {
        // Most items spell a region exactly as its official name or code: a dictionary look-up, no normalising.
        if let region = exactSpellings[text] { return region }
        let key = canonicalKey(text)
        if key.isEmpty { return nil }
        return banten.first { $0.code == key || canonicalKey($0.name) == key }
    }

    private static let exactSpellings: [String: Region] = {
        var spellings: [String: Region] = [:]
        for region in banten {
            spellings[region.code] = region
            spellings[region.name] = region
            if region.name.hasPrefix("Kabupaten ") {
                spellings["Kab. " + region.name.dropFirst("Kabupaten ".count)] = region
            }
        }
        return spellings
    }()

    /// Regions whose name ends with the given bare name: `Serang` → Kabupaten Serang and Kota Serang.
    public static func candidates(for text: String) -> [Region] {
        let key = canonicalKey(text)
        return banten.filter { region in
            let name = canonicalKey(region.name)
            return name == key || name == "kabupaten " + key || name == "kota " + key
        }
    }

    private static func canonicalKey(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = words.first, ["kab.", "kab", "kabupaten"].contains(first) {
            words[0] = "kabupaten"
        }
        return words.joined(separator: " ")
    }
}
