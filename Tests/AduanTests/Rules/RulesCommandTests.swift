import Foundation
import Testing

/// `aduanctl rules check --strict` and `aduanctl rules fmt`, run as the built binary.
@Suite("aduanctl rules check and fmt")
struct RulesCommandTests {
    private static let agencies = """
        agency "dpupr" { name = "Dinas PUPR" }
        agency "dlh" { name = "Dinas Lingkungan Hidup" }

        """

    @Test(
        "--help works for fmt and check and names their flags",
        arguments: [["fmt", "--help"], ["check", "--help"]]
    )
    func help(arguments: [String]) throws {
        let run = try CommandRun.aduanctl(["rules"] + arguments)
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.contains("aduanctl rules fmt [DIR] [--rules DIR] [--check]"))
        #expect(run.standardOutput.contains("aduanctl rules check [DIR] [--rules DIR] [--strict]"))
    }

    @Test("check passes with warnings, and --strict refuses them with exit 1")
    func strict() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try
            (Self.agencies + """
                list "sisa" { phrases = ["sisa"] }
                otherwise { to = "dpupr" }
                """).write(toFile: folder.file("a.rules"), atomically: true, encoding: .utf8)
        let lenient = try CommandRun.aduanctl(["rules", "check", folder.path])
        #expect(lenient.exitCode == 0)
        #expect(lenient.standardOutput.contains(": ok, 1 files, 0 routes, 2 agencies, 1 warning, hash "))
        #expect(lenient.standardError.contains(folder.file("a.rules") + ":3:1: warning: list 'sisa' is never used"))
        let strict = try CommandRun.aduanctl(["rules", "check", "--strict", "--rules", folder.path])
        #expect(strict.exitCode == 1)
        #expect(strict.standardError.contains("warning: list 'sisa' is never used"))
        #expect(strict.standardError.hasSuffix("error: \(folder.path): 1 warning, refused with --strict\n"))
    }

    @Test("fmt --check lists unformatted files and exits 1; fmt rewrites them; then --check passes")
    func format() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let messy = Self.agencies + "route \"A\" { when = always, to = \"dlh\" }  # semua\notherwise{to=\"dpupr\"}\n"
        try messy.write(toFile: folder.file("20-routes.rules"), atomically: true, encoding: .utf8)
        try Self.agencies.write(toFile: folder.file("10-agencies.rules"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.file("20-routes.rules"))

        let check = try CommandRun.aduanctl(["rules", "fmt", "--check", folder.path])
        #expect(check.exitCode == 1)
        #expect(check.standardOutput == folder.file("10-agencies.rules") + "\n" + folder.file("20-routes.rules") + "\n")
        #expect(check.standardError.hasPrefix("error: 2 files are not formatted"))
        #expect(try String(contentsOfFile: folder.file("20-routes.rules"), encoding: .utf8) == messy)

        let rewrite = try CommandRun.aduanctl(["rules", "fmt", "--rules", folder.path])
        #expect(rewrite.exitCode == 0, "\(rewrite.standardError)")
        #expect(rewrite.standardOutput.split(separator: "\n").count == 2)
        let formatted = try String(contentsOfFile: folder.file("20-routes.rules"), encoding: .utf8)
        #expect(
            formatted.hasSuffix(
                """
                route "A" {
                    when = always
                    to   = "dlh"
                }  # semua

                otherwise {
                    to = "dpupr"
                }

                """
            )
        )
        let permissions = try FileManager.default.attributesOfItem(atPath: folder.file("20-routes.rules"))
        #expect((permissions[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)

        let again = try CommandRun.aduanctl(["rules", "fmt", "--check", folder.path])
        #expect(again.exitCode == 0)
        #expect(again.standardOutput.isEmpty)
    }

    @Test("fmt leaves a file with syntax errors alone, prints its errors and exits 1, and formats the others")
    func syntaxErrors() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let broken = "route \"A\" {\n    when = text has any\n    to = \"dlh\"\n}\n"
        try broken.write(toFile: folder.file("a.rules"), atomically: true, encoding: .utf8)
        try "otherwise{to=\"dpupr\"}".write(toFile: folder.file("b.rules"), atomically: true, encoding: .utf8)
        let run = try CommandRun.aduanctl(["rules", "fmt", folder.path])
        #expect(run.exitCode == 1)
        #expect(run.standardError.contains(folder.file("a.rules") + ":2:24: error: expected a list name after"))
        #expect(run.standardError.hasSuffix("error: 1 file not formatted: fix the errors above and run fmt again\n"))
        #expect(run.standardOutput == folder.file("b.rules") + "\n")
        #expect(try String(contentsOfFile: folder.file("a.rules"), encoding: .utf8) == broken)
        #expect(
            try String(contentsOfFile: folder.file("b.rules"), encoding: .utf8)
                == "otherwise {\n    to = \"dpupr\"\n}\n"
        )
    }

    @Test("fmt on a directory that does not exist fails with one error line")
    func missingDirectory() throws {
        let run = try CommandRun.aduanctl(["rules", "fmt", "/nonexistent/rules"])
        #expect(run.exitCode == 1)
        #expect(run.standardError == "error: cannot read the rules directory '/nonexistent/rules'\n")
    }
}
