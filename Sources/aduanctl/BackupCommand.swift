import AduanControl
import Foundation

/// `aduanctl backup FILE [--json]`: the daemon writes an online copy of its database and checks it.
enum BackupCommand {
    static let usage = """
        usage: aduanctl backup FILE [--json]

        Asks the daemon for an online copy of its database (SQLite VACUUM INTO: one consistent snapshot, taken
        while intake goes on), then checks the copy (PRAGMA integrity_check) and counts its cases. The daemon
        writes FILE as its own user, so FILE must be an absolute path the daemon may create (under systemd:
        below /var/lib/aduan) and must not exist. Needs the admin permission (root, the daemon's user or
        aduan-admin). Exits 1 when the copy cannot be written or fails its check.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl backup")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        guard let file = try scanner.positional() else {
            throw .usage("backup needs the path of the copy", help: "aduanctl backup")
        }
        try scanner.finish()
        // The daemon resolves nothing against the caller's directory: make the path absolute here.
        let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        let report = try context.send(ControlRequest(op: .backup, path: path), expecting: BackupReport.self)
        if isJSON {
            try CommandContext.printJSON(report)
        } else {
            let size = ByteCountFormatter.string(fromByteCount: report.bytes, countStyle: .file)
            let seconds = String(format: "%.2f", report.seconds)
            print(
                "backup: \(report.path) (\(size), \(report.complaints) complaints, \(report.cases) cases, "
                    + "integrity \(report.integrity.joined(separator: "; "))) in \(seconds) s"
            )
        }
    }
}
