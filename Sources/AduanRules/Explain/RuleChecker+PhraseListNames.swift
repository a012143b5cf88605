extension RuleChecker {
    /// The name of each phrase list, by its index in ``RuleProgram/phraseLists``, so that explanations can say
    /// which list a route needed.
    var phraseListNames: [String] {
        var names = [String](repeating: "", count: phraseLists.count)
        for (name, list) in lists {
            if case .phrases(let index) = list.content { names[index] = name }
        }
        return names
    }
}
