import Foundation

/// Writes CSV as spreadsheets read it (RFC 4180: fields with a comma, quote or line break are quoted, quotes
/// doubled, rows end in CRLF). A cell that a spreadsheet would run as a formula (starting with =, @, a tab or a
/// carriage return, or with + or - before anything but a number) is written with a leading apostrophe, so an exported
/// name can never execute.
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) {
            // A phone number ("+44 7700 900123") or a negative figure is no formula; anything else after + or - may be.
            let number = "+-".contains(first) && text.dropFirst().allSatisfy { ($0.isASCII && $0.isNumber) || " .()-".contains($0) }
            if !number { text = "'" + text }
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || text.hasPrefix(" ") || text.hasSuffix(" ") else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
