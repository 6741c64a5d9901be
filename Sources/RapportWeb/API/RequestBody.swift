import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats

/// Reads a JSON request body in three checked steps: size, syntax, then shape against the route's schema, so that
/// decoding the DTO afterwards cannot fail in a way the client would not understand.
enum RequestBody {
    static let maximumBytes = 1 << 20

    static func json(_ request: Request) async throws -> (Data, JSONValue) {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumBytes)
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { throw APIError.badRequest("the request body is empty; send a JSON object", code: "malformed_json") }
        do throws(FormatError) {
            return (data, try JSONValue.parse(data))
        } catch {
            throw APIError.badRequest("the request body \(error.message)", code: "malformed_json")
        }
    }

    /// Checks `value` against `schema` and decodes it as `T`.
    /// Refuses `value` unless it fits `schema`: 400 for a member the schema does not know, 422 for every other problem.
    static func check(_ value: JSONValue, against schema: Schema) throws {
        let violations = schema.violations(of: value, components: OpenAPIDocument.components)
        if let unknown = violations.unknownFields.first {
            throw APIError.badRequest("unknown field \"\(unknown)\"", field: unknown, code: "unknown_field")
        }
        if !violations.issues.isEmpty { throw APIError.unprocessable(violations.issues) }
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, schema: Schema) throws -> T {
        try check(value, against: schema)
        do {
            return try APIDates.decoder.decode(T.self, from: try JSONEncoder().encode(value))
        } catch let error as DecodingError {
            throw APIError.unprocessable([issue(for: error)])
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, schema: Schema) async throws -> T {
        let (_, value) = try await json(request)
        return try decode(type, from: value, schema: schema)
    }

    /// A decoding failure the schema did not foresee, reported against the field it happened at.
    static func issue(for error: DecodingError) -> ValidationIssue {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("") { result, key in
                if let index = key.intValue { return result + "[\(index)]" }
                return result.isEmpty ? key.stringValue : result + "." + key.stringValue
            }
        }
        switch error {
        case .dataCorrupted(let context):
            return ValidationIssue(field: path(context.codingPath), message: context.debugDescription)
        case .keyNotFound(let key, let context):
            return ValidationIssue(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context):
            return ValidationIssue(field: path(context.codingPath), message: "must be of type \(type)")
        case .valueNotFound(_, let context):
            return ValidationIssue(field: path(context.codingPath), message: "must not be null")
        @unknown default:
            return ValidationIssue(field: "", message: "is not valid")
        }
    }
}

extension Request {
    /// A text query parameter checked against the schema the OpenAPI document publishes for it, or a 422 naming it;
    /// nil when it is not given.
    func parameter(_ definition: QueryParameter) throws -> String? {
        guard let text = queryFields[definition.name] else { return nil }
        try definition.check(text)
        return text
    }

    /// An integer query parameter read through its definition; its default, or nil, when not given.
    func integer(_ definition: QueryParameter) throws -> Int64? {
        guard case .integer(let number) = try queryFields[definition.name].map(definition.value) ?? definition.defaultValue else { return nil }
        return number
    }

    /// A required id parameter, or a 422 naming it.
    func requiredID(_ definition: QueryParameter) throws -> Int64 {
        guard let id = try integer(definition) else {
            throw APIError.unprocessable([ValidationIssue(field: definition.name, message: "is required")])
        }
        return id
    }

    /// An integer query parameter whose definition has a default.
    func count(_ definition: QueryParameter) throws -> Int {
        Int(try integer(definition) ?? 0)
    }

    /// A `true` or `false` query parameter read through its definition; its default, or false, when not given.
    func boolean(_ definition: QueryParameter) throws -> Bool {
        guard case .bool(let flag) = try queryFields[definition.name].map(definition.value) ?? definition.defaultValue else { return false }
        return flag
    }

    /// A query parameter naming one of a closed set (its definition's values); nil when not given.
    func value<Value: RawRepresentable>(_ definition: QueryParameter, as type: Value.Type) throws -> Value? where Value.RawValue == String {
        guard let text = try parameter(definition) else { return nil }
        return Value(rawValue: text)
    }

    /// Every value of a comma-separated parameter of a closed set, each checked; empty when not given or given empty.
    func values<Value: RawRepresentable>(_ definition: QueryParameter, as type: Value.Type) throws -> [Value] where Value.RawValue == String {
        guard let text = queryFields[definition.name], !text.isEmpty else { return [] }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            try definition.check(String(part))
            guard let value = Value(rawValue: String(part)) else { throw RapportError.invalid([ValidationIssue(field: definition.name, message: "is not valid")]) }
            return value
        }
    }

    /// The page a list request asks for: `limit` (default 50, at most 500) and the `cursor` of the previous page.
    func pageRequest() throws -> PageRequest {
        let limit = try count(PageParameters.limit)
        guard let cursor = queryFields[PageParameters.cursor.name] else { return PageRequest(limit: limit) }
        guard let after = Cursor.decode(cursor) else {
            throw APIError(status: .unprocessableContent, code: "invalid_cursor",
                           message: "cursor must be the nextCursor of the previous page, a number (got \"\(cursor.prefix(40))\")", field: "cursor")
        }
        return PageRequest(limit: limit, after: after)
    }
}
