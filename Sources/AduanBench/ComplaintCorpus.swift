import AduanCore
import Foundation

/// Realistic complaints generated deterministically from the bundled sample complaints and the phrases of the
/// bundled rules: Indonesian text of 300–800 characters, varied channels and regions.
///
/// Complaint `index` is the same on every run and every machine, so that intake and its baseline store the same
/// bytes, and a rerun stores what the last one did.
public struct ComplaintCorpus: Sendable {
    /// A generated complaint, in the fields the spool format has.
    public struct Item: Sendable, Hashable, Encodable {
        /// Unique within the source.
        public var id: String
        /// Subject.
        public var title: String
        /// The complaint, 300–800 characters.
        public var text: String
        /// How it arrived (spool spelling).
        public var channel: String
        /// The official region name.
        public var region: String
    }

    private let sentences: [String]
    private let titles: [String]
    private let phrases: [String]
    private static let channels: [Channel] = [.web, .sms, .email, .app, .social, .phone, .walkIn]
    private static let connectives = [
        "Mohon segera ditindaklanjuti soal", "Warga sudah lama mengeluhkan", "Tolong dicek masalah",
        "Sudah berkali-kali kami laporkan", "Sampai sekarang belum ada tindakan untuk",
    ]

    /// Reads the sample complaints (`complaints.jsonl` in `seedsDirectory`) and every phrase of the `*.rules` files
    /// in `rulesDirectory`.
    ///
    /// - Throws: ``BenchError`` when either holds nothing usable.
    public init(seedsDirectory: String, rulesDirectory: String) throws {
        struct Seed: Decodable {
            var title: String?
            var text: String
        }
        let seedPath = seedsDirectory + "/complaints.jsonl"
        guard let seedText = try? String(contentsOfFile: seedPath, encoding: .utf8) else {
            throw BenchError(
                "cannot read the sample complaints \(seedPath) (run from the package root or give --seeds)"
            )
        }
        let decoder = JSONDecoder()
        let seeds = seedText.split(separator: "\n").compactMap { try? decoder.decode(Seed.self, from: Data($0.utf8)) }
        sentences = seeds.flatMap { seed in
            seed.text.split(separator: ". ").map { $0.hasSuffix(".") ? String($0) : $0 + "." }
        }
        titles = seeds.compactMap(\.title)
        let ruleFiles = ((try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory)) ?? [])
            .filter { $0.hasSuffix(".rules") }.sorted()
        phrases = ruleFiles.flatMap { name in
            Self.phrases(in: (try? String(contentsOfFile: rulesDirectory + "/" + name, encoding: .utf8)) ?? "")
        }
        guard !sentences.isEmpty, !titles.isEmpty, !phrases.isEmpty else {
            throw BenchError("no sample complaints in \(seedPath) or no phrases in \(rulesDirectory)")
        }
    }

    /// The quoted strings inside `phrases = [ … ]` lists.
    static func phrases(in ruleText: String) -> [String] {
        var found: [String] = []
        var isInList = false
        for line in ruleText.split(separator: "\n") {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if code.contains("phrases") && code.contains("[") { isInList = true }
            if isInList {
                let parts = code.split(separator: "\"", omittingEmptySubsequences: false)
                found += stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
            }
            if code.contains("]") { isInList = false }
        }
        return found
    }

    /// Complaint number `index`.
    public func item(_ index: Int) -> Item {
        var generator = SplitMix64(seed: 0xAD0A_0000 &+ UInt64(index))
        let targetLength = Int.random(in: 300...800, using: &generator)
        var text = ""
        var phraseCount = 0
        while text.count < targetLength - 60 {
            if phraseCount < 3, Bool.random(using: &generator) {
                let connective = Self.connectives.randomElement(using: &generator)!
                text += "\(connective) \(phrases.randomElement(using: &generator)!). "
                phraseCount += 1
            } else {
                text += sentences.randomElement(using: &generator)! + " "
            }
        }
        if text.count > 800 {
            text = String(text.prefix(800))
            if let lastSpace = text.lastIndex(of: " ") { text = String(text[..<lastSpace]) }
        }
        while text.count < 300 {
            text += " " + sentences.randomElement(using: &generator)!
        }
        let region = Region.banten.randomElement(using: &generator)!
        // No `received_at`: intake takes the time of intake, so that no clock is already past due and intake does not
        // also handle breaches.
        return Item(
            id: "bench-\(index)",
            title: titles.randomElement(using: &generator)!,
            text: String(text.prefix(800)).trimmingCharacters(in: .whitespaces),
            channel: Self.channels.randomElement(using: &generator)!.rawValue,
            region: region.name
        )
    }

    /// Writes complaints `range` as NDJSON spool files of up to `perFile` lines into `directory`, each under a
    /// temporary name first and renamed into place, as a spool writer must.
    ///
    /// - Returns: the paths written.
    public func writeSpoolFiles(_ range: Range<Int>, perFile: Int, into directory: String) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var paths: [String] = []
        for start in stride(from: range.lowerBound, to: range.upperBound, by: perFile) {
            var bytes: [UInt8] = []
            for index in start..<min(start + perFile, range.upperBound) {
                bytes += try encoder.encode(item(index))
                bytes.append(UInt8(ascii: "\n"))
            }
            let name = "bench-\(String(start + 1_000_000_000).dropFirst()).ndjson"
            let temporary = directory + "/." + name + ".tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw BenchError("cannot write \(temporary)")
            }
            try FileManager.default.moveItem(atPath: temporary, toPath: directory + "/" + name)
            paths.append(directory + "/" + name)
        }
        return paths
    }
}
