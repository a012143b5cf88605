import AduanCore

/// Masks personal data (names, phone numbers, e-mail addresses, NIK) so that a person can be recognised by who
/// already knows them, never learnt: for log lines, and for callers of the socket who may only read.
enum PersonalDataMask {
    /// `Budi Santoso` → `Bu** Sa*****`: each word keeps its first two letters (one when it has two or fewer).
    static func name(_ name: String) -> String {
        name.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let kept = word.count > 2 ? 2 : min(1, word.count)
            return String(word.prefix(kept)) + String(repeating: "*", count: word.count - kept)
        }.joined(separator: " ")
    }

    /// `a***@gmail.com` for an e-mail address (the domain says little about the person), `0812****789` for a
    /// phone number: the operator's prefix and the last three digits.
    static func contact(_ contact: String) -> String {
        if let at = contact.firstIndex(of: "@") {
            let local = contact[..<at]
            return String(local.prefix(1)) + String(repeating: "*", count: max(0, local.count - 1))
                + contact[at...]
        }
        return keepingEnds(contact, first: 4, last: 3)
    }

    /// `3671************`: the regency code stays, birth date and serial number go.
    static func nik(_ nik: String) -> String {
        keepingEnds(nik, first: 4, last: 0)
    }

    /// The reporter with name, contact and NIK masked; the kind is not personal and stays.
    static func reporter(_ reporter: Reporter) -> Reporter {
        Reporter(
            name: reporter.name.map(name),
            contact: reporter.contact.map(contact),
            kind: reporter.kind,
            nik: reporter.nik.map(nik)
        )
    }

    /// Masks what looks like personal data inside free text: e-mail addresses, and runs of nine or more digits
    /// (phone numbers and NIKs, also written with `-`, `.` or spaces between groups of digits).
    static func scrub(_ text: String) -> String {
        guard text.contains("@") || text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else {
            return text
        }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices where words[index].contains("@") && words[index].contains(".") {
            words[index] = contact(words[index])
        }
        return maskingDigitRuns(words.joined(separator: " "))
    }

    private static func maskingDigitRuns(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                result.append(characters[index])
                index += 1
                continue
            }
            // A run: digits, with single separators between them.
            var end = index
            var digits = 0
            var cursor = index
            while cursor < characters.count {
                if characters[cursor].isASCII, characters[cursor].isNumber {
                    digits += 1
                    cursor += 1
                    end = cursor
                } else if "-. ".contains(characters[cursor]), cursor + 1 < characters.count,
                    characters[cursor + 1].isASCII, characters[cursor + 1].isNumber
                {
                    cursor += 1
                } else {
                    break
                }
            }
            let run = String(characters[index..<end])
            result += digits >= 9 ? keepingEnds(run, first: 4, last: 3) : run
            index = end
        }
        return result
    }

    /// Keeps `first` and `last` characters and stars the rest; a value too short for that is starred whole but
    /// for its first character.
    private static func keepingEnds(_ value: String, first: Int, last: Int) -> String {
        guard value.count > first + last + 2 else {
            return String(value.prefix(1)) + String(repeating: "*", count: max(0, value.count - 1))
        }
        return String(value.prefix(first)) + String(repeating: "*", count: value.count - first - last)
            + String(value.suffix(last))
    }
}
