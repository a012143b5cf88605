import Foundation
import Testing

@testable import AduanDaemon

/// `deliver` blocks of the daemon config: defaults, inheritance of the retry policy, and diagnostics.
@Suite("deliver blocks in the daemon config")
struct DeliveryConfigurationTests {
    func read(
        _ config: String,
        files: [String: String] = [:]
    ) throws -> (path: String, result: Result<ConfigurationFile, ConfigurationError>) {
        let folder = try TemporaryDirectory()
        for (name, text) in files { try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8) }
        let path = folder.file("aduand.conf")
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, Result { () throws(ConfigurationError) in try ConfigurationFile.read(path: path) })
    }

    @Test("without deliver blocks every agency gets the outbox, retried after 30 s up to hourly")
    func defaults() throws {
        let file = try read("").result.get()
        #expect(file.deliveries.target(for: "dpupr") == .standard)
        #expect(DeliveryTarget.standard.retryMinimum == 30)
        #expect(DeliveryTarget.standard.retryMaximum == 3_600)
    }

    @Test("agency blocks win over the default block and inherit its retry policy; the key file loses its newline")
    func agencyAndDefault() throws {
        let (path, result) = try read(
            """
            deliver "*" {
                kind = "outbox"
                path = "drop"
                retry_min = "5s"
                retry_max = "2m"
            }
            deliver "dpupr" {
                kind = "webhook"
                url = "https://dpupr.example/aduan"
                secret_file = "dpupr.key"
                timeout = "3s"
            }
            deliver "dinkes" {
                kind = "sendmail"
                to = "aduan@dinkes.example"
                retry_min = "1m"
            }
            """,
            files: ["dpupr.key": "rahasia\n"]
        )
        let folder = (path as NSString).deletingLastPathComponent
        let settings = try result.get().deliveries
        #expect(
            settings.fallback
                == DeliveryTarget(channel: .outbox(directory: folder + "/drop"), retryMinimum: 5, retryMaximum: 120)
        )
        #expect(
            settings.target(for: "dpupr")
                == DeliveryTarget(
                    channel: .webhook(
                        url: URL(string: "https://dpupr.example/aduan")!,
                        secret: Array("rahasia".utf8),
                        timeout: 3
                    ),
                    retryMinimum: 5,
                    retryMaximum: 120
                )
        )
        #expect(
            settings.target(for: "dinkes")
                == DeliveryTarget(
                    channel: .sendmail(
                        command: ["/usr/sbin/sendmail", "-t"],
                        to: "aduan@dinkes.example",
                        from: "aduan@localhost"
                    ),
                    retryMinimum: 60,
                    retryMaximum: 120
                )
        )
        #expect(settings.target(for: "biro") == settings.fallback)
    }

    @Test("unknown kinds and keys get did-you-mean; a missing secret file is an error at its value")
    func diagnostics() throws {
        let (path, result) = try read(
            """
            deliver "dpupr" {
                kind = "webhok"
            }
            deliver "dinkes" {
                kind = "webhook"
                url = "https://dinkes.example/aduan"
                secret_file = "missing.key"
                timeot = "5s"
            }
            deliver "biro" {
                kind = "outbox"
                retry_min = "soon"
            }
            """
        )
        #expect {
            _ = try result.get()
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(path):2:12: error: unknown delivery kind 'webhok'")
                && text.contains("did you mean 'webhook'?")
                && text.contains("\(path):7:19: error: cannot read the webhook secret")
                && text.contains("\(path):8:5: error: unknown key 'timeot'")
                && text.contains("did you mean 'timeout'?")
                && text.contains("\(path):12:17: error: 'retry_min' must be a duration")
        }
    }

    @Test("the retry delay doubles from the minimum, stays under the maximum, and jitters only its upper half")
    func retryDelay() {
        let target = DeliveryTarget(channel: .outbox(directory: nil), retryMinimum: 30, retryMaximum: 3_600)
        #expect(target.retryDelay(afterAttempts: 1, unit: 1) == 30)
        #expect(target.retryDelay(afterAttempts: 1, unit: 0) == 15)
        #expect(target.retryDelay(afterAttempts: 3, unit: 1) == 120)
        #expect(target.retryDelay(afterAttempts: 30, unit: 1) == 3_600)
        #expect(target.retryDelay(afterAttempts: 500, unit: 0.5) == 2_700)
    }
}
