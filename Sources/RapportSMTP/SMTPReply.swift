/// A complete (possibly multi-line) reply from an SMTP server.
struct SMTPReply: Sendable, Hashable {
    /// The three-digit reply code.
    var code: Int
    /// The text of each reply line, without the code and separator.
    var lines: [String]

    /// The reply text, lines separated by newlines, without a leading enhanced status code.
    var text: String {
        var lines = lines
        if let enhancedCode, let first = lines.first {
            lines[0] = String(first.dropFirst(enhancedCode.count).drop(while: { $0 == " " }))
        }
        return lines.joined(separator: "\n")
    }

    var isPositiveCompletion: Bool { (200..<300).contains(code) }

    /// The RFC 3463 enhanced status code at the start of the first line (e.g. `"2.0.0"`), if any.
    ///
    /// Only accepted when its class digit matches the reply code's first digit.
    var enhancedCode: String? {
        guard let first = lines.first,
            let candidate = first.split(separator: " ", maxSplits: 1).first
        else { return nil }
        let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
            parts[0] == "\(code / 100)"
        else { return nil }
        return String(candidate)
    }

    /// Keywords and parameters advertised in an `EHLO` reply (upper-cased keyword → parameters).
    var extensions: [String: [String]] {
        var result: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ")
            guard let keyword = words.first else { continue }
            result[keyword.uppercased()] = words.dropFirst().map { $0.uppercased() }
        }
        return result
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
