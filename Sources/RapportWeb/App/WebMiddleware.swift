import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RapportCore

/// Headers every response carries: a strict Content-Security-Policy (no inline script or style, no framing), no MIME
/// sniffing, and no referrer beyond this site.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        // A page may ask for less (a page reached by a link with a token in it sends no referrer at all).
        if response.headers[.referrerPolicy] == nil { response.headers[.referrerPolicy] = "same-origin" }
        response.headers[.xFrameOptions] = "DENY"
        return response
    }
}

/// Loads the browser session behind the request's cookie; a staff session of an active user signs them in.
struct WebSessionMiddleware: RouterMiddleware {
    let sessions: SessionManager
    let store: any RapportStore

    func handle(
        _ request: Request, context: RapportRequestContext, next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let session = try await sessions.session(for: request) {
            context.session = session
            if case .staff(let id) = session.subject, let user = try? await store.user(id), user.details.active {
                context.user = user
            }
        }
        return try await next(request, context)
    }
}

/// Where a page sends the browser instead: thrown by a route, answered as `303 See Other`.
struct WebRedirect: Error {
    var location: String
}

/// Errors on pages become HTML pages that keep their status and never show internals.
struct HTMLErrorMiddleware: RouterMiddleware {
    let views: WebViews

    func handle(
        _ request: Request, context: RapportRequestContext, next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as WebRedirect {
            return Response(status: .seeOther, headers: [.location: redirect.location, .cacheControl: "no-store"])
        } catch let error as RapportError {
            switch error {
            case .notFound: return page(.notFound, "Not found", "There is nothing here, or it was removed.", context)
            case .invalid(let issues):
                return page(.unprocessableContent, "That did not work", issues.map { "\($0.field) \($0.message)" }.joined(separator: "; "), context)
            case .staleVersion: return page(.conflict, "Changed meanwhile", "Someone changed this while you were looking. Reload and try again.", context)
            case .duplicate(_, let message), .inUse(_, let message): return page(.conflict, "That did not work", message, context)
            case .likelyDuplicate(let found):
                let names = found.prefix(3).map { "\($0.name) (\($0.reason))" }.joined(separator: "; ")
                return page(.conflict, "Someone like this is already held", "This may be \(names). Compare them first.", context)
            }
        } catch is NIOTooManyBytesError {
            return page(.contentTooLarge, "Too large", "What you sent is over the size limit of this form.", context)
        } catch let error as HTTPError {
            let (title, text) = switch error.status {
            case .notFound: ("Not found", "There is no page at this address.")
            case .forbidden: ("Not allowed", "Your role does not allow this.")
            case .methodNotAllowed: ("Not allowed", "This page does not take that kind of request.")
            case .contentTooLarge: ("Too large", "What you sent is over the size limit.")
            default: ("Something went wrong", "The request could not be handled.")
            }
            return page(error.status, title, text, context)
        } catch {
            context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return page(.internalServerError, "Something went wrong", "We could not show this page. It has been logged; try again shortly.", context)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ title: String, _ message: String, _ context: RapportRequestContext) -> Response {
        views.response(ErrorPage(layout: Layout(title: title, context: context), status: Int(status.code), message: message),
                       template: "error", status: status)
    }
}

/// An address no route serves, outside the JSON API, is a page a person typed or followed: it gets the HTML 404 page
/// (with their navigation when signed in), not the API's JSON error.
struct UnknownPageMiddleware: RouterMiddleware {
    let views: WebViews
    let sessions: SessionManager
    let store: any RapportStore

    func handle(
        _ request: Request, context: RapportRequestContext, next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where [.notFound, .methodNotAllowed].contains(error.status) && !request.uri.path.hasPrefix("/api/") {
            return try await WebSessionMiddleware(sessions: sessions, store: store).handle(request, context: context) { request, context in
                try await HTMLErrorMiddleware(views: views).handle(request, context: context) { _, _ in throw error }
            }
        }
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
