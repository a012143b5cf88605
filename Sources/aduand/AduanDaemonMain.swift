import AduanDaemon
import Foundation

/// `aduand`: parses its flags, resolves its configuration and runs the daemon.
@main
struct AduanDaemonMain {
    static let version = "0.1.0"

    static func main() {
        Daemon.blockStopSignals()
        let options: DaemonOptions
        do {
            options = try DaemonOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail("\(error)", exitCode: 64)
        }
        if options.showsHelp {
            print(DaemonOptions.usage)
            exit(0)
        }
        if options.showsVersion {
            print("aduand \(version)")
            exit(0)
        }
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfiguration.resolve(
                options: options,
                environment: ProcessInfo.processInfo.environment
            )
        } catch {
            fail("invalid configuration\n\(error)", exitCode: 1)
        }
        if options.isCheckOnly {
            let (isValid, report) = DaemonCheck.run(configuration)
            if isValid {
                print(report)
                exit(0)
            }
            fail("invalid rules in \(configuration.rulesDirectory)\n\(report)", exitCode: 1)
        }
        let logger = Logger(minimumLevel: configuration.logLevel)
        do {
            let daemon = try Daemon(configuration: configuration, logger: logger, version: version)
            try daemon.run()
        } catch {
            fail("\(error)", exitCode: 1)
        }
    }

    static func fail(_ message: String, exitCode: Int32) -> Never {
        FileHandle.standardError.write(Data("aduand: error: \(message)\n".utf8))
        exit(exitCode)
    }
}
