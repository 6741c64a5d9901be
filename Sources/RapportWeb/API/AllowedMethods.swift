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

    /// The methods `path` answers, in a fixed order, or nil when no documented path matches it. Of the templates
    /// that match, the router takes the one whose first parameter comes last (`/skills/normalize` over `/skills/{id}`).
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var best: (literals: [Bool], methods: Set<String>)?
        for template in templates where template.segments.count == segments.count {
            guard zip(template.segments, segments).allSatisfy({ literal, segment in literal.map { $0 == segment } ?? !segment.isEmpty })
            else { continue }
            let literals = template.segments.map { $0 != nil }
            if let current = best, !literals.lexicographicallyPrecedes(current.literals, by: { $0 && !$1 }) {
                if literals == current.literals { best?.methods.formUnion(template.methods) }
                continue
            }
            best = (literals, template.methods)
        }
        return best.map { $0.methods.sorted() }
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
