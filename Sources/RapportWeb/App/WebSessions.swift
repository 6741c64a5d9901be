import Crypto
import Foundation
import Hummingbird
import RapportCore
import Synchronization

/// Browser sessions kept in the store: a random cookie value (only its hash is stored), a CSRF token per session, and
/// cookies that are `HttpOnly`, `SameSite=Lax` and `Secure` (browsers treat 127.0.0.1 and localhost as secure too).
public struct SessionManager: Sendable {
    public static let cookieName = "rapport_session"
    /// A form shown before anyone signs in (sign-in, asking for a portal link) carries this cookie's value.
    public static let preSessionCookieName = "rapport_form"

    let store: any RapportStore
    let now: @Sendable () -> Date
    /// How long a session lasts from sign-in.
    public var lifetime: TimeInterval = 12 * 3600
    /// Whether cookies carry `Secure`; off only for plain-http deployments on another host.
    public var secureCookies: Bool

    public init(store: any RapportStore, now: @escaping @Sendable () -> Date, secureCookies: Bool = true) {
        self.store = store
        self.now = now
        self.secureCookies = secureCookies
    }

    /// Starts a session and returns the cookie that carries it.
    public func start(for subject: SessionSubject) async throws -> (cookie: Cookie, session: WebSession) {
        let value = Self.randomToken()
        let at = now()
        let session = WebSession(idHash: Self.hash(value), subject: subject, csrfToken: Self.randomToken(), createdAt: at,
                                 expiresAt: at.addingTimeInterval(lifetime))
        try await store.createSession(session)
        return (cookie(Self.cookieName, value, maxAge: Int(lifetime)), session)
    }

    /// The live session behind a request's cookie, if any.
    public func session(for request: Request) async throws -> WebSession? {
        guard let value = request.cookies[Self.cookieName]?.value, !value.isEmpty, value.utf8.count <= 128 else { return nil }
        return try await store.session(idHash: Self.hash(value), now: now())
    }

    public func end(_ session: WebSession) async throws {
        try await store.deleteSession(idHash: session.idHash)
    }

    /// A cookie that removes the session cookie.
    public var clearingCookie: Cookie { cookie(Self.cookieName, "", maxAge: 0) }

    /// A fresh token for a form shown before sign-in, set as a cookie and put in the form (double submit).
    public func preSessionToken() -> (cookie: Cookie, token: String) {
        let token = Self.randomToken()
        return (cookie(Self.preSessionCookieName, token, maxAge: 3600), token)
    }

    /// Whether a pre-session form's token matches its cookie.
    public static func preSessionTokenMatches(_ request: Request, form: String?) -> Bool {
        guard let cookie = request.cookies[preSessionCookieName]?.value, let form else { return false }
        return constantTimeEqual(cookie, form)
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// 256 random bits, URL-safe base64.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// Sign-in with e-mail and password, throttled: after 5 failures for an address, or 20 from one network address, in 15
/// minutes, further attempts are refused until the window has passed, whatever the password.
public struct SignInService: Sendable {
    public enum Outcome: Equatable, Sendable {
        case signedIn(User)
        case refused
        case throttled(minutes: Int)
    }

    public static let window: TimeInterval = 15 * 60
    public static let perAccount = 5
    public static let perAddress = 20

    let store: any RapportStore
    let hasher: PasswordHasher
    let now: @Sendable () -> Date

    public init(store: any RapportStore, hasher: PasswordHasher, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.hasher = hasher
        self.now = now
    }

    /// A hash to check against when there is none, so an unknown address costs the same as a wrong password; made
    /// once per cost, on first use.
    private static let stands = Mutex<[UInt8: String]>([:])

    private var stand: String {
        Self.stands.withLock { cache in
            if let known = cache[hasher.cost] { return known }
            let made = hasher.hash(SessionManager.randomToken())
            cache[hasher.cost] = made
            return made
        }
    }

    /// Checks the password; a wrong one, an unknown or inactive user and a user without a password all answer `refused`
    /// (the same answer, after the same Bcrypt work, so nobody learns which addresses exist).
    public func signIn(email: String, password: String, from address: String) async throws -> Outcome {
        let accountKey = "email:" + email.lowercased()
        let addressKey = "addr:" + address
        let since = now().addingTimeInterval(-Self.window)
        let accountFailures = try await store.signInFailures(key: accountKey, since: since)
        let addressFailures = try await store.signInFailures(key: addressKey, since: since)
        if accountFailures >= Self.perAccount || addressFailures >= Self.perAddress {
            return .throttled(minutes: Int(Self.window / 60))
        }
        let user = email.isEmpty ? nil : try await store.user(email: email)
        var hash: String?
        if let user { hash = try await store.passwordHash(for: user.id) }
        // Spend the same work when there is nothing to check against.
        let matches = hasher.verify(password, hash: hash ?? stand)
        guard let user, user.details.active, hash != nil, matches, password.utf8.count <= PasswordHasher.maximumLength else {
            try await store.recordSignInFailure(key: accountKey, at: now())
            try await store.recordSignInFailure(key: addressKey, at: now())
            return .refused
        }
        try await store.clearSignInFailures(key: accountKey)
        return .signedIn(user)
    }
}
