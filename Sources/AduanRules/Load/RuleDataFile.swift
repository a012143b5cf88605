import Foundation

/// Reading a data file that rules name with `file("…")` (list entries, abbreviations, holidays): the checks and
/// messages every kind shares.
enum RuleDataFile {
    /// Why a data file could not be read, with a suggestion.
    struct Problem: Error {
        var reason: String
        var help: String
    }

    /// The file's UTF-8 text.
    ///
    /// - Parameter expected: the file types this kind takes, for the help text (e.g. `.csv or .txt`).
    static func text(at path: String, expected: String) -> Result<String, Problem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(
                Problem(reason: "no such file", help: "a relative path starts at the folder of the rules file")
            )
        }
        guard !isDirectory.boolValue else {
            return .failure(Problem(reason: "it is a directory", help: "name the \(expected) file inside it"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Problem(reason: "permission denied", help: "let the daemon's user read it"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(Problem(reason: "not UTF-8 text", help: "save the file as UTF-8"))
        }
        return .success(text)
    }
}
