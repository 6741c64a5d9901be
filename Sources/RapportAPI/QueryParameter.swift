import RapportCore
import RapportFormats

/// A query parameter as the OpenAPI document states it. The server reads the parameter through the same definition,
/// so what is published and what is accepted cannot drift.
public struct QueryParameter: Sendable {
    public var name: String
    public var description: String
    /// The schema of one value; a repeated or comma-separated parameter is published as an array of it.
    public var schema: Schema
    /// Given once per value (`skill=Go&skill=Rust`).
    public var repeated: Bool
    public var required: Bool
    /// An array written as one comma-separated value (`style: form, explode: false`).
    public var commaSeparated: Bool
    /// What the server takes when the parameter is left out; published as the schema's `default`.
    public var defaultValue: JSONValue?

    public init(name: String, description: String, schema: Schema, repeated: Bool = false, required: Bool = false,
                commaSeparated: Bool = false, defaultValue: JSONValue? = nil) {
        self.name = name
        self.description = description
        self.schema = schema
        self.repeated = repeated
        self.required = required
        self.commaSeparated = commaSeparated
        self.defaultValue = defaultValue
    }

    /// A whole number within `range`, `value` when left out.
    public static func integer(_ name: String, _ description: String, in range: ClosedRange<Int>, default value: Int) -> QueryParameter {
        QueryParameter(name: name, description: "\(description) (\(range.lowerBound) to \(range.upperBound), default \(value)).",
                       schema: .integer(minimum: Double(range.lowerBound), maximum: Double(range.upperBound)), defaultValue: .integer(Int64(value)))
    }

    /// `true` or `false`, false when left out.
    public static func flag(_ name: String, _ description: String) -> QueryParameter {
        QueryParameter(name: name, description: "\(description) (default false).", schema: .boolean(), defaultValue: .bool(false))
    }

    /// The id of a record, which filters a list; optional unless `required`.
    public static func id(_ name: String, _ description: String, required: Bool = false) -> QueryParameter {
        QueryParameter(name: name, description: description, schema: .integer(minimum: 1), required: required)
    }

    /// One value as sent, read as its schema types it (an integer, true or false, or text) and checked against the
    /// schema; a value it does not allow is `RapportError.invalid` naming the parameter, which the API answers 422.
    public func value(_ text: String) throws -> JSONValue {
        let value: JSONValue
        switch schema.kind {
        case .integer:
            guard let number = Self.integer(text) else { throw refusal("must be an integer\(range) (got \"\(text.prefix(40))\")") }
            value = .integer(number)
        case .boolean:
            guard text == "true" || text == "false" else { throw refusal("must be true or false (got \"\(text.prefix(40))\")") }
            value = .bool(text == "true")
        default:
            value = .string(text)
        }
        if let issue = schema.violations(of: value, components: [:]).issues.first { throw refusal(issue.message) }
        return value
    }

    /// Refuses one value as sent unless its schema allows it.
    public func check(_ text: String) throws {
        _ = try value(text)
    }

    private func refusal(_ message: String) -> RapportError {
        RapportError.invalid([ValidationIssue(field: name, message: message)])
    }

    private var range: String {
        switch (schema.minimum, schema.maximum) {
        case (let low?, let high?): " from \(Int64(low)) to \(Int64(high))"
        case (let low?, nil): " of at least \(Int64(low))"
        case (nil, let high?): " of at most \(Int64(high))"
        default: ""
        }
    }

    /// Decimal digits with an optional minus, as JSON writes an integer, within 64 bits.
    private static func integer(_ text: String) -> Int64? {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard (1...19).contains(digits.count), digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int64(text)
    }
}
