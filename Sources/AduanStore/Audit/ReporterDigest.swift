import AduanCore

/// A salted digest that lets an event refer to a reporter's personal data without holding it.
///
/// SHA-256 over the store's secret salt (32 random bytes in `store_secrets`, never exported) and the canonical form
/// of name, contact and NIK. Without the salt, the digest cannot be matched against guessed names or phone numbers;
/// with it, an auditor can confirm what an erasure removed. Erasing a reporter keeps the digest in the history.
enum ReporterDigest {
    /// The salt's row in `store_secrets`.
    static let saltName = "reporter_salt"

    /// The digest of a reporter's personal fields, as 64 hex digits.
    static func digest(salt: [UInt8], name: String?, contact: String?, nik: String?) -> String {
        var context = SHA256.Context()
        context.update(salt)
        CanonicalEncoding.append(name, to: &context)
        CanonicalEncoding.append(contact, to: &context)
        CanonicalEncoding.append(nik, to: &context)
        return Hex.string(context.finalize())
    }

    /// 32 bytes from the system's cryptographic random source, for a new store's salt.
    static func makeSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
