import Foundation
import RapportText

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
        if required && value.trimmed.isEmpty {
            fail(field, "must not be empty")
        } else if value.count > maxLength {
            fail(field, "must be at most \(maxLength) characters (got \(value.count))")
        } else if value.unicodeScalars.contains(where: \.isControlInText) {
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
            let lookAlike = value.split(separator: "@").contains { part in
                EmailAddress.mixesLookAlikeScripts(part) || part.split(separator: ".").contains(where: EmailAddress.mixesLookAlikeScripts)
            }
            fail(field, lookAlike ? "must not mix Latin, Cyrillic or Greek letters in one part, as look-alike copies of addresses do"
                                  : "must be an e-mail address such as name@example.com")
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
        value.utf8.allSatisfy { $0 < 0x80 } ? isValidASCII(value.utf8) : isValidUnicode(value)
    }

    static func isValidUnicode(_ value: String) -> Bool {
        guard value.utf8.count <= 254, !value.contains(where: { $0.isWhitespace || $0.isNewline }) else { return false }
        // A NUL or another control or format character (zero-width joiners, direction marks) is never part of an
        // address a person can type, and storage would cut the address at a NUL.
        guard !value.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) else { return false }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        // A Cyrillic "а" in "аdmin@…" reads as the Latin address it copies; browsers refuse such mixed names too.
        guard !mixesLookAlikeScripts(local), !domain.split(separator: ".").contains(where: mixesLookAlikeScripts) else { return false }
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// `isValid` for an address of ASCII only, byte by byte: the same rules, where no letter can look like another
    /// script's.
    static func isValidASCII(_ bytes: String.UTF8View) -> Bool {
        // White space, control characters and DEL are never part of an address.
        guard bytes.count <= 254, !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        let dot = UInt8(ascii: ".")
        guard !local.isEmpty, local.count <= 64, local.first != dot, local.last != dot,
              !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let hyphen = UInt8(ascii: "-")
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != hyphen && label.last != hyphen
                && label.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || byte == hyphen
                }
        }
    }

    /// The form used for uniqueness: addresses differ only in case are the same person.
    public static func normalized(_ value: String) -> String {
        canonical(value).lowercased()
    }

    /// The address as stored: trimmed, in Unicode NFC, so "é" typed as one character or as "e" and an accent is one
    /// address.
    public static func canonical(_ value: String) -> String {
        let trimmed = value.trimmedSpaces
        // ASCII is in every normal form already; Foundation's normalisation bridges through NSString on Linux.
        return trimmed.isASCII ? trimmed : trimmed.precomposedStringWithCanonicalMapping
    }

    private enum Script { case latin, cyrillic, greek }

    /// True when `part` has letters of more than one of the scripts whose letters look alike (Latin, Cyrillic, Greek).
    public static func mixesLookAlikeScripts(_ part: Substring) -> Bool {
        var seen: Script?
        for scalar in part.unicodeScalars where scalar.properties.isAlphabetic {
            let script: Script? = switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
            case 0x400...0x52F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
            default: nil
            }
            guard let script else { continue }
            if let seen, seen != script { return true }
            seen = script
        }
        return false
    }
}
