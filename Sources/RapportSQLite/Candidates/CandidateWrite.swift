import Foundation
import RapportCore

/// What writing one person needs that depends on nothing but their profile: the details column, the salted hashes
/// of their contact points (checked against erased people) and their identity keys. Worked out before the write
/// transaction, on every core, so that a file of ten thousand people holds the one writer only for the writing.
struct CandidateWrite: Sendable {
    var profile: CandidateProfile
    var details: String
    /// A JSON list of hex digests, for `json_each`; empty for an update, which is never checked against erasures.
    var contactHashes: String
    var keys: [String]

    /// `salt` is the store's contact salt, for a new person.
    init(_ profile: CandidateProfile, salt: String? = nil) {
        self.profile = profile
        details = CandidateDetailsDocument.encode(profile)
        // Hex digests: safe to write into a JSON array as they are.
        contactHashes = salt.map { "[" + SQLiteStore.contactHashes(profile, salt: $0).map { "\"\($0)\"" }.joined(separator: ",") + "]" } ?? "[]"
        keys = IdentityKeys.keys(for: profile)
    }
}
