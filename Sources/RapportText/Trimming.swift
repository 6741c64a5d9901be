extension String {
    /// The text without white space and line breaks at either end: Unicode's White_Space property and the zero-width
    /// space, the very set of Foundation's `.whitespacesAndNewlines` on Linux, but without bridging through `NSString`, which on Linux converts the
    /// whole text to UTF-16 and back on every call (a twelfth of an import's time went there).
    public var trimmed: String { self[...].trimmed }

    /// The text without spaces and tabs at either end, keeping line breaks: Foundation's `.whitespaces` (general
    /// category Zs, the tab and the zero-width space).
    public var trimmedSpaces: String { self[...].trimmedSpaces }
}

extension Substring {
    /// See `String.trimmed`.
    public var trimmed: String {
        trimming { $0.value < 0x80 ? $0 == " " || (0x09...0x0D).contains($0.value) : $0.properties.isWhitespace || $0 == "\u{200B}" }
    }

    /// See `String.trimmedSpaces`.
    public var trimmedSpaces: String {
        trimming { $0.value < 0x80 ? $0 == " " || $0 == "\t" : $0.properties.generalCategory == .spaceSeparator || $0 == "\u{200B}" }
    }

    private func trimming(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        guard let first = unicodeScalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = unicodeScalars.lastIndex(where: { !isSpace($0) })!
        return String(Substring(unicodeScalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// A C0 or C1 control character (general category Cc), told from its value without a Unicode property lookup.
    public var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// A control character free text may not hold: any but tab, line feed and carriage return.
    public var isControlInText: Bool { isControl && self != "\n" && self != "\t" && self != "\r" }
}

extension String {
    /// Whether `other` occurs in the text, compared byte by byte in UTF-8: for texts already in one normal form. The
    /// standard library's `firstRange(of:)` walks characters generically and Foundation's `contains` bridges through
    /// `NSString` on Linux; both were hot spots of an import.
    public func containsBytes(of other: String) -> Bool {
        var text = self
        var other = other
        return text.withUTF8 { haystack in
            other.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard needle.count <= haystack.count else { return false }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var offset = 1
                    while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                return false
            }
        }
    }

    /// Whether every character is ASCII, so that Unicode normal forms and look-alike letters cannot apply.
    public var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
