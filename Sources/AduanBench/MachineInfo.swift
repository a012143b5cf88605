import Foundation

/// The machine a run measured, printed once at the top so that numbers from different machines are not compared.
public struct MachineInfo: Sendable, Codable, Hashable {
    /// Online processors.
    public var cores: Int
    /// `model name` of the first processor in /proc/cpuinfo.
    public var cpuModel: String
    /// Total memory, in MiB.
    public var memoryMiB: Int

    /// Reads the current machine.
    public static func current() -> MachineInfo {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: model,
            memoryMiB: Int(ProcessInfo.processInfo.physicalMemory / 1_048_576)
        )
    }

    /// One line for the report's header.
    public var summary: String {
        "machine: \(cores) cores, \(cpuModel), \(memoryMiB) MiB memory"
    }
}
