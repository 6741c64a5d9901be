/// A mailbox from an address header: optional display name (decoded) and the addr-spec.
public struct MailAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let name: String?
    public let address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    public var description: String {
        guard let name else { return address }
        return "\(name) <\(address)>"
    }

    /// Parses an address-list header value: `Name <a@b>`, `"Last, First" <a@b>`, `a@b (Name)`, encoded-word names
    /// and groups (`Team: a@b, c@d;`). Entries without an address are skipped rather than failing the list.
    public static func parseList(_ value: String) -> [MailAddress] {
        splitMailboxes(value).compactMap(parseMailbox)
    }

    /// Splits on top-level commas; `:` opens a group (its display name is dropped) and `;` closes one.
    private static func splitMailboxes(_ value: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var angleDepth = 0
        var commentDepth = 0
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if inQuotes {
                if character == "\\" { escaped = true }
                if character == "\"" { inQuotes = false }
                current.append(character)
                continue
            }
            switch character {
            case "\"" where commentDepth == 0:
                inQuotes = true
            case "(":
                commentDepth += 1
            case ")":
                commentDepth = max(0, commentDepth - 1)
            case "<" where commentDepth == 0:
                angleDepth += 1
            case ">" where commentDepth == 0:
                angleDepth = max(0, angleDepth - 1)
            case "," where angleDepth == 0 && commentDepth == 0, ";" where angleDepth == 0 && commentDepth == 0:
                pieces.append(current)
                current = ""
                continue
            case ":" where angleDepth == 0 && commentDepth == 0:
                current = ""
                continue
            default:
                break
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    private static func parseMailbox(_ raw: String) -> MailAddress? {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if let open = lastUnquotedIndex(of: "<", in: text), let close = text[open...].firstIndex(of: ">") {
            let address = stripComments(String(text[text.index(after: open)..<close])).trimmingWhitespace()
            guard !address.isEmpty else { return nil }
            return MailAddress(name: displayName(String(text[..<open])), address: address)
        }
        // `a@b (Name)`: the obsolete form puts the name in a comment.
        var comment: String?
        if let open = text.firstIndex(of: "("), let close = text[open...].lastIndex(of: ")") {
            comment = String(text[text.index(after: open)..<close])
        }
        let address = stripComments(text).trimmingWhitespace()
        guard !address.isEmpty, !address.contains(" ") || address.contains("@") else { return nil }
        return MailAddress(name: comment.flatMap(displayName), address: address.replacingSpaces())
    }

    private static func displayName(_ raw: String) -> String? {
        var name = stripComments(raw).trimmingWhitespace()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = MIMEDecoding.unescapeQuoted(String(name.dropFirst().dropLast()))
        }
        // Clients put encoded-words inside quotes even though RFC 2047 §5 forbids it, so decode after unquoting.
        name = MIMEDecoding.decodeEncodedWords(name).trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    private static func lastUnquotedIndex(of target: Character, in text: String) -> String.Index? {
        var inQuotes = false
        var escaped = false
        var found: String.Index?
        for index in text.indices {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" && inQuotes {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == target && !inQuotes {
                found = index
            }
        }
        return found
    }

    private static func stripComments(_ text: String) -> String {
        var result = ""
        var depth = 0
        var inQuotes = false
        for character in text {
            if character == "\"" && depth == 0 { inQuotes.toggle() }
            if !inQuotes && character == "(" {
                depth += 1
                continue
            }
            if !inQuotes && character == ")" && depth > 0 {
                depth -= 1
                continue
            }
            if depth == 0 { result.append(character) }
        }
        return result
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(filter { $0 != " " && $0 != "\t" })
    }
}
