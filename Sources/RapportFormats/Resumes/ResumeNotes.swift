import Foundation
import RapportText

extension JSONResume {
    /// A note about the person from the system they come from: Rapport's extension of the format (the schema allows
    /// fields of its own), `"notes": [{"date": "2023-04-02T14:05:00Z", "author": "Jane Smith", "text": "…"}]`, which
    /// the CSV reader writes from a notes column and Rapport's export writes back.
    public struct Note: Hashable, Sendable {
        public var author: String?
        /// When it was written; a day without a time is midday UTC of that day.
        public var date: Date?
        public var text: String
    }
}

extension ResumeReader {
    /// `externalIDs`: the person's id in each system they come from, `{"bullhorn": "C-1042"}` (Rapport's extension).
    /// A number is taken as its digits.
    mutating func externalIDs(_ value: JSONValue?) -> [JSONResume.ExternalReference] {
        guard let value else { return [] }
        guard case .object(let entries) = value else {
            warn("/externalIDs", "must be an object from a system's name to the person's id there; found \(value.kind), left out")
            return []
        }
        var ids: [JSONResume.ExternalReference] = []
        for (source, id) in entries.sorted(by: { $0.key < $1.key }) {
            let at = "/externalIDs/\(source)"
            let name = source.trimmedSpaces
            guard (1...100).contains(name.count) else {
                warn(at, "names no system (1 to 100 characters); left out")
                continue
            }
            let text: String? = switch id {
            case .string(let text): clean(text, at: at)
            case .integer(let number): String(number)
            default: nil
            }
            guard let text, text.count <= 200 else {
                warn(at, "must be the id as text of at most 200 characters; found \(id.kind), left out")
                continue
            }
            ids.append(JSONResume.ExternalReference(source: name, value: text))
        }
        return ids
    }

    /// `notes`: objects with `text`, and an optional `author` and `date` (ISO 8601, a day or a time); a note given as
    /// plain text is its text alone.
    mutating func notes(_ value: JSONValue?) -> [JSONResume.Note] {
        guard let value else { return [] }
        guard case .array(let entries) = value else {
            warn("/notes", "must be a list; found \(value.kind), left out")
            return []
        }
        var notes: [JSONResume.Note] = []
        for (index, entry) in entries.enumerated() {
            let at = "/notes/\(index)"
            switch entry {
            case .string(let text):
                if let text = clean(text, at: at) { notes.append(JSONResume.Note(text: text)) }
            case .object:
                guard let text = text(entry["text"], at: at + "/text") else {
                    warn(at + "/text", "is missing; a note without text is left out")
                    continue
                }
                var date: Date?
                if let written = self.text(entry["date"], at: at + "/date") {
                    date = NoteText.date(written)
                    if date == nil { warn(at + "/date", "must be a day (2023-04-02) or a time (2023-04-02T14:05:00Z); the note is kept undated") }
                }
                notes.append(JSONResume.Note(author: self.text(entry["author"], at: at + "/author"), date: date, text: text))
            default:
                warn(at, "must be an object with text; found \(entry.kind), left out")
            }
        }
        return notes
    }
}

extension JSONResume.Note {
    init(text: String) {
        self.init(author: nil, date: nil, text: text)
    }
}

/// The notes of one cell of an old system's export, as such systems write a history into one column:
///
///     2023-04-02 14:05 Jane Smith: Called, not looking until March.
///     2022-11-20 - Tom Hale: Met for coffee; wants to move to Go.
///
/// A line starting with a day (and perhaps a time) starts a note; the lines after it belong to it. A name of two to
/// four capitalised words or an e-mail address before a colon is the author; one word ("Called: no answer") is a
/// label, not a name. A cell without dates is one note.
public enum NoteText {
    public struct Note: Equatable, Sendable {
        public var date: String?
        public var author: String?
        public var text: String

        public init(date: String?, author: String?, text: String) {
            self.date = date
            self.author = author
            self.text = text
        }
    }

    public static func notes(in cell: String) -> [Note] {
        var notes: [Note] = []
        var current: Note?
        for line in cell.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = line.trimmedSpaces
            if let match = line.firstMatch(of: start) {
                if let current, !current.text.isEmpty { notes.append(current) }
                let day = String(match.output.day)
                let stamp = match.output.hour.map { hour in
                    day + "T" + (hour.count == 1 ? "0" : "") + hour + ":" + (match.output.minute ?? "00") + ":00" + (match.output.zone ?? "Z")
                } ?? day
                let (author, text) = authored(String(match.output.rest))
                current = Note(date: stamp, author: author, text: text)
            } else if current != nil {
                current!.text += current!.text.isEmpty ? line : "\n" + line
            } else if !line.isEmpty {
                current = Note(date: nil, author: nil, text: line)
            }
        }
        if let current, !current.text.isEmpty { notes.append(current) }
        return notes.map { note in
            var note = note
            note.text = note.text.trimmed
            return note
        }.filter { !$0.text.isEmpty }
    }

    /// "2023-04-02" (midday UTC) or "2023-04-02T14:05:00Z" (with or without seconds' fractions and a zone offset).
    public static func date(_ text: String) -> Date? {
        let text = text.trimmedSpaces
        if text.count == 10 {
            guard let day = try? Date(text + "T12:00:00Z", strategy: .iso8601) else { return nil }
            return day
        }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The author before a colon, when it reads as one: "Jane Smith: text", "jane@firm.example: text".
    private static func authored(_ rest: String) -> (String?, String) {
        guard let colon = rest.firstIndex(of: ":") else { return (nil, rest) }
        let name = rest[..<colon].trimmedSpaces
        let text = rest[rest.index(after: colon)...].trimmedSpaces
        let words = name.split(separator: " ")
        let isName = (2...4).contains(words.count) && words.allSatisfy { word in
            word.first.map { $0.isUppercase } == true && !word.contains(where: \.isNumber)
        }
        let isAddress = words.count == 1 && name.contains("@")
        return isName || isAddress ? (name, text) : (nil, rest)
    }

    /// A day at the start of a line, in brackets or not, perhaps a time, then a dash or bar before the rest.
    nonisolated(unsafe) private static let start = #/^\[?(?<day>\d{4}-\d{2}-\d{2})(?:[ T](?<hour>\d{1,2}):(?<minute>\d{2})(?::\d{2})?(?<zone>Z|[+-]\d{2}:?\d{2})?)?\]?\s*(?:[-–—|]\s*)?(?<rest>.*)$/#
}
