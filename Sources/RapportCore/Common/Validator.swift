import Foundation

/// Collects every rule an input breaks, with its field path, so one answer names all the problems.
public struct Validator: Sendable {
    public private(set) var issues: [ValidationIssue] = []
    private var prefix: String

    public init(prefix: String = "") {
        self.prefix = prefix
    }

    public mutating func fail(_ field: String, _ message: String) {
        issues.append(ValidationIssue(field: path(field), message: message))
    }

    public func path(_ field: String) -> String {
        if prefix.isEmpty { return field }
        if field.isEmpty { return prefix }
        return field.hasPrefix("[") ? prefix + field : prefix + "." + field
    }

    /// Runs `body` with paths below `field` (`goals.minimumPay`), keeping the issues it finds.
    public mutating func nested(_ field: String, _ body: (inout Validator) -> Void) {
        var inner = Validator(prefix: path(field))
        body(&inner)
        issues.append(contentsOf: inner.issues)
    }

    public mutating func text(_ field: String, _ value: String, required: Bool = true, maxLength: Int) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty {
            fail(field, "must not be empty")
        } else if value.count > maxLength {
            fail(field, "must be at most \(maxLength) characters (got \(value.count))")
        } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
            fail(field, "must not contain control characters")
        }
    }

    public mutating func optionalText(_ field: String, _ value: String?, maxLength: Int) {
        guard let value else { return }
        text(field, value, required: false, maxLength: maxLength)
    }

    public mutating func list(_ field: String, _ values: [String], maxCount: Int, maxLength: Int) {
        if values.count > maxCount {
            fail(field, "must have at most \(maxCount) entries (got \(values.count))")
            return
        }
        for (index, value) in values.enumerated() {
            text("\(field)[\(index)]", value, maxLength: maxLength)
        }
    }

    public mutating func range<T: Comparable>(_ field: String, _ value: T, _ bounds: ClosedRange<T>, _ expectation: String) {
        if !bounds.contains(value) { fail(field, expectation) }
    }

    public mutating func email(_ field: String, _ value: String) {
        if !EmailAddress.isValid(value) {
            fail(field, "must be an e-mail address such as name@example.com")
        }
    }

    public mutating func timeZone(_ field: String, _ value: String) {
        if TimeZone(identifier: value) == nil {
            fail(field, "must be an IANA time zone such as Europe/London (got \"\(value)\")")
        }
    }

    public func check() throws(RapportError) {
        if !issues.isEmpty { throw .invalid(issues) }
    }
}

/// E-mail address rules kept deliberately practical: one `@`, a dotted domain, no spaces, RFC 5321 lengths.
public enum EmailAddress {
    public static func isValid(_ value: String) -> Bool {
        guard value.utf8.count <= 254, !value.contains(where: { $0.isWhitespace || $0.isNewline }) else { return false }
        // A NUL or another control or format character (zero-width joiners, direction marks) is never part of an
        // address a person can type, and storage would cut the address at a NUL.
        guard !value.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) else { return false }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// The form used for uniqueness: addresses differ only in case are the same person.
    public static func normalized(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
