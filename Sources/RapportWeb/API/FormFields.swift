import Foundation
import Hummingbird

/// `application/x-www-form-urlencoded` fields, from a form's body or a URL's query: `+` is a space and `%XX` a byte, in
/// names and values alike, as browsers and HTTP clients encode them.
struct FormFields: Sendable {
    private var values: [String: [String]] = [:]

    init(_ encoded: String) {
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[Self.decode(parts[0]), default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Fields given one by one, as a multipart form's text parts are.
    init(pairs: [(name: String, value: String)]) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    /// The first value given for `key`.
    subscript(_ key: String) -> String? { values[key]?.first }

    /// Every value given for `key`, in order (checkboxes sharing a name, a repeated query parameter).
    func all(_ key: String) -> [String] { values[key] ?? [] }

    /// Whether `key` was given at all, with or without a value.
    func contains(_ key: String) -> Bool { values[key] != nil }

    /// `pairs` as a URL's query, escaped so that `FormFields` reads back exactly what went in ("C++" stays "C++").
    static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A malformed escape ("100%") is kept as written rather than dropped.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// The URL's query parameters, decoded as a browser's form encodes them (Hummingbird's `queryParameters` leaves `+`
    /// as a plus, so "Spring Boot" typed in a search box would arrive as "Spring+Boot").
    var queryFields: FormFields { FormFields(uri.query ?? "") }
}
