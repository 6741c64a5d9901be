import Foundation

/// Who a browser session belongs to: a member of staff, or a candidate in their portal.
public enum SessionSubject: Hashable, Sendable {
    case staff(UserID)
    case candidate(CandidateID)
}

/// A signed-in browser: the cookie's value is never stored, only its SHA-256 hash; the CSRF token goes in every form.
public struct WebSession: Equatable, Sendable {
    /// SHA-256 of the cookie value, hex.
    public var idHash: String
    public var subject: SessionSubject
    /// Put in every form and checked on every POST.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(idHash: String, subject: SessionSubject, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.idHash = idHash
        self.subject = subject
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Passwords, browser sessions and sign-in throttling. Each method is one transaction.
public protocol AccountStore: Sendable {
    /// Sets (or with nil, removes) a user's password hash; every session of theirs ends with it.
    func setPasswordHash(_ hash: String?, for user: UserID) async throws
    func passwordHash(for user: UserID) async throws -> String?

    func createSession(_ session: WebSession) async throws
    /// The session with that hash, if it has not expired at `now`.
    func session(idHash: String, now: Date) async throws -> WebSession?
    func deleteSession(idHash: String) async throws
    /// Removes sessions expired by `now`, sign-in failures and portal links older than a day; returns how many sessions.
    @discardableResult
    func deleteExpiredSessions(now: Date) async throws -> Int

    /// Records a failed sign-in for `key` (an e-mail address, or a network address).
    func recordSignInFailure(key: String, at now: Date) async throws
    /// Failed sign-ins for `key` since `since`.
    func signInFailures(key: String, since: Date) async throws -> Int
    func clearSignInFailures(key: String) async throws

    /// Stores a candidate's single-use portal link (its hash) and queues the e-mail that carries it, in one transaction.
    func createPortalLink(tokenHash: String, candidate: CandidateID, expiresAt: Date, mail: MailEnvelope, messageID: String, at now: Date) async throws
    /// Uses a portal link once: the candidate it signs in, or why it does not.
    func usePortalLink(tokenHash: String, at now: Date) async throws -> PortalLinkUse

    /// The firm's settings an admin saved, by name; empty until one is saved.
    func firmSettings() async throws -> [String: Int]
    /// Saves firm settings by name, replacing earlier values.
    func saveFirmSettings(_ values: [String: Int]) async throws
}

/// What opening a portal link came to.
public enum PortalLinkUse: Equatable, Sendable {
    case signedIn(CandidateID)
    case alreadyUsed
    case expired
    case unknown
}
