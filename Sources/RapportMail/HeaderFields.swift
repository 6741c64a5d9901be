/// An ordered list of header fields with case-insensitive lookup, as they appeared in the message (values unfolded, not decoded).
public struct HeaderFields: Sendable, Equatable, Sequence {
    /// One `name: value` field; the name keeps the sender's spelling.
    public struct Field: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The first value for `name`; header names are case-insensitive (RFC 5322 §1.2.2).
    public subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Every value for `name`, in message order (e.g. several `Received` lines).
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    mutating func append(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Parses a header block given as lines (line endings already stripped), unfolding continuation lines.
    /// Lines that are neither a `name: value` field nor a continuation are dropped: real MTAs emit junk like
    /// mbox `From ` separators, and rejecting the whole message for them would lose mail.
    static func parse(lines: [String]) -> HeaderFields {
        var result = HeaderFields()
        var pendingName: String?
        var pendingValue = ""

        func flush() {
            if let name = pendingName {
                result.append(name: name, value: pendingValue.trimmingWhitespace())
            }
            pendingName = nil
            pendingValue = ""
        }

        for line in lines {
            if let first = line.unicodeScalars.first, first == " " || first == "\t" {
                // Unfolding (RFC 5322 §2.2.3) just removes the CRLF, keeping the leading whitespace.
                if pendingName != nil {
                    pendingValue += line
                }
                continue
            }
            flush()
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingWhitespace()
            guard !name.isEmpty, !name.contains(" ") else { continue }
            pendingName = name
            pendingValue = String(line[line.index(after: colon)...])
        }
        flush()
        return result
    }
}

extension StringProtocol {
    /// Trims spaces, tabs, CR and LF without pulling in CharacterSet (keeps this file Foundation-free).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
