import Foundation
import RapportCore
import RapportFormats
import RapportImport
import RapportText

/// A JSON Schema (the subset OpenAPI 3.1 documents use here). One description serves twice: it is published in
/// the OpenAPI document, and every request body is checked against it before decoding, so unknown fields and
/// wrong types get a precise answer naming the field.
public struct Schema: Sendable {
    public indirect enum Kind: Sendable {
        case string
        case integer
        case number
        case boolean
        case array(Schema)
        case object([Property])
        case ref(String)
    }

    public struct Property: Sendable {
        public var name: String
        public var schema: Schema
        public var required: Bool
        /// An optional member may be sent as null, meaning the same as leaving it out, unless this is set: a merge
        /// patch may leave out a member the document requires, but not remove it with null.
        public var nullForbidden = false

        public var acceptsNull: Bool { !required && !nullForbidden }
    }

    public var kind: Kind
    public var description: String?
    public var format: String?
    public var values: [String]?
    public var minimum: Double?
    public var maximum: Double?
    public var maxLength: Int?
    /// A regular expression the text must match somewhere (anchor it with ^ and $), as JSON Schema's `pattern`.
    public var pattern: String?
    /// What free text may hold, checked here and published as a `pattern`.
    public var text: TextRule?
    public var maxItems: Int?
    public var minItems: Int?
    /// No two entries of a list are the same.
    public var uniqueItems = false
    public var nullable = false
    /// Written by the server; accepted in requests (so a fetched document can be sent back) and ignored.
    public var readOnly = false

    /// A string; without a format or pattern of its own it is free text, which holds no control characters but
    /// tabs and line breaks (`TextRule.plain`), as every text the domain keeps.
    public static func string(_ description: String? = nil, format: String? = nil, maxLength: Int? = nil, pattern: String? = nil) -> Schema {
        Schema(kind: .string, description: description, format: format, maxLength: maxLength, pattern: pattern,
               text: format == nil && pattern == nil ? .plain : nil)
    }

    /// Free text that must say something: not empty, not only spaces.
    public var nonBlank: Schema {
        var copy = self
        copy.text = .nonBlank
        return copy
    }

    public static func enumeration<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ description: String? = nil) -> Schema where E.RawValue == String {
        Schema(kind: .string, description: description, values: type.allCases.map(\.rawValue))
    }

    public static func integer(_ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil) -> Schema {
        Schema(kind: .integer, description: description, minimum: minimum, maximum: maximum)
    }

    public static func number(_ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil) -> Schema {
        Schema(kind: .number, description: description, minimum: minimum, maximum: maximum)
    }

    public static func boolean(_ description: String? = nil) -> Schema {
        Schema(kind: .boolean, description: description)
    }

    public static func array(_ items: Schema, _ description: String? = nil, minItems: Int? = nil, maxItems: Int? = nil, unique: Bool = false) -> Schema {
        Schema(kind: .array(items), description: description, maxItems: maxItems, minItems: minItems, uniqueItems: unique)
    }

    public static func object(_ description: String? = nil, _ properties: [Property]) -> Schema {
        Schema(kind: .object(properties), description: description)
    }

    public static func ref(_ name: String) -> Schema {
        Schema(kind: .ref(name))
    }

    public static let id = Schema.integer("Identifier assigned by the server.", minimum: 1)
    /// A calendar date of the years 1900 to 2200, which are all the domain keeps.
    public static let date = Schema.string("A calendar date, YYYY-MM-DD, of the years 1900 to 2200.", format: "date",
                                    pattern: "^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
    /// An ISO 3166-1 alpha-2 country code the system knows.
    public static let country = Schema(kind: .string, description: "an ISO 3166-1 alpha-2 country code such as US, GB, NZ or IN", values: Country.codes.sorted())
    /// An IANA time zone the system knows.
    public static let timeZone = Schema(kind: .string, description: "an IANA time zone such as Europe/London", values: CountryTimeZones.names)
    /// A phone number: 6 to 15 digits, with spaces, +, -, ( and ) between them.
    public static let phone = Schema.string("Phone number, 6 to 15 digits, with spaces, +, -, ( and ) as people write them.", maxLength: 30,
                                     pattern: #"^[ +\-().]*([0-9][ +\-().]*){6,15}$"#)
    /// A month (2026-10) or a quarter (2026-Q4) of the years 1900 to 2200.
    public static let period = Schema.string("A month (2026-10) or a quarter (2026-Q4).", pattern: "^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2]|Q[1-4])$")
    public static let dateTime = Schema.string("An instant, RFC 3339 (ISO 8601) with a time zone.", format: "date-time")

    /// The schema of an RFC 7386 merge patch of a document of this schema, which must carry the `version` last
    /// read: every member may be left out; one the document requires may be changed but not removed with null; an
    /// object member is itself a patch; lists and plain values are replaced whole.
    public func mergePatch(components: [String: Schema]) -> Schema {
        var patch = patched(components: components)
        if case .object(var properties) = patch.kind, let index = properties.firstIndex(where: { $0.name == "version" }) {
            properties[index] = Property(name: "version", schema: .integer("The version you last read.", minimum: 1), required: true)
            patch.kind = .object(properties)
        }
        return patch
    }

    private func patched(components: [String: Schema]) -> Schema {
        switch kind {
        case .ref(let name):
            guard let target = components[name], case .object = target.kind else { return self }
            var patch = target.patched(components: components)
            patch.nullable = nullable
            return patch
        case .object(let properties):
            var copy = self
            copy.kind = .object(properties.map { property in
                Property(name: property.name, schema: property.schema.patched(components: components), required: false,
                         nullForbidden: property.required)
            })
            return copy
        default:
            return self
        }
    }

    public var orNull: Schema {
        var copy = self
        copy.nullable = true
        return copy
    }

    public var asReadOnly: Schema {
        var copy = self
        copy.readOnly = true
        return copy
    }
}

/// What free text may hold. The rule is checked scalar by scalar and published as the equivalent JSON Schema pattern.
public enum TextRule: Sendable {
    /// No control characters but tab, line feed and carriage return.
    case plain
    /// As `plain`, and something other than white space (Unicode's White_Space and the zero-width space, which the
    /// domain trims).
    case nonBlank

    /// Control characters: C0 but tab, line feed and carriage return; DEL; C1.
    public static let control = #"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F"#
    /// What `String.trimmed` removes.
    public static let space = #"\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000"#

    public var pattern: String {
        switch self {
        case .plain: "^[^\(Self.control)]*$"
        case .nonBlank: "^[^\(Self.control)]*[^\(Self.control)\(Self.space)][^\(Self.control)]*$"
        }
    }

    /// What is wrong with `text`, or nil.
    public func problem(_ text: String) -> String? {
        if text.unicodeScalars.contains(where: \.isControlInText) {
            return "must not contain control characters"
        }
        if self == .nonBlank && text.trimmed.isEmpty { return "must not be empty" }
        return nil
    }
}

/// `required("name", .string())` and `optional("phone", .string())` read like the document they describe.
public func required(_ name: String, _ schema: Schema) -> Schema.Property {
    Schema.Property(name: name, schema: schema, required: true)
}

public func optional(_ name: String, _ schema: Schema) -> Schema.Property {
    Schema.Property(name: name, schema: schema, required: false)
}

public func readOnly(_ name: String, _ schema: Schema) -> Schema.Property {
    Schema.Property(name: name, schema: schema.asReadOnly, required: false)
}

/// What is wrong with a request body, found by walking it against its schema.
public struct SchemaViolations {
    public var unknownFields: [String] = []
    public var issues: [ValidationIssue] = []
}

extension Schema {
    /// Checks `value` against this schema; `components` resolves `$ref`s.
    public func violations(of value: JSONValue, components: [String: Schema]) -> SchemaViolations {
        var found = SchemaViolations()
        check(value, path: "", components: components, into: &found)
        return found
    }

    private func check(_ value: JSONValue, path: String, components: [String: Schema], into found: inout SchemaViolations) {
        if case .ref(let name) = kind {
            components[name]?.check(value, path: path, components: components, into: &found)
            return
        }
        if value == .null {
            if !nullable { found.issues.append(ValidationIssue(field: path, message: "must not be null")) }
            return
        }
        func fail(_ message: String) { found.issues.append(ValidationIssue(field: path, message: message)) }
        switch (kind, value) {
        case (.string, .string(let text)):
            if let values, !values.contains(text) {
                // A long list (countries, time zones) is named by its description instead of spelled out.
                let expected = values.count > 20 ? description ?? "one of the documented values" : "one of: " + values.joined(separator: ", ")
                fail("must be \(expected) (got \"\(text.prefix(40))\")")
            } else if format == "date", LocalDate(text) == nil {
                fail("must be a date written YYYY-MM-DD (got \"\(text.prefix(40))\")")
            } else if format == "date-time", APIDates.parse(text) == nil {
                fail("must be an RFC 3339 date-time such as 2026-11-28T09:30:00Z (got \"\(text.prefix(40))\")")
            } else if let maxLength, text.unicodeScalars.count > maxLength {
                fail("must be at most \(maxLength) characters (got \(text.unicodeScalars.count))")
            } else if let problem = self.text?.problem(text) {
                fail(problem)
            } else if let pattern, !Self.matches(text, pattern) {
                fail("must match \(pattern) (got \"\(text.prefix(40))\")")
            }
        case (.integer, .integer(let number)):
            checkRange(Double(number), fail)
        case (.integer, .number(let number)) where number.rounded() == number && abs(number) < 9e15:
            checkRange(number, fail)
        case (.number, .integer(let number)):
            checkRange(Double(number), fail)
        case (.number, .number(let number)):
            checkRange(number, fail)
        case (.boolean, .bool):
            break
        case (.array(let items), .array(let elements)):
            if let maxItems, elements.count > maxItems {
                fail("must have at most \(maxItems) entries (got \(elements.count))")
                return
            }
            if uniqueItems, let index = elements.indices.first(where: { index in elements[..<index].contains(elements[index]) }) {
                fail("must not repeat an entry (entry \(index) repeats an earlier one)")
                return
            }
            if let minItems, elements.count < minItems {
                fail("must have at least \(minItems) entr\(minItems == 1 ? "y" : "ies")")
                return
            }
            for (index, element) in elements.enumerated() {
                items.check(element, path: "\(path)[\(index)]", components: components, into: &found)
            }
        case (.object(let properties), .object(let members)):
            let known = Dictionary(properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for key in members.keys.sorted() where known[key] == nil {
                found.unknownFields.append(path.isEmpty ? key : "\(path).\(key)")
            }
            for property in properties {
                let childPath = path.isEmpty ? property.name : "\(path).\(property.name)"
                guard let member = members[property.name] else {
                    if property.required { found.issues.append(ValidationIssue(field: childPath, message: "is required")) }
                    continue
                }
                if property.schema.readOnly { continue }
                if member == .null && property.acceptsNull { continue }
                property.schema.check(member, path: childPath, components: components, into: &found)
            }
        default:
            fail("must be \(expectation), not \(value.typeName)")
        }
    }

    /// Whether `pattern` is found in `text`, as JSON Schema reads `pattern` (a search, anchored only by ^ and $). Only
    /// a line feed ends a line, as in ECMAScript and Python; ICU would also take U+000B, U+000C and U+0085 as line ends.
    public static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: .useUnixLineSeparators) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private func checkRange(_ number: Double, _ fail: (String) -> Void) {
        let low = minimum.map { $0 <= number } ?? true
        let high = maximum.map { number <= $0 } ?? true
        guard !(low && high) else { return }
        switch (minimum, maximum) {
        case (let min?, let max?): fail("must be from \(Self.format(min)) to \(Self.format(max))")
        case (let min?, nil): fail("must be at least \(Self.format(min))")
        case (nil, let max?): fail("must be at most \(Self.format(max))")
        default: break
        }
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number ? String(Int64(number)) : String(number)
    }

    private var expectation: String {
        switch kind {
        case .string: values == nil ? "a string" : "one of: " + (values ?? []).joined(separator: ", ")
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "true or false"
        case .array: "an array"
        case .object: "an object"
        case .ref: "a value"
        }
    }
}

/// RFC 3339 instants in and out of the API, with or without fractional seconds.
public enum APIDates {
    public static func parse(_ text: String) -> Date? {
        guard isInRange(text) else { return nil }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }

    /// RFC 3339's ranges, which Foundation's parser does not check: it reads minute 99 as the next hour and 30 February
    /// as 2 March. `YYYY-MM-DDTHH:MM:SS`, then any fraction, then `Z` or an offset of at most 23:59.
    static func isInRange(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + length)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), hour <= 23, minute <= 59, second <= 60
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return false }
        guard let last = bytes.last, last != UInt8(ascii: "Z"), last != UInt8(ascii: "z") else { return true }
        // An offset: ±HH:MM at the end.
        guard bytes.count >= 25, let offsetHours = number(bytes.count - 5, 2), let offsetMinutes = number(bytes.count - 2, 2) else { return false }
        return offsetHours <= 23 && offsetMinutes <= 59
    }

    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an RFC 3339 date-time")
            }
            return date
        }
        return decoder
    }
}
