/// Converts an HTML body to readable plain text for HTML-only mail (Outlook, marketing tools).
enum HTMLText {
    private static let skippedElements: Set<String> = ["script", "style", "head", "title", "noscript"]
    private static let lineBreakElements: Set<String> = [
        "br", "p", "div", "tr", "li", "ul", "ol", "table", "blockquote", "pre", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
    ]
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "pound": "£", "euro": "€", "yen": "¥", "cent": "¢", "copy": "©", "reg": "®", "trade": "™",
        "mdash": "—", "ndash": "–", "hellip": "…", "bull": "•", "middot": "·",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "ccedil": "ç",
        "iacute": "í", "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "auml": "ä", "ouml": "ö", "uuml": "ü", "szlig": "ß",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "Eacute": "É", "deg": "°", "times": "×", "zwnj": "", "zwj": "",
    ]

    static func toText(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0

        func appendSpace() {
            if let last = output.last, last != " " && last != "\n" { output.append(" ") }
        }
        func appendNewline() {
            while output.last == " " { output.removeLast() }
            output.append("\n")
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if matches(scalars, at: index, "<!--") {
                    index = find(scalars, "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                    continue
                }
                let end = tagEnd(scalars, from: index + 1)
                // An unterminated tag runs to the end of input, as in browsers. Stopping here (rather than treating `<`
                // as text and rescanning) keeps a hostile "<<<<…" body linear instead of quadratic.
                guard end < scalars.count else { break }
                let (name, closing) = tagName(scalars, from: index + 1, to: end)
                index = end + 1
                if !closing, skippedElements.contains(name) {
                    // Skip the element's content entirely: CSS and scripts are never part of the message.
                    index = find(scalars, "</\(name)", from: index, caseInsensitive: true)
                        .map { tagEnd(scalars, from: $0 + 1) + 1 } ?? scalars.count
                } else if lineBreakElements.contains(name) {
                    appendNewline()
                    if name == "p" && closing { appendNewline() }
                } else if name == "td" || name == "th" {
                    appendSpace()
                }
                continue
            }
            if scalar == "&", let (decoded, length) = entity(scalars, at: index) {
                output.append(contentsOf: decoded.unicodeScalars)
                index += length
                continue
            }
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                appendSpace()
            } else {
                output.append(scalar)
            }
            index += 1
        }
        return tidy(String(output))
    }

    /// Trims every line and squeezes runs of blank lines to one, since block tags nest and each adds a break.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index
            }
            index += 1
        }
        return scalars.count
    }

    private static func tagName(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> (String, Bool) {
        var index = start
        var closing = false
        if index < end, scalars[index] == "/" {
            closing = true
            index += 1
        }
        var name = ""
        while index < end, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        return (name.lowercased(), closing)
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ needle: String, caseInsensitive: Bool = false) -> Bool {
        let pattern = Array(needle.unicodeScalars)
        guard index + pattern.count <= scalars.count else { return false }
        for offset in 0..<pattern.count {
            var a = scalars[index + offset], b = pattern[offset]
            if caseInsensitive {
                a = lowerASCII(a)
                b = lowerASCII(b)
            }
            if a != b { return false }
        }
        return true
    }

    private static func lowerASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private static func find(_ scalars: [Unicode.Scalar], _ needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        var index = start
        while index < scalars.count {
            if matches(scalars, at: index, needle, caseInsensitive: caseInsensitive) { return index }
            index += 1
        }
        return nil
    }

    /// Decodes `&name;`, `&#123;` and `&#x1F600;`; anything else is left as a literal `&`.
    private static func entity(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        var body = ""
        while index < scalars.count, index - start <= 10, scalars[index] != ";" {
            body.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !body.isEmpty else { return nil }
        let length = index - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar), length)
        }
        guard let decoded = entities[body] ?? entities[body.lowercased()] else { return nil }
        return (decoded, length)
    }
}
