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
}
