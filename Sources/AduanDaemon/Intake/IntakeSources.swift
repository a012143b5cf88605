/// Builds the intake source a configuration describes.
enum IntakeSources {
    /// The source for `configuration`, its folders made.
    ///
    /// - Throws: when a folder cannot be made.
    static func make(
        _ configuration: SourceConfiguration,
        stateDirectory: String,
        writer: IntakeWriter,
        logger: Logger
    ) throws -> any IntakeSource {
        let quarantine = QuarantineFolder(directory: configuration.quarantineDirectory(stateDirectory: stateDirectory))
        switch configuration.kind {
        case .spool:
            return try FolderSource(
                configuration: configuration,
                layout: SpoolLayout(directory: configuration.path, sourceName: configuration.name),
                quarantine: quarantine,
                writer: writer,
                logger: logger
            )
        case .maildir, .csv, .open311:
            throw QuarantineError("TODO")
        }
    }
}
