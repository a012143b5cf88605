import Foundation

/// Where the package and its built products are, for tests that run the real binaries.
enum TestPaths {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled Banten rule set.
    static var rulesDirectory: String { packageRoot.appendingPathComponent("rules").path }

    /// The bundled sample complaints.
    static var seedsDirectory: String { packageRoot.appendingPathComponent("seeds").path }

    /// The folder holding the built `aduand` and `aduanctl` next to the test bundle.
    static let productsDirectory: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("aduand").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// The built daemon.
    static var aduand: String { productsDirectory.appendingPathComponent("aduand").path }

    /// The built command line.
    static var aduanctl: String { productsDirectory.appendingPathComponent("aduanctl").path }
}

/// A fresh folder under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init(_ label: String = "aduan") throws {
        // Unix socket paths are limited to 107 bytes: keep the folder short.
        let base = "/tmp/\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Copies the bundled `rules/` and `seeds/` in, as they sit in the package (the rules' calendar reads
    /// `../seeds/holidays`, as it does next to an installed `/etc/aduan/rules`); returns the rules folder.
    @discardableResult
    func copyBundledRulesAndSeeds() throws -> String {
        for name in ["rules", "seeds"] {
            try FileManager.default.copyItem(
                atPath: TestPaths.packageRoot.appendingPathComponent(name).path,
                toPath: file(name)
            )
        }
        return file("rules")
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
