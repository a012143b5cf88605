import AduanCore

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
        let layout: any FolderLayout
        switch configuration.kind {
        case .spool:
            layout = try SpoolLayout(directory: configuration.path, sourceName: configuration.name)
        case .maildir:
            layout = try MaildirLayout(directory: configuration.path, sourceName: configuration.name)
        case .csv:
            let mapping = CSVColumnMapping(
                columns: Dictionary(
                    uniqueKeysWithValues: configuration.csvColumns.compactMap { field, header in
                        CSVField(rawValue: field).map { ($0, header) }
                    }
                )
            )
            let decoder = CSVItemDecoder(
                source: configuration.name,
                mapping: mapping,
                delimiter: configuration.csvDelimiter.flatMap(CSVDelimiter.init(rawValue:))
            )
            layout = try CSVLayout(directory: configuration.path, decoder: decoder)
        case .open311:
            return try Open311Source(
                configuration: configuration,
                workDirectory: configuration.workDirectory(stateDirectory: stateDirectory),
                quarantine: quarantine,
                writer: writer,
                logger: logger
            )
        }
        return try FolderSource(
            configuration: configuration,
            layout: layout,
            quarantine: quarantine,
            writer: writer,
            logger: logger
        )
    }
}
