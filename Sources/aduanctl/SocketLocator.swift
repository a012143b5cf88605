import Foundation

/// Finds the daemon's socket: `--socket`, then `$ADUAN_SOCKET`, then `/run/aduan/aduand.sock` when present,
/// then `./.aduan/aduand.sock` (DESIGN.md "Where things are").
enum SocketLocator {
    static let systemPath = "/run/aduan/aduand.sock"
    static let localPath = ".aduan/aduand.sock"

    static func locate(flag: String?, environment: [String: String]) -> String {
        if let flag { return flag }
        if let variable = environment["ADUAN_SOCKET"], !variable.isEmpty { return variable }
        if FileManager.default.fileExists(atPath: systemPath) { return systemPath }
        return localPath
    }
}
