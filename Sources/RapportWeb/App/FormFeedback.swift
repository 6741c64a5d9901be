import RapportCore

/// What went wrong with a form, said in the words of its labels ("How often to keep in touch: must be from 7 to 365
/// days"), field by field, so the page can show each message next to its field and the form comes back filled in.
struct FormFeedback: Sendable {
    /// Every problem, in words, for the summary at the top of the form.
    var problems: [String]
    private var byField: [String: String]

    /// `labels` names each field as its form does; a field path such as `goals.targetRoles[0]` is read by its first part.
    init(_ issues: [ValidationIssue], labels: [String: String]) {
        var byField: [String: String] = [:]
        var problems: [String] = []
        for issue in issues {
            let field = String(issue.field.prefix { $0 != "." && $0 != "[" })
            let label = labels[issue.field] ?? labels[field] ?? "This form"
            let text = "\(label): \(issue.message)"
            problems.append(text)
            byField[field] = byField[field].map { "\($0); \(issue.message)" } ?? text
        }
        self.problems = problems
        self.byField = byField
    }

    /// The message for one field, nil when it is fine.
    subscript(_ field: String) -> String? { byField[field] }
}
