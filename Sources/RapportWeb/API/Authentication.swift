import Crypto
import Foundation
import NIOCore
import Hummingbird
import RapportCore

/// The request context of every route: Hummingbird's core plus the signed-in staff member, once known.
public struct RapportRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: User?
    /// The browser session behind the request's cookie, on pages.
    public var session: WebSession?
    /// The peer's IP address, for throttling sign-in.
    public var remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        user = nil
        session = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in user; routes behind `BearerAuthMiddleware` always have one.
    func requireUser() throws -> User {
        guard let user else { throw APIError.unauthorized }
        return user
    }

    /// Refuses the request unless the signed-in user is an admin.
    func requireAdmin(_ action: String) throws {
        guard try requireUser().details.role == .admin else { throw APIError.forbidden("only an admin may \(action)") }
    }
}

/// API tokens: 256 random bits, shown once, stored only as a SHA-256 hash (a fast hash is enough at that entropy).
public enum APIToken {
    public static let prefix = "rpt_"

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Creates a token for `user`, stores its hash and returns the token itself, which is never stored.
    public static func issue(for user: User, label: String, store: any RapportStore, now: Date) async throws -> String {
        let token = generate()
        try await store.saveAPIToken(hash: hash(token), userID: user.id, label: label, at: now)
        return token
    }
}

/// Lets a request through only with `Authorization: Bearer <token>` of an active user.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext
    let store: any RapportStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw APIError.unauthorized }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1].utf8.count <= 200,
              let user = try await store.user(apiTokenHash: APIToken.hash(String(parts[1]).trimmingCharacters(in: .whitespaces)))
        else { throw APIError.unauthorized }
        var context = context
        context.user = user
        return try await next(request, context)
    }
}
