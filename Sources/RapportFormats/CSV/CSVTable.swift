import Foundation
import RapportText
import SwiftCSV

/// A CSV export as old systems write them: its text encoding and delimiter found from the bytes, a header row, and
/// the rows under it, each with its row number (the header is row 1). Parsing is SwiftCSV's; this type decides how
/// the bytes are text and says what it decided.
public struct CSVTable: Sendable {
    /// How the bytes were read as text.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 with a byte-order mark"
        case utf16LittleEndian = "UTF-16 (little-endian)"
        case utf16BigEndian = "UTF-16 (big-endian)"
        case windows1252 = "Windows-1252"
    }

    public var encoding: Encoding
    /// "," ";" "\t" or "|".
    public var delimiter: Character
    /// The header's names, trimmed.
    public var header: [String]
    /// Each row under the header with its number (the header is row 1; a quoted field over several lines is still one
    /// row); rows that are wholly blank are left out.
    public var rows: [(number: Int, fields: [String])]

    /// Rows of notes above the header, passed over.
    public var skippedBeforeHeader = 0

    /// What was decided about the file, in words: "Read as Windows-1252 text, fields separated by semicolons."
    public var reading: String {
        let names: [Character: String] = [",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"]
        let skipped = skippedBeforeHeader == 0 ? "" : " The header is row \(skippedBeforeHeader + 1); the notes above it were passed over."
        return "Read as \(encoding.rawValue) text, fields separated by \(names[delimiter] ?? "\"\(delimiter)\"")." + skipped
    }

    /// Reads `data`: UTF-8 (with or without a byte-order mark), UTF-16 (with a mark, or without one when every other
    /// byte is zero), and otherwise Windows-1252, as Excel saves "CSV" on Windows.
    public static func read(_ data: Data) throws(FormatError) -> CSVTable {
        let (text, encoding) = try Self.text(data)
        let delimiter = Self.delimiter(in: text)
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .character(delimiter), loadColumns: false)
        } catch let CSVParseError.quotation(message) {
            throw FormatError("has a field whose quotes do not close or stray quotes inside it (\(message)); "
                              + "a quote inside a quoted field is written twice (\"\")")
        } catch {
            throw FormatError("could not be read as CSV: \(error)")
        }
        // Some exports open with notes before the header (LinkedIn's connections do): the header is the first row
        // that names two columns or more.
        let all = [csv.header] + csv.rows
        guard let headerIndex = all.firstIndex(where: { $0.count { !$0.trimmedSpaces.isEmpty } >= 2 })
                ?? all.firstIndex(where: { $0.contains { !$0.trimmedSpaces.isEmpty } }) else {
            throw FormatError("is empty; a CSV import needs a header row naming its columns")
        }
        var header = all[headerIndex].map { $0.trimmedSpaces }
        while header.last?.isEmpty == true { header.removeLast() }
        if text.filter({ $0 == "\"" }).count % 2 == 1 {
            throw FormatError("has a quoted field that never closes; every opening quote needs its closing one")
        }
        var numbered: [(number: Int, fields: [String])] = []
        for (index, row) in all.enumerated().dropFirst(headerIndex + 1) where row.contains(where: { !$0.trimmedSpaces.isEmpty }) {
            numbered.append((index + 1, row))
        }
        return CSVTable(encoding: encoding, delimiter: delimiter, header: header, rows: numbered, skippedBeforeHeader: headerIndex)
    }

    static func text(_ data: Data) throws(FormatError) -> (String, Encoding) {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: data.dropFirst(3), as: UTF8.self) else {
                throw FormatError("starts as UTF-8 but is not valid UTF-8 further on")
            }
            return (text, .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw FormatError("starts as UTF-16 but is not valid UTF-16 further on")
            }
            return (text, little ? .utf16LittleEndian : .utf16BigEndian)
        }
        // UTF-16 without a mark: ASCII text has a zero in every other byte.
        let sample = [UInt8](data.prefix(512))
        if sample.count >= 4 {
            let zeroEven = stride(from: 0, to: sample.count - 1, by: 2).filter { sample[$0] == 0 }.count
            let zeroOdd = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let half = sample.count / 4
            if zeroOdd > half || zeroEven > half {
                let little = zeroOdd > zeroEven
                if let text = String(data: data, encoding: little ? .utf16LittleEndian : .utf16BigEndian) {
                    return (text, little ? .utf16LittleEndian : .utf16BigEndian)
                }
            }
        }
        if let text = String(validating: data, as: UTF8.self) { return (text, .utf8) }
        guard let text = String(data: data, encoding: .windowsCP1252) else {
            throw FormatError("is neither UTF-8, UTF-16 nor Windows-1252 text; save it as UTF-8 CSV and try again")
        }
        return (text, .windows1252)
    }

    /// The separator the header row uses most, outside quotes: comma, semicolon (Excel where the decimal mark is a
    /// comma), tab, or vertical bar.
    static func delimiter(in text: String) -> Character {
        var counts: [Character: Int] = [:]
        var quoted = false
        // The first line that has any separator outside quotes, within the first few: notes may stand above the header.
        var lines = 0
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted && character.isNewline {
                lines += 1
                if !counts.isEmpty || lines > 10 { break }
            }
            if !quoted && [",", ";", "\t", "|"].contains(character) { counts[character, default: 0] += 1 }
        }
        // The most frequent; a comma wins a tie.
        return counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }?.key ?? ","
    }
}
