import Foundation
import Hummingbird
import Logging
import NIOCore
import RapportAPI
import RapportCore
import RapportText

/// An error answer: its HTTP status and what `ErrorDocument` says.
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var field: String?
    var details: [ValidationIssue] = []
    var likelyDuplicates: [LikelyDuplicate] = []
    /// Sent with the answer, such as `Allow` on a 405.
    var extraHeaders: HTTPFields = [:]

    var headers: HTTPFields { extraHeaders }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorDocument(code: code, message: message, field: field, issues: details, likelyDuplicates: likelyDuplicates)
        var headers = extraHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"rapport\"" }
        let data = try APIDates.encoder.encode(body)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func badRequest(_ message: String, field: String? = nil, code: String = "bad_request") -> APIError {
        APIError(status: .badRequest, code: code, message: message, field: field)
    }

    static func unprocessable(_ issues: [ValidationIssue]) -> APIError {
        let first = issues.first ?? ValidationIssue(field: "", message: "is not valid")
        let message = first.field.isEmpty ? first.message : "\(first.field) \(first.message)"
        let more = issues.count > 1 ? " (and \(issues.count - 1) more problem\(issues.count == 2 ? "" : "s"))" : ""
        return APIError(status: .unprocessableContent, code: "validation_failed", message: message + more,
                        field: first.field.isEmpty ? nil : first.field, details: issues)
    }

    static let unauthorized = APIError(status: .unauthorized, code: "unauthorized",
                                       message: "send a valid API token as 'Authorization: Bearer <token>'")

    static func unsupportedMediaType(_ message: String) -> APIError {
        APIError(status: .unsupportedMediaType, code: "unsupported_media_type", message: message)
    }

    static func forbidden(_ message: String) -> APIError {
        APIError(status: .forbidden, code: "forbidden", message: message)
    }

    static let internalError = APIError(status: .internalServerError, code: "internal_error",
                                        message: "something went wrong on our side; it has been logged")

}

extension APIError {
    /// The one place domain errors become HTTP answers.
    init(_ error: RapportError) {
        switch error {
        case .notFound(let entity, let id):
            self.init(status: .notFound, code: "not_found", message: "no \(entity) has id \(id)")
        case .staleVersion(let entity, let id, let expected, let actual):
            self.init(status: .conflict, code: "stale_version",
                      message: "\(entity) \(id) is at version \(actual), not \(expected); fetch it again and reapply your change",
                      field: "version")
        case .duplicate(let field, let message):
            self.init(status: .conflict, code: "duplicate", message: "\(field) \(message)", field: field)
        case .inUse(_, let message):
            self.init(status: .conflict, code: "in_use", message: message)
        case .invalid(let issues) where !issues.isEmpty && issues.allSatisfy(\.missingRecord):
            // Well formed, but what it points at is not held: a conflict with the records as they are, not a 404,
            // which says the addressed resource itself is missing.
            self = .unprocessable(issues)
            status = .conflict
            code = "unknown_reference"
        case .invalid(let issues):
            self = .unprocessable(issues)
        case .likelyDuplicate(let found):
            let names = found.prefix(3).map { "candidate \($0.candidateID) (\($0.name), \($0.reason))" }.joined(separator: "; ")
            self.init(status: .conflict, code: "likely_duplicate",
                      message: "may be someone already held: \(names); compare them, and send allowLikelyDuplicate=true only if this is someone else")
            likelyDuplicates = found
        }
    }
}

/// Turns every error into a JSON answer; anything unexpected becomes a generic 500 whose detail goes only to the log.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as RapportError {
            return try APIError(error).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try APIError(status: .contentTooLarge, code: "body_too_large",
                                message: "the request body is over the limit of \(RequestBody.maximumBytes) bytes")
                .response(from: request, context: context)
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not_found" : error.status == .methodNotAllowed ? "method_not_allowed" : "http_error"
            let message = error.status == .notFound ? "no such route: \(request.method) \(request.uri.path)"
                : (error.body ?? error.status.reasonPhrase)
            return try APIError(status: error.status, code: code, message: message).response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return try APIError.internalError.response(from: request, context: context)
        }
    }
}

/// One line per request: method, path without the query string, status and time. Never headers or bodies, so
/// tokens and contact details stay out of the log.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("request", metadata: [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
            "ms": "\(Int(milliseconds.rounded()))",
        ])
        return response
    }
}
