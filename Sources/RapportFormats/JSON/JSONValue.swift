import Foundation

/// Any JSON value, read without a fixed shape: the API's request validator walks it before any document is decoded,
/// and importers check each field themselves and say what they found where (real files carry wrong types, extra
/// fields and nulls that a `Decodable` type would refuse whole).
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The JSON type name, for API messages such as "expected an integer, got a string".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// RFC 7386 JSON Merge Patch: objects merge key by key, `null` removes a key, anything else replaces.
    public func merged(with patch: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var result: [String: JSONValue]
        if case .object(let current) = self { result = current } else { result = [:] }
        for (key, change) in changes {
            if change == .null {
                result.removeValue(forKey: key)
            } else {
                result[key] = (result[key] ?? .null).merged(with: change)
            }
        }
        return .object(result)
    }

    /// Reads `data` as one JSON document. Fails with a sentence a person can act on: not UTF-8, not JSON (what was
    /// expected, at which line and column), or nested deeper than `maximumDepth`.
    public static func parse(_ data: Data, maximumDepth: Int = 64) throws(FormatError) -> JSONValue {
        try JSONReader.read(data, maximumDepth: maximumDepth)
    }

    /// How many arrays and objects deep the value goes.
    public var depth: Int {
        switch self {
        case .array(let items): 1 + (items.map(\.depth).max() ?? 0)
        case .object(let fields): 1 + (fields.values.map(\.depth).max() ?? 0)
        default: 0
        }
    }

    /// What a person who does not write JSON would call this kind of value, for import reports.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .integer, .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }
}

/// A file or record that cannot be read at all, in words for the person who gave it.
public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Something an importer noticed about one field: salvaged with a warning, or refused.
public struct FormatIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        /// The value was kept in a corrected form, or dropped while the rest of the record was kept.
        case warning
        /// The record cannot be imported.
        case error
    }

    /// A JSON pointer ("/work/0/startDate") or a column name.
    public var field: String
    public var message: String
    public var severity: Severity

    public init(field: String, _ message: String, severity: Severity = .warning) {
        self.field = field
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(field): \(message)" }
}
