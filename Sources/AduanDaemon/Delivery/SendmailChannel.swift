import AduanStore
import Dispatch
import Foundation

/// `kind = "sendmail"`: runs the mail command (default `/usr/sbin/sendmail -t`) with a ``MailMessage`` on stdin;
/// exit status 0 means delivered.
///
/// Under systemd's `NoNewPrivileges=` a setuid sendmail cannot gain its privileges: use one that is not setuid
/// (e.g. msmtp, or postfix's sendmail, which hands off through its own daemon).
struct SendmailChannel: DeliveryChannel {
    /// The program and its arguments.
    let command: [String]
    /// `To:`.
    let to: String
    /// `From:`.
    let from: String
    /// Seconds before a command that never ends is killed and the attempt fails.
    var timeout: Double = 60

    func deliver(_ delivery: PendingDelivery) throws(DeliveryFailure) {
        let message = MailMessage(from: from, to: to, delivery: delivery, date: Date()).rendered()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let input = Pipe()
        process.standardInput = input
        // Its stderr stays the daemon's, so the command's complaints land in the journal next to ours.
        process.standardOutput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.run()
        } catch {
            throw DeliveryFailure("cannot run \(command[0]): \(error)")
        }
        // A command that exits without reading stdin makes the write fail (EPIPE); its exit status tells why.
        try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
        try? input.fileHandleForWriting.close()
        guard ended.wait(timeout: .now() + timeout) == .success else {
            process.terminate()
            throw DeliveryFailure("\(command[0]) did not finish within \(Int(timeout)) s")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw DeliveryFailure("\(command[0]) exited with status \(process.terminationStatus) (see the log above)")
        }
    }
}
