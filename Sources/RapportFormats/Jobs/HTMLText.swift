import Foundation
import RapportText

/// What careers pages put inside JSON-LD: descriptions in HTML (sometimes escaped twice), and the pages themselves.
/// Only as much HTML as postings use is understood; this is not a browser.
public enum HTMLText {
    /// `html` as plain text: block ends (`</p>`, `<br>`, `</li>`, headings) become line breaks, list items start with
    /// "• ", other tags are taken out, character references are decoded, and runs of blank lines become one.
    /// Text without markup comes back as it was, trimmed.
    public static func plain(_ html: String) -> String {
        var text = html
        // "&lt;p&gt;Hello&lt;/p&gt;": markup escaped once more than it should be.
        if !text.contains("<") && text.contains("&lt;") { text = decodeEntities(text) }
        guard text.contains("<") || text.contains("&") else { return text.trimmed }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "<", let close = text[index...].firstIndex(of: ">") else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            let tag = text[text.index(after: index)..<close].lowercased()
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
            let closing = tag.hasPrefix("/")
            switch name {
            case "br": output.append("\n")
            case "li": if !closing { output.append("\n• ") }
            case "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section":
                output.append("\n")
            case "script" where !closing, "style" where !closing:
                // Their content is not text a person reads.
                if let end = text.range(of: "</\(name)", options: .caseInsensitive, range: close..<text.endIndex) {
                    index = text[end.upperBound...].firstIndex(of: ">").map { text.index(after: $0) } ?? text.endIndex
                    continue
                }
            default: break
            }
            index = text.index(after: close)
        }
        let lines = decodeEntities(output).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").trimmedSpaces }
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) { kept.append(line) }
        return kept.joined(separator: "\n").trimmed
    }

    /// The contents of each `<script type="application/ld+json">` element of a page, in order.
    public static func jsonLDBlocks(in page: String) -> [String] {
        var blocks: [String] = []
        var rest = page[...]
        while let open = rest.range(of: "<script", options: .caseInsensitive) {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = rest[open.upperBound..<tagEnd].lowercased()
            let body = rest.index(after: tagEnd)
            // A fragment cut off before its closing tag runs to the end.
            let end = rest.range(of: "</script", options: .caseInsensitive, range: body..<rest.endIndex)
            if attributes.contains("application/ld+json") { blocks.append(String(rest[body..<(end?.lowerBound ?? rest.endIndex)])) }
            guard let end else { break }
            rest = rest[end.upperBound...]
        }
        return blocks
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "–", "mdash": "—",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "bull": "•", "pound": "£", "euro": "€",
        "copy": "©", "reg": "®", "trade": "™", "middot": "·",
    ]

    /// `&amp;`, `&#39;`, `&#x2013;` and the named references postings use; an unknown one is left as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let name = text[text.index(after: index)..<semicolon]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = named[String(name)]
                }
                if let decoded {
                    output += decoded
                    index = text.index(after: semicolon)
                    continue
                }
            }
            output.append(character)
            index = text.index(after: index)
        }
        return output
    }
}
