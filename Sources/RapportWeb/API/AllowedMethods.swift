import Hummingbird
import RapportFormats

/// The methods each documented path answers, read from the OpenAPI document, so that a method a path does not take
/// is answered `405 Method Not Allowed` with an `Allow` header naming those it does, instead of a 404 that says the
/// address is unknown.
struct AllowedMethods: Sendable {
    /// A path template's segments; nil stands for a parameter such as `{id}`.
    private var templates: [(segments: [String?], methods: Set<String>)] = []

    init(document: JSONValue) {
        guard case .object(let root) = document, case .object(let paths)? = root["paths"] else { return }
        for (path, item) in paths {
            guard case .object(let operations) = item else { continue }
            let methods = Set(operations.keys.filter { $0 != "parameters" }.map { $0.uppercased() })
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String? in
                segment.hasPrefix("{") && segment.hasSuffix("}") ? nil : String(segment)
            }
            templates.append((segments, methods))
        }
    }

    /// The methods `path` answers, in a fixed order, or nil when no documented path matches it.
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var found = Set<String>()
        var matched = false
        for template in templates where template.segments.count == segments.count {
            if zip(template.segments, segments).allSatisfy({ literal, segment in literal.map { $0 == segment } ?? !segment.isEmpty }) {
                matched = true
                found.formUnion(template.methods)
            }
        }
        return matched ? found.sorted() : nil
    }
}

/// Answers a documented path asked with a method it does not take: `405` with `Allow`, as RFC 9110 asks.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowed: AllowedMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let methods = allowed.methods(for: request.uri.path), !methods.contains(request.method.rawValue) else {
            return try await next(request, context)
        }
        var error = APIError(status: .methodNotAllowed, code: "method_not_allowed",
                             message: "\(request.uri.path) does not take \(request.method); it takes \(methods.joined(separator: ", "))")
        error.extraHeaders = [.allow: methods.joined(separator: ", ")]
        return try error.response(from: request, context: context)
    }
}
