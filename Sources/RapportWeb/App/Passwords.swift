import Crypto
import Foundation
import HummingbirdBcrypt

/// Staff passwords: Bcrypt over the SHA-256 of the password, so every byte of a long password counts (Bcrypt alone
/// ignores whatever follows the 72nd byte) and no NUL byte ever reaches it.
public struct PasswordHasher: Sendable {
    /// Bcrypt's work factor: 12 in production; tests use the minimum, 4.
    public var cost: UInt8

    public static let minimumLength = 12
    public static let maximumLength = 1024

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String {
        Bcrypt.hash(Self.prehash(password), cost: cost)
    }

    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(Self.prehash(password), hash: hash)
    }

    /// What is wrong with a new password, or nil: long enough to resist guessing, short enough not to be a denial of service.
    public static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "must be at least \(minimumLength) characters" }
        if password.utf8.count > maximumLength { return "must be at most \(maximumLength) bytes" }
        return nil
    }

    static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}
