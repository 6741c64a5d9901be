import Foundation
import RapportText

/// Which field of a person each column of a CSV export fills: the headers common applicant-tracking systems write
/// ("Email Address", "Mobile", "Current Company", "Tags"…) are recognised, and a small mapping file names the rest.
/// A row becomes a JSON Resume document, so a CSV person is read and checked exactly as a résumé is, and each issue
/// names the column it came from.
public struct CSVColumnMapping: Sendable, Equatable {
    public enum Field: String, CaseIterable, Sendable {
        case name, firstName, lastName, email, phone, city, state, country
        /// "Seattle, WA, United States" in one column.
        case location
        case headline, employer, summary
        /// Several skills in one cell, separated by semicolons, commas, vertical bars or line breaks.
        case skills
        case linkedin, github, website
        /// The old system's notes about the person: one, or a history with a day (and perhaps an author) on each
        /// note's first line (`NoteText`).
        case notes
        /// Who wrote the notes and when, for a system that keeps them in columns of their own.
        case noteAuthor, noteDate
        /// The person's id in the system the file comes from, by which a later import finds them again.
        case externalID
        /// A column deliberately not imported.
        case ignore
    }

    /// The field of each column, by its position in the header.
    public var fields: [Int: Field]
    /// The header's names, for reports.
    public var header: [String]
    /// The system the file's ids are of; by default the id column's header ("Cand_Ref").
    public var idSource: String?

    /// The columns recognised from their headers, with `overrides` (header name → field name, from a mapping file)
    /// taking precedence. Fails when the mapping file names a column the header lacks or a field Rapport does not
    /// know, or when two columns fill the same field.
    public init(header: [String], overrides: [String: String] = [:]) throws(FormatError) {
        self.header = header
        var fields: [Int: Field] = [:]
        let byName = Dictionary(header.enumerated().map { (Self.key($1), $0) }, uniquingKeysWith: { first, _ in first })
        for (column, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = byName[Self.key(column)] else {
                throw FormatError("has no column \"\(column)\", which the mapping names; its columns are \(header.joined(separator: ", "))")
            }
            guard let field = Field(rawValue: value) else {
                throw FormatError("mapping gives \"\(column)\" the field \"\(value)\"; the fields are "
                                  + Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            fields[index] = field
        }
        for (index, name) in header.enumerated() where fields[index] == nil {
            if let field = Self.recognised[Self.key(name)] { fields[index] = field }
        }
        var seen: [Field: Int] = [:]
        for (index, field) in fields.sorted(by: { $0.key < $1.key }) where field != .ignore {
            if let first = seen[field] {
                throw FormatError("has two columns for \(field.rawValue) (\"\(header[first])\" and \"\(header[index])\"); "
                                  + "say which to use in a mapping file, the other as ignore")
            }
            seen[field] = index
        }
        self.fields = fields
    }

    /// Reads a mapping file: a JSON object from column names to field names, `{"Cand_Email": "email", "Notes": "ignore"}`.
    public static func overrides(from data: Data) throws(FormatError) -> [String: String] {
        guard case .object(let entries) = try JSONValue.parse(data) else {
            throw FormatError("must be a JSON object from column names to fields, such as {\"Cand_Email\": \"email\"}")
        }
        var overrides: [String: String] = [:]
        for (column, value) in entries {
            guard case .string(let field) = value else { throw FormatError("gives \"\(column)\" \(value.kind); name a field as text") }
            overrides[column] = field
        }
        return overrides
    }

    /// Columns no field was found for, which the import passes over.
    public var unused: [String] {
        header.enumerated().filter { fields[$0.offset] == nil && !$0.element.isEmpty }.map(\.element)
    }

    /// Which column fills which field, in words, for the report.
    public var described: String {
        fields.sorted { $0.key < $1.key }.filter { $0.value != .ignore }.map { "\(header[$0.key]) → \($0.value.rawValue)" }
            .joined(separator: ", ")
    }

    /// A header reduced to letters and digits, lowercased: "E-mail Address" and "email_address" are one.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    /// Headers as applicant-tracking systems and spreadsheets write them.
    private static let recognised: [String: Field] = {
        let table: [(Field, [String])] = [
            (.name, ["name", "full name", "candidate name", "candidate", "contact name", "display name"]),
            (.firstName, ["first name", "firstname", "given name", "forename", "first"]),
            (.lastName, ["last name", "lastname", "surname", "family name", "last"]),
            (.email, ["email", "e-mail", "email address", "e-mail address", "primary email", "personal email", "work email", "email 1"]),
            (.phone, ["phone", "phone number", "mobile", "mobile phone", "mobile number", "cell", "cell phone", "telephone", "primary phone"]),
            (.city, ["city", "town", "location city"]),
            (.state, ["state", "province", "state/province", "county", "region"]),
            (.country, ["country", "country code", "country/region", "location country"]),
            (.location, ["location", "address", "current location", "home location"]),
            (.headline, ["headline", "title", "job title", "current title", "current job title", "position", "current position", "role"]),
            (.employer, ["company", "current company", "employer", "current employer", "organisation", "organization"]),
            (.summary, ["summary", "about", "bio", "profile summary"]),
            (.skills, ["skills", "key skills", "skill set", "skillset", "tags", "technologies", "tech stack"]),
            (.linkedin, ["linkedin", "linkedin url", "linkedin profile", "linkedin profile url"]),
            (.github, ["github", "github url", "github profile"]),
            (.website, ["website", "url", "portfolio", "personal website", "homepage", "web site"]),
            (.notes, ["notes", "note", "comments", "comment", "recruiter notes", "candidate notes", "notes history"]),
            (.noteAuthor, ["note author", "notes author", "note by", "author"]),
            (.noteDate, ["note date", "notes date", "date of note", "note created"]),
            (.externalID, ["id", "candidate id", "candidate ref", "cand ref", "candidate reference", "reference", "ref", "external id",
                           "record id", "applicant id", "person id", "contact id"]),
        ]
        var recognised: [String: Field] = [:]
        for (field, names) in table { for name in names { recognised[key(name)] = field } }
        return recognised
    }()

    /// Where a field goes in a résumé, for the fields that have one place.
    private static let pointers: [Field: String] = [
        .name: "/basics/name", .firstName: "/basics/name", .lastName: "/basics/name", .email: "/basics/email", .phone: "/basics/phone",
        .headline: "/basics/label", .summary: "/basics/summary", .city: "/basics/location/city", .state: "/basics/location/region",
        .country: "/basics/location/countryCode", .employer: "/work/0/name",
    ]

    /// The field whose column would have filled a pointer ("/basics/location/countryCode" → country), for reports
    /// on a value no column gave.
    public static func field(ofPointer pointer: String) -> Field? {
        if pointer == "/basics/location" { return .location }
        if pointer.hasPrefix("/work/") { return .employer }
        if pointer.hasPrefix("/skills") { return .skills }
        return pointers.first { $0.value == pointer && $0.key != .firstName && $0.key != .lastName }?.key
    }

    /// The row as a JSON Resume document, and for each JSON pointer the column it came from, so a report names the
    /// column ("Email Address") rather than the pointer.
    public func resume(_ row: [String]) -> (document: JSONValue, columns: [String: String]) {
        var basics: [String: JSONValue] = [:]
        var location: [String: JSONValue] = [:]
        var profiles: [JSONValue] = []
        var work: [String: JSONValue] = [:]
        var skills: [JSONValue] = []
        var columns: [String: String] = [:]
        var first: String?
        var last: String?
        var notes: [NoteText.Note] = []
        var noteAuthor: String?
        var noteDate: String?
        var notesColumn = ""
        var externalIDs: [String: JSONValue] = [:]
        for (index, field) in fields.sorted(by: { $0.key < $1.key }) {
            let column = header[index]
            // An empty cell is reported under its column too ("E-mail Address is missing").
            if let pointer = Self.pointers[field], columns[pointer] == nil { columns[pointer] = column }
            guard index < row.count else { continue }
            let value = row[index].trimmed
            guard !value.isEmpty else { continue }
            func put(_ key: String, _ pointer: String, into object: inout [String: JSONValue]) {
                object[key] = .string(value)
                columns[pointer] = column
            }
            switch field {
            case .name: put("name", "/basics/name", into: &basics)
            case .firstName: first = value
            case .lastName: last = value
            case .email: put("email", "/basics/email", into: &basics)
            case .phone: put("phone", "/basics/phone", into: &basics)
            case .headline: put("label", "/basics/label", into: &basics)
            case .summary: put("summary", "/basics/summary", into: &basics)
            case .city: put("city", "/basics/location/city", into: &location)
            case .state: put("region", "/basics/location/region", into: &location)
            case .country: put("countryCode", "/basics/location/countryCode", into: &location)
            case .location:
                // "City, State, Country", "City, Country" or one word; the explicit columns win.
                let parts = value.split(separator: ",").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
                let keys = parts.count >= 3 ? ["city", "region", "countryCode"] : parts.count == 2 ? ["city", "countryCode"] : ["city"]
                for (key, part) in zip(keys, parts.count >= 3 ? [parts[0], parts[1], parts[parts.count - 1]] : parts) where location[key] == nil {
                    location[key] = .string(part)
                    columns["/basics/location/\(key)"] = column
                }
            case .employer:
                work["name"] = .string(value)
                columns["/work/0/name"] = column
            case .skills:
                let names = value.split(whereSeparator: { ";|,\n".contains($0) }).map { $0.trimmedSpaces }
                for name in names where !name.isEmpty {
                    columns["/skills/\(skills.count)"] = column
                    columns["/skills/\(skills.count)/name"] = column
                    skills.append(.object(["name": .string(name)]))
                }
            case .linkedin, .github, .website:
                let network = field == .linkedin ? "LinkedIn" : field == .github ? "GitHub" : "Website"
                columns["/basics/profiles/\(profiles.count)/url"] = column
                profiles.append(.object(["network": .string(network), "url": .string(value)]))
            case .notes:
                notes = NoteText.notes(in: value)
                notesColumn = column
            case .externalID:
                let source = idSource ?? column
                externalIDs[source] = .string(value)
                columns["/externalIDs/\(source)"] = column
            case .noteAuthor: noteAuthor = value
            case .noteDate: noteDate = value
            case .ignore:
                break
            }
        }
        var written: [JSONValue] = []
        for note in notes {
            var fields: [String: JSONValue] = ["text": .string(note.text)]
            if let author = note.author ?? noteAuthor { fields["author"] = .string(author) }
            if let date = note.date ?? noteDate { fields["date"] = .string(date) }
            columns["/notes/\(written.count)"] = notesColumn
            for key in fields.keys { columns["/notes/\(written.count)/\(key)"] = notesColumn }
            written.append(.object(fields))
        }
        if basics["name"] == nil, first != nil || last != nil {
            basics["name"] = .string([first, last].compactMap { $0 }.joined(separator: " "))
        }
        if let title = basics["label"], !work.isEmpty { work["position"] = title }
        if !location.isEmpty { basics["location"] = .object(location) }
        if !profiles.isEmpty { basics["profiles"] = .array(profiles) }
        var document: [String: JSONValue] = ["basics": .object(basics)]
        if !work.isEmpty { document["work"] = .array([.object(work)]) }
        if !skills.isEmpty { document["skills"] = .array(skills) }
        if !written.isEmpty { document["notes"] = .array(written) }
        if !externalIDs.isEmpty { document["externalIDs"] = .object(externalIDs) }
        return (.object(document), columns)
    }
}
