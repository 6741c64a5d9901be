import Foundation

extension SVGChart {
    /// Builds XML and HTML markup, escaping every attribute value and text node it is given.
    ///
    /// Attributes whose value is empty are left out, so optional attributes can be passed as `""`.
    struct Markup: Sendable {
        /// The markup written so far.
        private(set) var output = ""

        /// Creates an empty builder.
        init() {}

        /// Writes an opening tag.
        mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
            output += "<\(name)\(Self.attributeList(attributes))>\n"
        }

        /// Writes a closing tag.
        mutating func close(_ name: String) {
            output += "</\(name)>\n"
        }

        /// Writes a self-closing element such as `<rect …/>`.
        mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
            output += "<\(name)\(Self.attributeList(attributes))/>\n"
        }

        /// Writes an element holding only escaped text.
        mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
            output += "<\(name)\(Self.attributeList(attributes))>\(SVGChart.escaped(text))</\(name)>\n"
        }

        /// Writes an element whose text has a hover tooltip: a `<title>` child followed by the visible text.
        mutating func element(
            _ name: String,
            _ attributes: KeyValuePairs<String, String> = [:],
            text: String,
            tooltip: String
        ) {
            let title = "<title>\(SVGChart.escaped(tooltip))</title>"
            output += "<\(name)\(Self.attributeList(attributes))>\(title)\(SVGChart.escaped(text))</\(name)>\n"
        }

        /// Appends markup that another `Markup` already built and escaped.
        mutating func raw(_ trustedMarkup: String) {
            output += trustedMarkup
        }

        private static func attributeList(_ attributes: KeyValuePairs<String, String>) -> String {
            var list = ""
            for (name, value) in attributes where !value.isEmpty {
                list += " \(name)=\"\(SVGChart.escaped(value))\""
            }
            return list
        }
    }

    /// Escapes text for XML and HTML (`&`, `<`, `>`, `"`, `'`) and drops control characters XML 1.0 forbids.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Turns a caller's chart id into a valid XML id: ASCII letters, digits, `-` and `_`, starting with a letter.
    static func sanitizedID(_ id: String) -> String {
        let allowed = id.unicodeScalars.map { scalar -> Character in
            let isSafe = scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_")
            return isSafe ? Character(scalar) : "-"
        }
        let candidate = String(allowed)
        guard let first = candidate.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else {
            return "chart-" + candidate
        }
        return candidate
    }

    /// Shortens a label to `limit` characters, ending it with "…" when something was cut.
    static func truncated(_ label: String, limit: Int) -> String {
        guard label.count > limit, limit > 1 else { return label }
        let kept = label.prefix(limit - 1)
        let trimmed = kept.reversed().drop(while: \.isWhitespace).reversed()
        return String(trimmed) + "…"
    }
}
