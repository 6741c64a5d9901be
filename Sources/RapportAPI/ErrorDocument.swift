import RapportCore
import RapportText

/// Every error answer's body: `{"error": {"code": …, "message": …, "field": …}}`, with every problem when there is more
/// than one and, for a likely duplicate, the people the record looks like.
public struct ErrorDocument: Encodable, Sendable {
    public struct Issue: Encodable, Sendable {
        public var field: String
        public var message: String
    }

    public struct Duplicate: Encodable, Sendable {
        public var id: Int64
        public var name: String
        public var reason: String

        public init(_ duplicate: LikelyDuplicate) {
            id = duplicate.candidateID.rawValue
            name = duplicate.name
            reason = duplicate.reason
        }
    }

    public struct Content: Encodable, Sendable {
        public var code: String
        public var message: String
        public var field: String?
        public var details: [Issue]?
        public var likelyDuplicates: [Duplicate]?
    }

    public var error: Content

    /// Messages quote what was sent; a control character in them is written as U+FFFD, so an answer is plain text.
    public init(code: String, message: String, field: String?, issues: [ValidationIssue], likelyDuplicates: [LikelyDuplicate]) {
        let details = issues.map { Issue(field: Self.plain($0.field), message: Self.plain($0.message)) }
        error = Content(code: code, message: Self.plain(message), field: field.map(Self.plain), details: details.count > 1 ? details : nil,
                        likelyDuplicates: likelyDuplicates.isEmpty ? nil : likelyDuplicates.map(Duplicate.init))
    }

    private static func plain(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: \.isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isControl ? "\u{FFFD}" : $0 }))
    }

    public static let schema = Schema.object("Every error answer.", [
        required("error", .object(nil, [
            required("code", .string("Machine-readable: validation_failed, unknown_field, not_found, stale_version…")),
            required("message", .string("What went wrong and what was expected.")),
            optional("field", .string("The field at fault, as a path such as skills[2].level.")),
            optional("details", .array(.object(nil, [required("field", .string()), required("message", .string())]),
                                       "Every problem, when there is more than one.")),
            optional("likelyDuplicates", .array(.object(nil, [
                required("id", .integer("The candidate already held.", minimum: 1)),
                required("name", .string()),
                required("reason", .string("the same phone number, the same name and profile link, or both.")),
            ]), "On likely_duplicate: the people the new record looks like.")),
        ])),
        optional("verdict", .ref("Verdict")),
    ])
}
