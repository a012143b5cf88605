/// The comments of one container, each given to the element it belongs with.
///
/// A comment that stands on its own line leads the next element (or, after the last one, stays at the end of the
/// container); a comment after code on its line trails the element that line ends; a comment inside an element's
/// own container (a nested block, a list, a condition) is handed to that element; any other comment between an
/// element's first and last tokens trails that element.
struct CommentBuckets {
    /// Comments on their own lines before each element.
    var leading: [[PlacedComment]]
    /// Comments after each element on its last line.
    var trailing: [[PlacedComment]]
    /// Comments inside each element's own container.
    var inner: [[PlacedComment]]
    /// Comments after the container's opening `{` or `[` on its line.
    var opening: [PlacedComment] = []
    /// Comments on their own lines after the last element.
    var dangling: [PlacedComment] = []

    init(entries: [FormatEntry], comments: [PlacedComment]) {
        leading = Array(repeating: [], count: entries.count)
        trailing = leading
        inner = leading
        for comment in comments {
            let position = comment.tokenIndex
            if let index = entries.firstIndex(where: { $0.containsInside(position) }) {
                inner[index].append(comment)
            } else if let index = entries.firstIndex(where: { $0.spans(position) }) {
                // Inside an element written on one line (an operand, a call): after it, in the order written.
                trailing[index].append(comment)
            } else if comment.isTrailing {
                if let index = entries.lastIndex(where: { $0.first < position }) {
                    trailing[index].append(comment)
                } else {
                    opening.append(comment)
                }
            } else if let index = entries.firstIndex(where: { $0.first >= position }) {
                leading[index].append(comment)
            } else {
                dangling.append(comment)
            }
        }
    }
}
