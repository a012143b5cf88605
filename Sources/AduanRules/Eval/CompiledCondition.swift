import AduanCore

/// A route condition with names resolved: lists by index, phrases by id, channels and regions as values.
indirect enum CompiledCondition: Sendable, Hashable {
    /// At least one phrase of the phrase list with this index occurs.
    case anyPhrase(list: Int)
    /// Every phrase of the phrase list with this index occurs.
    case allPhrases(list: Int)
    /// The phrase with this id occurs.
    case phrase(Int)
    /// The complaint came through this channel.
    case channel(Channel)
    /// The complaint's region is one of these.
    case region([Region])
    /// The reporter's kind, normalised with ``RouteEvaluation/normalizedReporterKind(_:)``, is one of these.
    case reporter([String])
    /// Always true.
    case always
    /// The operand is false.
    case not(CompiledCondition)
    /// Both operands are true.
    case and(CompiledCondition, CompiledCondition)
    /// At least one operand is true.
    case or(CompiledCondition, CompiledCondition)
}
