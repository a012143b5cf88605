import AduanControl
import AduanRules
import AduanStore
import Dispatch
import Foundation
import Glibc

/// The running daemon: state lock, store, rules, intake pollers and the control socket, wired together.
///
/// The store, the pollers and every write run on one serial queue (`storeQueue`), so blocking SQLite and fsync
/// never run on the cooperative pool and a batch is never interleaved with another write.
public final class Daemon: @unchecked Sendable {
    // Mutable state (`signalSources`, `watchdogTimer`) is set up once in `run()` before anything else runs.
    private let configuration: DaemonConfiguration
    private let logger: Logger
    private let version: String
    private let storeQueue = DispatchQueue(label: "aduan.store")
    private let lock: StateLock
    private let store: Store
    private let rules: RuleSetHolder
    private let pollers: [SourcePoller]
    private let handler: ControlHandler
    private let server: ControlServer
    private let cases: CaseService
    private let deliveries: DeliveryDispatcher
    private let reloader: RulesReloader
    private var signalSources: [any DispatchSourceSignal] = []
    // Touched only on `signalQueue`, where the signal handlers run.
    private let signalQueue = DispatchQueue(label: "aduan.signals")
    private var isStopping = false
    private var stopDeadline: (any DispatchSourceTimer)?

    /// The exit status when a second signal or the stop timeout cuts a graceful stop short.
    static let forcedExitStatus: Int32 = 75
    private var watchdogTimer: (any DispatchSourceTimer)?
    private let notifier = ServiceNotifier()

    /// Why the daemon cannot start: one readable message (rule diagnostics may span lines).
    public struct StartFailure: Error, Sendable, CustomStringConvertible {
        /// The message.
        public let description: String
    }

    /// Takes the lock, loads the rules, opens the store and prepares sources and socket; nothing runs yet.
    ///
    /// - Throws: ``StartFailure`` when another daemon holds the state, the rules are invalid or the store fails.
    public init(configuration: DaemonConfiguration, logger: Logger, version: String) throws {
        self.configuration = configuration
        self.logger = logger
        self.version = version
        do {
            try DurableFiles.makeDirectory(configuration.stateDirectory)
        } catch {
            throw StartFailure(description: "cannot create state directory \(configuration.stateDirectory): \(error)")
        }
        do {
            lock = try StateLock(path: configuration.lockPath)
        } catch {
            throw StartFailure(description: "\(error)")
        }
        let now = Date()
        let loaded = RuleLoader.load(directory: configuration.rulesDirectory)
        guard let ruleSet = loaded.ruleSet else {
            throw StartFailure(
                description: "invalid rules in \(configuration.rulesDirectory); not starting\n" + loaded.rendered()
            )
        }
        for warning in loaded.diagnostics where !warning.isError {
            logger.warning("rules: \(warning.location): \(warning.message)")
        }
        rules = RuleSetHolder(ruleSet, loadedAt: now)
        let isFirstStart = access(configuration.databasePath, F_OK) != 0
        let reader: StoreReader
        let statusReader: StoreReader
        do {
            store = try Store(path: configuration.databasePath)
            reader = try StoreReader(path: configuration.databasePath)
            statusReader = try StoreReader(path: configuration.databasePath)
            try store.write { try $0.saveRuleSnapshot(hash: ruleSet.hash, files: ruleSet.sources, at: now) }
        } catch {
            throw StartFailure(
                description: StoreFailureAdvice.message(
                    for: error,
                    databasePath: configuration.databasePath,
                    action: "cannot open the store"
                )
            )
        }
        deliveries = DeliveryDispatcher(
            store: store,
            storeQueue: storeQueue,
            settings: configuration.deliveries,
            outboxDirectory: configuration.outboxDirectory,
            clock: SystemClock(),
            logger: logger
        )
        cases = CaseService(
            store: store,
            rules: rules,
            queue: storeQueue,
            clock: SystemClock(),
            logger: logger,
            deliveriesQueued: { [deliveries] in deliveries.wake() }
        )
        let writer = IntakeWriter(store: store, storeQueue: storeQueue, rules: rules, cases: cases)
        let pause = IntakePause(notifier: notifier, logger: logger)
        do {
            pollers = try configuration.sources.map { source in
                SourcePoller(
                    source: try IntakeSources.make(
                        source,
                        stateDirectory: configuration.stateDirectory,
                        writer: writer,
                        logger: logger
                    ),
                    writer: writer,
                    logger: logger,
                    pause: pause
                )
            }
            if isFirstStart, let seeds = configuration.seedsDirectory, let first = configuration.sources.first {
                try Self.copySeeds(from: seeds, into: first.path + "/inbox", logger: logger)
            }
        } catch {
            throw StartFailure(description: "cannot prepare the intake folders: \(error)")
        }
        reloader = RulesReloader(
            notifier: notifier,
            directory: configuration.rulesDirectory,
            rules: rules,
            store: store,
            storeQueue: storeQueue,
            cases: cases,
            logger: logger
        )
        handler = ControlHandler(
            reader: reader,
            statusReader: statusReader,
            cases: cases,
            reloader: reloader,
            storeQueue: storeQueue,
            // The socket is created with the daemon's group (systemd's RuntimeDirectory keeps it); its members read.
            authorizer: ControlAuthorizer(readGroup: getegid()),
            audit: AuditRecorder(store: store, queue: storeQueue, clock: SystemClock(), logger: logger),
            rules: rules,
            pollers: pollers,
            stateDirectory: configuration.stateDirectory,
            deliveries: deliveries,
            startedAt: now,
            version: version,
            logger: logger
        )
        // The store, sources, deliveries and up to a thousand waiting control connections need more descriptors
        // than the usual soft limit of 1,024.
        DescriptorLimit.raiseToHardLimit()
        do {
            server = ControlServer(
                path: configuration.socketPath,
                inherited: try SocketActivation.takeListeningSocket(),
                handler: handler,
                logger: logger
            )
        } catch {
            throw StartFailure(description: "\(error)")
        }
    }

    /// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread, so that every thread started after it inherits the
    /// mask; call it first thing in `main`, before anything can start a thread.
    ///
    /// libdispatch reads these signals through a signalfd, which sees blocked signals only. A thread that has them
    /// unblocked while they are ignored makes the kernel discard them: a stop sent right after `READY=1` would be
    /// lost until systemd's SIGKILL. A signal that comes during start waits, pending, until ``run()`` handles it.
    public static func blockStopSignals() {
        var handledSignals = sigset_t()
        sigemptyset(&handledSignals)
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&handledSignals, signalNumber) }
        pthread_sigmask(SIG_BLOCK, &handledSignals, nil)
    }

    /// Starts the socket, the pollers and the signal handlers, then serves until SIGTERM or SIGINT. The stop signals
    /// must have been blocked by ``blockStopSignals()`` before any thread started.
    public func run() throws -> Never {
        signal(SIGPIPE, SIG_IGN)
        do {
            try storeQueue.sync {
                try cases.start()
                deliveries.start(declaredAgencies: Set(rules.current.agencies.map(\.id)))
            }
        } catch {
            throw StartFailure(
                description: StoreFailureAdvice.message(
                    for: error,
                    databasePath: configuration.databasePath,
                    action: "cannot load the deadlines from the store"
                )
            )
        }
        do {
            try server.start()
        } catch {
            throw StartFailure(description: "\(error)")
        }
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signalQueue)
            source.setEventHandler { [self] in
                if signalNumber == SIGHUP { _ = reloader.reload() } else { stop(signal: signalNumber) }
            }
            source.resume()
            signalSources.append(source)
        }
        for poller in pollers {
            poller.start()
        }
        let status = rules.status.snapshot.ruleSet
        startWatchdog()
        notifier.ready(
            status:
                "serving \(status.routeLabels.count) routes (rules \(status.hash.prefix(12))) on \(server.path)"
        )
        logger.notice(
            "aduand ready",
            [
                "version": version, "state": configuration.stateDirectory, "socket": server.path,
                "rules": configuration.rulesDirectory, "rules_hash": String(status.hash.prefix(12)),
                "sources": configuration.sources.map(\.name).joined(separator: ","),
            ]
        )
        // Not dispatchMain(): on Linux it parks the main thread in sigsuspend() with an empty mask, which unblocks
        // the stop signals there; the kernel then hands a SIGTERM to the main thread (libdispatch's no-op handler)
        // instead of libdispatch's signalfd, and the stop is lost (seen: 14 of 30 stops sent right after READY=1).
        // The main thread sleeps with them blocked; the handlers run on `signalQueue`.
        while true {
            pause()
        }
    }

    /// The first SIGTERM/SIGINT starts a graceful stop on its own thread, so that `signalQueue` still hears a
    /// second one, which ends the daemon at once; so does the stop timeout. Either way the store stays whole:
    /// SQLite's write-ahead log makes an interrupted transaction roll back at the next open.
    private func stop(signal signalNumber: Int32) {
        let name = signalNumber == SIGTERM ? "TERM" : "INT"
        guard !isStopping else {
            logger.warning(
                "second stop signal: exiting now; work in progress is redone at the next start",
                ["signal": name]
            )
            _exit(Self.forcedExitStatus)
        }
        isStopping = true
        notifier.stopping()
        logger.notice(
            "stopping: finishing the current batch and the deliveries in flight",
            ["signal": name, "timeout_s": "\(Int(configuration.stopTimeout))"]
        )
        let deadline = DispatchSource.makeTimerSource(queue: signalQueue)
        deadline.schedule(deadline: .now() + configuration.stopTimeout)
        deadline.setEventHandler { [logger, configuration] in
            logger.warning(
                "stop timed out; exiting now; work in progress is redone at the next start",
                ["timeout_s": "\(Int(configuration.stopTimeout))"]
            )
            _exit(Self.forcedExitStatus)
        }
        deadline.resume()
        stopDeadline = deadline
        Thread.detachNewThread { [self] in drainAndExit() }
    }

    /// Stops taking work, lets what runs finish and be recorded, closes the store and exits 0.
    private func drainAndExit() -> Never {
        server.stop()
        for poller in pollers {
            poller.stop()
        }
        storeQueue.sync {
            cases.stop()
            deliveries.beginDraining()
        }
        while storeQueue.sync(execute: { deliveries.hasAttemptsInFlight }) {
            usleep(20_000)
        }
        // The reader closes first: the last connection to close checkpoints the write-ahead log into the database
        // file and removes it, and only the writer may, so a stopped daemon leaves one whole file to copy.
        handler.close()
        storeQueue.sync {
            deliveries.stop()
            store.close()
        }
        logger.notice("aduand stopped")
        exit(0)
    }

    /// Pings systemd's watchdog at half its interval, but only while the store queue (store and deadline
    /// scheduler) answers: a wedged queue stops the pings and systemd restarts the daemon.
    private func startWatchdog() {
        guard notifier.isActive, let interval = ServiceNotifier.watchdogInterval() else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "aduan.watchdog"))
        timer.schedule(deadline: .now(), repeating: interval / 2, leeway: .milliseconds(100))
        timer.setEventHandler { [storeQueue, notifier] in
            let answered = DispatchSemaphore(value: 0)
            storeQueue.async { answered.signal() }
            if answered.wait(timeout: .now() + interval / 2) == .success { notifier.watchdog() }
        }
        timer.resume()
        watchdogTimer = timer
    }

    /// Copies the sample complaints into the inbox (embedded default, first start only).
    private static func copySeeds(from seeds: String, into inbox: String, logger: Logger) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).filter(
            SpoolFile.isSpoolFileName
        ).sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: seeds + "/" + name) else { continue }
            try DurableFiles.write([UInt8](data), to: inbox, name: name)
        }
        if !names.isEmpty {
            logger.notice(
                "first start: sample complaints copied into the inbox",
                ["files": names.joined(separator: ",")]
            )
        }
    }
}
