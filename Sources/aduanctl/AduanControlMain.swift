import Foundation

/// `aduanctl`: the operators' command line for a running `aduand`, plus offline rule checks.
@main
struct AduanControlMain {
    static let version = "0.1.0"

    static let usage = """
        usage: aduanctl [--socket PATH] <command> [options]

        Asks a running aduand over its control socket; `rules` works offline on rule files.

        commands:
          status                 daemon health, rules in service, case counts, sources
          cases                  list cases (filters: --state, --agency, --overdue, --since, --region, --search,
                                 --limit)
          case show ID           one case with its complaint, clocks, escalation steps and history
          case why ID            how a case was routed and why, its clocks, and how today's rules route it
          case verify|hold|resume|respond|resolve|archive ID [--note "…"]
                                 lifecycle changes, recorded with your user name
          case forward|assign ID AGENCY [--note "…"]
                                 bukan wewenang: forward to another agency; or make another agency responsible
          agencies               per agency: open, overdue, working time to first response, share within SLA
          reload                 reload the daemon's rules; waits, exits 1 with the diagnostics when refused
          sources                each intake source's health: counts, last success, failures, next poll
          quarantine list|show|retry|drop
                                 items a source could not take in, with the reason; put back or drop
          backup FILE            the daemon writes an online, checked copy of its database to FILE
          metrics                Prometheus metrics (--textfile PATH for node_exporter's textfile collector)
          rules check [DIR]      check rule files and print every diagnostic (offline)
          rules show HASH        the files of a rule snapshot that served
          rules test [DIR]       run the rules' test blocks (offline)
          rules explain --text … how the rules route one complaint, and its deadlines (offline)
          rules route [DIR]      route spool-format complaints from stdin, one JSON line each (offline)
          cases export           stored complaints as spool-format JSON lines
          deliveries             deliveries to agencies and their retries (--failed, --limit)
          sla due --start TIME   the deadline of N working days or hours on a working calendar (offline)
          audit verify           recompute the audit hash chain; exits 1 naming the first broken event
          reporter erase ID      erase the personal data of a case's reporter (recorded, chain stays intact)

        options:
          --socket PATH   the daemon's socket (default: $ADUAN_SOCKET, /run/aduan/aduand.sock, ./.aduan/aduand.sock)
          --json          machine-readable output (on every command that prints data)
          --help          help for aduanctl or for a command
          --version       print the version

        exit codes: 0 ok, 1 failure, 64 usage, 69 daemon unreachable, 77 permission refused
        """

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var globalScanner = ArgumentScanner(arguments, command: "aduanctl")
            let socketFlag = try globalScanner.option("--socket")
            arguments = Self.removingSocket(from: arguments)
            let socketPath = SocketLocator.locate(flag: socketFlag, environment: ProcessInfo.processInfo.environment)
            let context = CommandContext(socketPath: socketPath)
            guard let command = arguments.first, !command.hasPrefix("-") else {
                if arguments.contains("--version") {
                    print("aduanctl \(version)")
                    exit(ExitCode.ok.rawValue)
                }
                if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
                    print(usage)
                    exit(arguments.isEmpty ? ExitCode.usage.rawValue : ExitCode.ok.rawValue)
                }
                throw CommandFailure.usage("unknown option '\(arguments[0])'", help: "aduanctl")
            }
            let rest = Array(arguments.dropFirst())
            if rest.contains("--version") {
                print("aduanctl \(version)")
                exit(ExitCode.ok.rawValue)
            }
            switch command {
            case "status": try StatusCommand.run(rest, context: context)
            case "cases": try CasesCommand.run(rest, context: context)
            case "case": try CaseCommand.run(rest, context: context)
            case "agencies": try AgenciesCommand.run(rest, context: context)
            case "rules": try RulesCommand.run(rest, context: context)
            case "reload": try ReloadCommand.run(rest, context: context)
            case "sources": try SourcesCommand.run(rest, context: context)
            case "quarantine": try QuarantineCommand.run(rest, context: context)
            case "deliveries": try DeliveriesCommand.run(rest, context: context)
            case "backup": try BackupCommand.run(rest, context: context)
            case "metrics": try MetricsCommand.run(rest, context: context)
            case "sla": try SLACommand.run(rest)
            case "audit": try AuditCommand.run(rest, context: context)
            case "reporter": try ReporterCommand.run(rest, context: context)
            case "help":
                print(usage)
            default:
                throw CommandFailure.usage("unknown command '\(command)'", help: "aduanctl")
            }
            exit(ExitCode.ok.rawValue)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            exit(failure.exitCode.rawValue)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(ExitCode.failure.rawValue)
        }
    }

    /// Drops `--socket PATH` / `--socket=PATH` wherever it appears, since it applies to every command.
    private static func removingSocket(from arguments: [String]) -> [String] {
        var result: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            if argument == "--socket" {
                skipNext = true
                continue
            }
            if argument.hasPrefix("--socket=") { continue }
            result.append(argument)
        }
        return result
    }
}
