import Foundation
import RapportCore

/// The nested parts of a candidate that are always read and written together, stored as one JSON column: written by
/// `DetailsJSON`, read into these types. Storage's own shape, so renaming a Core or API field never changes how stored
/// rows read.
struct CandidateDetailsDocument: Decodable {
    struct Authorisation: Decodable {
        var region: String
        var status: String
        var expires: String?
    }

    struct Pay: Decodable {
        var minorUnits: Int64
        var currency: String
        var unit: String
    }

    struct Goals: Decodable {
        var targetRoles: [String]
        var seniority: String?
        var employmentTypes: [String]
        var minimumPay: Pay?
        var industriesWanted: [String]
        var industriesAvoided: [String]
        var clientsAvoided: [Int64]
        var earliestStart: String?
        /// Written only when true.
        var requiresDisclosedPay: Bool?
        var workingHours: String?
    }

    struct Interests: Decodable {
        var skillsToLearn: [Int64]
        var domains: [String]
    }

    struct Quiet: Decodable {
        var start: String
        var end: String
    }

    struct Contact: Decodable {
        var channels: [String]
        var maxJobPitchesPer30Days: Int
        var quietHours: Quiet
        var doNotContact: Bool
    }

    struct Feedback: Decodable {
        var reason: String
        var jobID: Int64
        var title: String
        var clientID: Int64
        var skills: [Int64]
        var seniority: String
        var city: String?
        var payMaximum: Pay?
        var on: String
    }

    struct Consent: Decodable {
        var purpose: String
        /// Seconds since 2001-01-01, as `DetailsJSON` writes a date.
        var recordedAt: Double
        var method: String
        var legalBasis: String
        var withdrawnAt: Double?
    }

    var links: [String]
    var workAuthorisations: [Authorisation]
    var goals: Goals
    var interests: Interests
    var contactPreferences: Contact
    var consents: [Consent]
    var background: BackgroundRow?
    /// Written only when there is any.
    var feedback: [Feedback]?

    static func encode(_ profile: CandidateProfile) -> String {
        DetailsJSON.encode(profile)
    }

    /// Writes the parts into `profile`; a value this version does not know fails the read rather than being guessed.
    func apply(to profile: inout CandidateProfile) throws {
        profile.links = links
        profile.workAuthorisations = try workAuthorisations.map {
            WorkAuthorisation(region: try Self.value($0.region, "workAuthorisations.region"), status: try Self.value($0.status, "workAuthorisations.status"),
                              expires: try $0.expires.map { try Self.date($0, "workAuthorisations.expires") })
        }
        profile.goals = CareerGoals(
            targetRoles: goals.targetRoles, seniority: try goals.seniority.map { try Self.value($0, "goals.seniority") },
            employmentTypes: try goals.employmentTypes.map { try Self.value($0, "goals.employmentTypes") },
            minimumPay: try goals.minimumPay.map {
                Money(minorUnits: $0.minorUnits, currency: try Self.value($0.currency, "goals.minimumPay.currency"),
                      unit: try Self.value($0.unit, "goals.minimumPay.unit"))
            },
            industriesWanted: goals.industriesWanted, industriesAvoided: goals.industriesAvoided, clientsAvoided: goals.clientsAvoided.map { ClientID($0) },
            earliestStart: try goals.earliestStart.map { try Self.date($0, "goals.earliestStart") },
            requiresDisclosedPay: goals.requiresDisclosedPay ?? false,
            workingHours: try goals.workingHours.map { try Self.value($0, "goals.workingHours") })
        profile.interests = RapportCore.Interests(skillsToLearn: interests.skillsToLearn.map { SkillID($0) }, domains: interests.domains)
        profile.contactPreferences = ContactPreferences(
            channels: try contactPreferences.channels.map { try Self.value($0, "contactPreferences.channels") },
            maxJobPitchesPer30Days: contactPreferences.maxJobPitchesPer30Days,
            quietHours: QuietHours(start: contactPreferences.quietHours.start, end: contactPreferences.quietHours.end),
            doNotContact: contactPreferences.doNotContact)
        profile.consents = try consents.map {
            ConsentRecord(purpose: try Self.value($0.purpose, "consents.purpose"), recordedAt: Date(timeIntervalSinceReferenceDate: $0.recordedAt),
                          method: $0.method, legalBasis: try Self.value($0.legalBasis, "consents.legalBasis"),
                          withdrawnAt: $0.withdrawnAt.map(Date.init(timeIntervalSinceReferenceDate:)))
        }
        background?.apply(to: &profile)
        profile.feedback = try (feedback ?? []).map {
            FeedbackSignal(
                reason: try Self.value($0.reason, "feedback.reason"), jobID: JobID($0.jobID), title: $0.title, clientID: ClientID($0.clientID),
                skills: $0.skills.map { SkillID($0) }, seniority: try Self.value($0.seniority, "feedback.seniority"), city: $0.city,
                payMaximum: try $0.payMaximum.map {
                    Money(minorUnits: $0.minorUnits, currency: try Self.value($0.currency, "feedback.payMaximum.currency"),
                          unit: try Self.value($0.unit, "feedback.payMaximum.unit"))
                },
                on: try Self.date($0.on, "feedback.on"))
        }
    }

    private static func value<Value: RawRepresentable>(_ text: String, _ field: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else { throw UnreadableDetails(field: field, value: text) }
        return value
    }

    private static func date(_ text: String, _ field: String) throws -> LocalDate {
        guard let date = LocalDate(text) else { throw UnreadableDetails(field: field, value: text) }
        return date
    }
}

/// A stored candidate's details hold a value this version of Rapport does not know: written by another version, or
/// changed by hand.
struct UnreadableDetails: Error, CustomStringConvertible {
    var field: String
    var value: String

    var description: String { "a stored candidate's \(field) is \"\(value.prefix(40))\", which this version cannot read" }
}
